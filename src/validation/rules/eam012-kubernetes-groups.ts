import { quote } from '../../private/describe-value';
import { CollectionViolation, Rule, Severity, Violation } from '../rule';

/**
 * R12: a Kubernetes group does not start with `system:` (`system:masters` is refused: use
 * the cluster admin access policy). The list has no duplicates and no empty names. A group
 * of `groups` is named the same way: a binding of a `system:` group is for no entry of
 * the map, and for principals Kubernetes chooses itself (`system:authenticated` is every one).
 */
export const EAM012: Rule = {
  id: 'EAM012',
  severity: Severity.ERROR,
  summary: '`kubernetesGroups` are non-empty, distinct, and none starts with `system:` (for `system:masters` grant `AmazonEKSClusterAdminPolicy`); nor does a group of `groups`.',
  source: 'R12 — EKS user guide; terraform-aws-eks issue 2915; CloudFormation schema (unique KubernetesGroups)',
  checkEntry: (entry) => {
    const violations: Violation[] = [];
    const seen = new Set<string>();
    (entry.kubernetesGroups ?? []).forEach((group, i) => {
      // A token is checked as written: what it resolves to is unknown, but a literal
      // "system:" before it is refused all the same, and one token listed twice is a duplicate.
      const field = `kubernetesGroups[${i}]`;
      const problem = groupNameProblem(group, false);
      if (problem) {
        violations.push({ field, ...problem });
      } else if (seen.has(group)) {
        violations.push({ field, message: `${quote(group)} is listed twice; CloudFormation refuses duplicate groups`, fix: 'list each group once' });
      }
      seen.add(group);
    });
    return violations;
  },
  checkAll: (_entries, context) => {
    const violations: CollectionViolation[] = [];
    for (const { group } of context.rbac?.groups ?? []) {
      const problem = groupNameProblem(group, true);
      if (problem) { violations.push({ group, field: '', ...problem }); }
    }
    return violations;
  },
};

/**
 * R12: why a Kubernetes group name cannot be carried by an access entry (it starts with
 * `system:`, which EKS refuses, or is blank), or undefined when it can. For both the
 * entries' `kubernetesGroups` and the names of `groups`.
 *
 * @param group the group as written
 * @param bound true for the name of a group binding, false for a group of an entry
 */
function groupNameProblem(group: string, bound: boolean): { message: string; fix: string } | undefined {
  if (group.startsWith('system:')) {
    const refused = bound
      ? ' (EKS refuses it on access entries, so no entry of this map can carry it), and Kubernetes puts its own principals in it'
      : ', which EKS refuses';
    const fix = group === 'system:masters'
      ? 'grant AmazonEKSClusterAdminPolicy at cluster scope instead'
      : bound
        ? 'bind a group of your own name, and list it in the `kubernetesGroups` of the entries it is for'
        : 'bind your RBAC roles to a group of your own name, or use an access policy';
    return { message: `${quote(group)} starts with "system:"${refused}`, fix };
  }
  if (group.trim() === '') {
    return bound
      ? { message: 'is an empty group name', fix: 'name the group as the entries\' `kubernetesGroups` do' }
      : { message: 'is an empty group name', fix: 'remove it or name the group' };
  }
  return undefined;
}
