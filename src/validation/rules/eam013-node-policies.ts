import { AccessEntryType } from '../../access-entry-type';
import { EksAccessPolicy } from '../../policy';
import { parsePolicy } from '../../private/policy-arn';
import { isToken } from '../../private/tokens';
import { NODE_ENTRY_TYPES } from '../../private/vocabulary';
import { NO_VIOLATIONS, Rule, Severity, Violation } from '../rule';

/**
 * R13: access policies only on STANDARD entries, except EC2 (Auto Mode) nodes, which take
 * `AmazonEKSAutoNodePolicy` at cluster scope.
 */
export const EAM013: Rule = {
  id: 'EAM013',
  severity: Severity.ERROR,
  summary: 'Node entry types take no access policies, except `EC2` (Auto Mode) with `AmazonEKSAutoNodePolicy` at cluster scope.',
  source: 'R13 — EKS API reference; EKS user guide; aws-cdk issue 37496',
  checkEntry: (entry) => {
    if (isToken(entry.type) || !NODE_ENTRY_TYPES.has(entry.type)) { return NO_VIOLATIONS; }
    const violations: Violation[] = [];
    for (const grant of entry.accessPolicies) {
      if (entry.type === AccessEntryType.EC2 && isAutoNodeAtClusterScope(grant.policy, grant.scopeType)) { continue; }
      violations.push({
        field: grant.field,
        message: `a node entry (${entry.type}) cannot have access policies`,
        fix: entry.type === AccessEntryType.EC2
          ? `an Auto Mode node entry takes only ${EksAccessPolicy.AUTO_NODE} at cluster scope`
          : 'remove the policy, or use type STANDARD if this principal is not a node',
      });
    }
    return violations;
  },
};

function isAutoNodeAtClusterScope(policy: string | undefined, scopeType: string | undefined): boolean {
  if (policy === undefined || isToken(policy)) { return true; }
  return parsePolicy(policy).name === EksAccessPolicy.AUTO_NODE && scopeType === 'cluster';
}
