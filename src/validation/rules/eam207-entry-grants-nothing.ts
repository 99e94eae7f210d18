import { AccessEntryType } from '../../access-entry-type';
import { EntryModel } from '../../private/model';
import { isToken } from '../../private/tokens';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/**
 * A `STANDARD` entry with Kubernetes groups and no access policy gets its access from
 * RBAC bindings of those groups alone. When no binding of the app names any of them, the
 * entry grants nothing the app can see: its access is wherever else RBAC is written, or
 * none (a misspelt group). Checked only where the app's bindings are known.
 */
export const EAM207: Rule = {
  id: 'EAM207',
  severity: Severity.WARNING,
  summary: 'A `STANDARD` entry with `kubernetesGroups` and no access policy has a group bound in this app (by `groups`, or a Kubernetes manifest of the app): otherwise it grants nothing the app can see.',
  source: 'EKS user guide (access entries: Kubernetes groups need RBAC bindings); Kubernetes RBAC',
  checkEntry: (entry, context) => {
    const bound = context.rbac?.boundGroups;
    if (!bound || !grantsOnlyThroughUnboundGroups(entry, bound)) { return NO_VIOLATIONS; }
    return [{
      field: 'kubernetesGroups',
      message: `no RBAC binding of this app names ${entry.kubernetesGroups!.map((g) => JSON.stringify(g)).join(', ')}, and the entry has no access policy: it grants nothing the app can see`,
      fix: 'bind the group with `groups` (a `clusterRole` or `rules`), or grant an access policy; acknowledge this warning if the group is bound outside this app',
    }];
  },
};

/**
 * True for a `STANDARD` entry with Kubernetes groups and no access policy when none of its
 * groups is in `bound` (a token may be any group, so it counts as bound): the condition of
 * EAM207, also what makes the app's other manifests worth reading for it (`rbacFactsFor`).
 */
export function grantsOnlyThroughUnboundGroups(entry: EntryModel, bound: ReadonlySet<string>): boolean {
  const groups = entry.kubernetesGroups ?? [];
  if (entry.type !== AccessEntryType.STANDARD || entry.accessPolicies.length > 0 || groups.length === 0) { return false; }
  return !groups.some((group) => isToken(group) || bound.has(group));
}
