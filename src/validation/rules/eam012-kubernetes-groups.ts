import { quote } from '../../private/describe-value';
import { Rule, Severity, Violation } from '../rule';

/**
 * R12: a Kubernetes group does not start with `system:` (`system:masters` is refused: use
 * the cluster admin access policy). The list has no duplicates and no empty names.
 */
export const EAM012: Rule = {
  id: 'EAM012',
  severity: Severity.ERROR,
  summary: '`kubernetesGroups` are non-empty, distinct, and none starts with `system:` (for `system:masters` grant `AmazonEKSClusterAdminPolicy`).',
  source: 'R12 — EKS user guide; terraform-aws-eks issue 2915; CloudFormation schema (unique KubernetesGroups)',
  checkEntry: (entry) => {
    const violations: Violation[] = [];
    const seen = new Set<string>();
    (entry.kubernetesGroups ?? []).forEach((group, i) => {
      // A token is checked as written: what it resolves to is unknown, but a literal
      // "system:" before it is refused all the same, and one token listed twice is a duplicate.
      const field = `kubernetesGroups[${i}]`;
      if (group === 'system:masters') {
        violations.push({ field, message: '"system:masters" starts with "system:", which EKS refuses', fix: 'grant AmazonEKSClusterAdminPolicy at cluster scope instead' });
      } else if (group.startsWith('system:')) {
        violations.push({ field, message: `${quote(group)} starts with "system:", which EKS refuses`, fix: 'bind your RBAC roles to a group of your own name, or use an access policy' });
      } else if (group.trim() === '') {
        violations.push({ field, message: 'is an empty group name', fix: 'remove it or name the group' });
      } else if (seen.has(group)) {
        violations.push({ field, message: `${quote(group)} is listed twice; CloudFormation refuses duplicate groups`, fix: 'list each group once' });
      }
      seen.add(group);
    });
    return violations;
  },
};
