import { readFileSync } from 'fs';
import { IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1, PolicyViolationBeta1 } from 'aws-cdk-lib';
import { clusterInTemplate, clusterKeyOf, modelOfTemplateEntry, TemplateFile } from './template-model';
import { EntryModel } from '../private/model';
import { templateEntries } from '../report/template-entry';
import { Severity } from '../severity';
import { DEFAULT_RULES } from '../validation';
import { runRules } from '../validation/engine';
import { Finding } from '../validation/finding';
import { InAppCluster } from '../validation/rule';

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
   * Checks the access entries of the templates.
   */
  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const clusters = new Map<string, ClusterGroup>();
    for (const path of context.templatePaths) {
      const file: TemplateFile = { path, resources: JSON.parse(readFileSync(path, 'utf8')).Resources ?? {} };
      for (const entry of templateEntries({ Resources: file.resources })) {
        const key = clusterKeyOf(file, entry.clusterName);
        const group: ClusterGroup = clusters.get(key) ?? { entries: [], cluster: clusterInTemplate(file, entry.clusterName), located: new Map() };
        const model = modelOfTemplateEntry(file, entry);
        group.entries.push(model);
        group.located.set(model, [path, entry.logicalId]);
        clusters.set(key, group);
      }
    }

    const byRule = new Map<string, PolicyViolationBeta1>();
    let errors = 0;
    for (const group of clusters.values()) {
      const source = group.cluster?.path ?? 'templates';
      const findings = runRules(group.entries, { cluster: { unknownFields: [], malformedFields: [], source, inApp: group.cluster } }, DEFAULT_RULES);
      for (const finding of findings) {
        if (finding.severity === Severity.WARNING && !this.includeWarnings) { continue; }
        if (finding.severity === Severity.ERROR) { errors++; }
        const entry = group.entries.find((e) => e.source === finding.source);
        const [templatePath, resourceLogicalId] = entry ? group.located.get(entry)! : [undefined, undefined];
        addViolation(byRule, finding, templatePath, resourceLogicalId);
      }
    }
    return { success: errors === 0, violations: [...byRule.values()] };
  }
}

/** The entries of one cluster, and where each stands (template path, logical id). */
interface ClusterGroup {
  readonly entries: EntryModel[];
  readonly cluster?: InAppCluster;
  readonly located: Map<EntryModel, [string, string]>;
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
