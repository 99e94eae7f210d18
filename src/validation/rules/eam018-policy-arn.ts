import { quote } from '../../private/describe-value';
import { parsePolicy } from '../../private/policy-arn';
import { isToken } from '../../private/tokens';
import { Rule, Severity, Violation } from '../rule';

const IAM_POLICY_ARN = /^arn:[a-z-]+:iam::(\d{12}|aws):policy\//;

/**
 * R18: a policy is an access policy name, or an ARN
 * `arn:<partition>:eks::aws:cluster-access-policy/<Name>` in the stack's partition.
 */
export const EAM018: Rule = {
  id: 'EAM018',
  severity: Severity.ERROR,
  summary: '`policy` is an access policy name or `arn:<partition>:eks::aws:cluster-access-policy/<Name>`, in the stack\'s partition.',
  source: 'R18 — EKS user guide (China Regions docs); aws-cdk-lib',
  checkEntry: (entry, context) => {
    const violations: Violation[] = [];
    for (const grant of entry.accessPolicies) {
      const policy = grant.policy;
      if (policy === undefined || isToken(policy)) { continue; }
      const parsed = parsePolicy(policy);
      if (parsed.name === undefined) {
        violations.push({ field: `${grant.field}.policy`, ...describeBadPolicy(policy, parsed.isArn) });
      } else if (parsed.partition && context.partition && parsed.partition !== context.partition) {
        violations.push({
          field: `${grant.field}.policy`,
          message: `${quote(policy)} is in partition "${parsed.partition}", but the stack is in "${context.partition}"`,
          fix: `write the policy name ${quote(parsed.name)} alone: it becomes an ARN in the stack's partition`,
        });
      }
    }
    return violations;
  },
};

function describeBadPolicy(policy: string, isArn: boolean): { message: string; fix: string } {
  if (IAM_POLICY_ARN.test(policy)) {
    return {
      message: `${quote(policy)} is an IAM policy, not an EKS access policy`,
      fix: 'attach IAM policies to the role itself; here use an EKS access policy such as "AmazonEKSViewPolicy"',
    };
  }
  if (isArn) {
    return {
      message: `${quote(policy)} is not an EKS cluster access policy ARN`,
      fix: 'write "arn:<partition>:eks::aws:cluster-access-policy/<Name>", or just the policy name',
    };
  }
  return {
    message: `${quote(policy)} is neither an access policy name nor an ARN`,
    fix: 'use a policy name such as "AmazonEKSViewPolicy" (see EksAccessPolicy) or its full ARN',
  };
}
