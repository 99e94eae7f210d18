import { isToken } from '../../private/tokens';
import { CollectionViolation, NO_VIOLATIONS, Rule, Severity } from '../rule';

/**
 * A group bound here that no access entry of the cluster carries grants nothing (yet): a
 * misspelt group on either side is the usual reason. Every entry of the cluster counts,
 * whoever made it; an entry whose groups are a token may carry it, so none is flagged then.
 */
export const EAM206: Rule = {
  id: 'EAM206',
  severity: Severity.WARNING,
  summary: 'A group of `groups` is carried by an access entry of the cluster (in `kubernetesGroups`); a binding no entry carries grants nothing.',
  source: 'EKS user guide (access entries: Kubernetes groups); Kubernetes RBAC (group subjects)',
  checkAll: (entries, context) => {
    const groups = context.rbac?.groups ?? [];
    if (groups.length === 0) { return NO_VIOLATIONS; }
    const carried = new Set<string>();
    for (const entry of entries) {
      for (const group of entry.kubernetesGroups ?? []) {
        // An unknown group may be any of them: nothing is flagged.
        if (isToken(group)) { return NO_VIOLATIONS; }
        carried.add(group);
      }
    }
    const violations: CollectionViolation[] = [];
    for (const { group } of groups) {
      if (carried.has(group)) { continue; }
      violations.push({
        group,
        field: '',
        message: 'is bound, but no access entry of the cluster lists it in `kubernetesGroups`: the binding grants nothing',
        fix: 'add the group to the `kubernetesGroups` of the entries it is for (check its spelling on both sides); acknowledge this warning if its members come later',
      });
    }
    return violations;
  },
};
