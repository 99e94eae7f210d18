import { Finding } from './finding';
import { Rule, RuleContext } from './rule';
import { EntryModel } from '../private/model';
import { groupDisplay } from '../rbac/group-model';

/** The principal shown for a finding about the cluster settings rather than one entry. */
export const CLUSTER_SETTINGS = '(cluster settings)';

/**
 * Runs every rule and returns all findings: per entry in the order the entries were
 * declared, then those about several entries together.
 *
 * @param entries the entries to report on
 * @param context facts about where they go
 * @param rules the rules to run
 * @param clusterEntries every entry of the cluster, across managers, for the rules that
 * look at entries together (duplicates, quota); only findings on `entries` (or on the
 * cluster settings) are returned
 */
export function runRules(
  entries: readonly EntryModel[],
  context: RuleContext,
  rules: readonly Rule[],
  clusterEntries: readonly EntryModel[] = entries,
): Finding[] {
  // Rule by rule, so that each inner loop calls one function (V8 optimizes a call site
  // that always calls the same function); findings are then put back in entry order.
  const byEntry: Array<Finding[] | undefined> = [];
  for (const rule of rules) {
    const check = rule.checkEntry;
    if (check === undefined) { continue; }
    for (let i = 0; i < entries.length; i++) {
      const violations = check(entries[i], context);
      if (violations.length === 0) { continue; }
      const entry = entries[i];
      const found = byEntry[i] ?? (byEntry[i] = []);
      for (const violation of violations) {
        found.push({
          ruleId: rule.id,
          severity: rule.severity,
          principal: entry.principal.display,
          identity: entry.principal.identity,
          source: entry.source,
          ...violation,
        });
      }
    }
  }
  const findings: Finding[] = [];
  for (const found of byEntry) {
    if (found !== undefined) { findings.push(...found); }
  }
  const own = new Set(entries);
  for (const rule of rules) {
    for (const { entry, group, ...violation } of rule.checkAll?.(clusterEntries, context) ?? []) {
      if (entry && !own.has(entry)) { continue; }
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        principal: entry?.principal.display ?? (group === undefined ? CLUSTER_SETTINGS : groupDisplay(group)),
        identity: entry?.principal.identity,
        ...(group === undefined ? {} : { group }),
        source: entry?.source ?? context.cluster.source,
        ...violation,
      });
    }
  }
  return findings;
}
