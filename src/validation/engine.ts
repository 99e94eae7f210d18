import { Finding } from './finding';
import { Rule, RuleContext } from './rule';
import { EntryModel } from '../private/model';

/** The principal shown for a finding about the cluster settings rather than one entry. */
export const CLUSTER_SETTINGS = '(cluster settings)';

/**
 * Runs every rule over every entry and returns all findings: per entry in the order the
 * entries were declared, then those about several entries together.
 */
export function runRules(entries: readonly EntryModel[], context: RuleContext, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const entry of entries) {
    for (const rule of rules) {
      for (const violation of rule.checkEntry?.(entry, context) ?? []) {
        findings.push({ ruleId: rule.id, severity: rule.severity, principal: entry.principal.display, source: entry.source, ...violation });
      }
    }
  }
  for (const rule of rules) {
    for (const { entry, ...violation } of rule.checkAll?.(entries, context) ?? []) {
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        principal: entry?.principal.display ?? CLUSTER_SETTINGS,
        source: entry?.source ?? context.cluster.source,
        ...violation,
      });
    }
  }
  return findings;
}
