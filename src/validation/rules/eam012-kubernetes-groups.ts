import { quote } from '../../private/describe-value';
import { groupNameProblem } from '../../private/group-names';
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
