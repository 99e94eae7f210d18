import { isToken } from '../../private/tokens';
import { NODE_ENTRY_TYPES } from '../../private/vocabulary';
import { NO_VIOLATIONS, Rule, Severity, Violation } from '../rule';

/**
 * R9: username and Kubernetes groups only on STANDARD entries. EKS sets them for node
 * types (and adds `system:nodes` on EC2_LINUX), so declaring them drifts or fails.
 */
export const EAM009: Rule = {
  id: 'EAM009',
  severity: Severity.ERROR,
  summary: 'Node entry types (`EC2_LINUX`, `FARGATE_LINUX`, ...) take no `username` or `kubernetesGroups`: EKS sets them.',
  source: 'R9 — EKS user guide; eksctl; terraform-aws-eks issue 2896',
  checkEntry: (entry) => {
    if (isToken(entry.type) || !NODE_ENTRY_TYPES.has(entry.type)) { return NO_VIOLATIONS; }
    const violations: Violation[] = [];
    if (entry.username !== undefined) {
      violations.push({
        field: 'username',
        message: `a node entry (${entry.type}) cannot set a username; EKS sets it for nodes`,
        fix: 'remove `username`, or use type STANDARD if this principal is not a node',
      });
    }
    if ((entry.kubernetesGroups ?? []).length > 0) {
      violations.push({
        field: 'kubernetesGroups',
        message: `a node entry (${entry.type}) cannot set Kubernetes groups; EKS sets them for nodes`,
        fix: 'remove `kubernetesGroups`, or use type STANDARD if this principal is not a node',
      });
    }
    return violations;
  },
};
