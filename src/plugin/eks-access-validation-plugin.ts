import { IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1, PolicyViolationBeta1 } from 'aws-cdk-lib';
import { TemplateEntryFacts, templateFactsOf } from '../facts/template-facts';
import { Severity } from '../severity';
import { DEFAULT_RULES } from '../validation';
import { runRules } from '../validation/engine';
import { Finding } from '../validation/finding';

/**
 * Options of the validation plugin.
 */
export interface EksAccessValidationPluginProps {
  /**
   * Report warnings as violations too (they never fail synth).
   *
   * @default true
   */
  readonly includeWarnings?: boolean;
}

/**
 * A CDK policy-validation plugin that runs this library's rules over every
 * `AWS::EKS::AccessEntry` of the synthesized templates, whoever created it: aws-cdk-lib's
 * `AccessEntry`, `Cluster.grantAccess`, a raw `CfnAccessEntry`, or `EksAccessManager`.
 * Duplicate principals of a cluster are found across all stacks.
 *
 * @example
 * const app = new App({ policyValidationBeta1: [new EksAccessValidationPlugin()] });
 */
export class EksAccessValidationPlugin implements IPolicyValidationPluginBeta1 {
  /** The plugin's name, as CDK prints it. */
  public readonly name = 'eks-access-manager';

  /** The ids of the rules the plugin runs. */
  public readonly ruleIds?: string[] = DEFAULT_RULES.map((r) => r.id);

  private readonly includeWarnings: boolean;

  constructor(props: EksAccessValidationPluginProps = {}) {
    this.includeWarnings = props.includeWarnings !== false;
  }

  /**
   * Checks the access entries of the templates (and of the nested templates they deploy).
   */
  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const byRule = new Map<string, PolicyViolationBeta1>();
    let errors = 0;
    for (const cluster of templateFactsOf(context.templatePaths)) {
      const located = new Map<string, TemplateEntryFacts>();
      for (const entry of cluster.entries) { located.set(entry.model.source, entry); }
      const findings = runRules(cluster.entries.map((e) => e.model), {
        account: cluster.account,
        partition: cluster.partition,
        cluster: { clusterName: cluster.clusterName, unknownFields: [], malformedFields: [], source: cluster.label, inApp: cluster.inApp },
      }, DEFAULT_RULES);
      for (const finding of findings) {
        if (finding.severity === Severity.WARNING && !this.includeWarnings) { continue; }
        if (finding.severity === Severity.ERROR) { errors++; }
        const entry = located.get(finding.source);
        addViolation(byRule, finding, entry?.templatePath, entry?.logicalId);
      }
    }
    return { success: errors === 0, violations: [...byRule.values()] };
  }
}

function addViolation(byRule: Map<string, PolicyViolationBeta1>, finding: Finding, templatePath?: string, logicalId?: string): void {
  const rule = DEFAULT_RULES.find((r) => r.id === finding.ruleId)!;
  const violation = byRule.get(rule.id) ?? {
    ruleName: rule.id,
    description: rule.summary,
    severity: rule.severity,
    fix: 'see each location',
    violatingResources: [],
  };
  const location = `${finding.principal}: ${finding.field ? `${finding.field}: ` : ''}${finding.message}. Fix: ${finding.fix}`;
  (violation.violatingResources as Array<{ resourceLogicalId: string; templatePath: string; locations: string[] }>).push({
    resourceLogicalId: logicalId ?? '(cluster)',
    templatePath: templatePath ?? '',
    locations: [location],
  });
  byRule.set(rule.id, violation);
}
