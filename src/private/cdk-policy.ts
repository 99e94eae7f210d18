import { Token } from 'aws-cdk-lib';
import { policyNameOfRendered } from './policy-arn';

/**
 * The access as given, with each policy that aws-cdk-lib wrote as an ARN in the stack's
 * partition (`AccessPolicyArn.of(name).policyArn`, or `AccessPolicy.fromAccessPolicyName`)
 * replaced by its name: the rules then check the name instead of skipping a token, and
 * the template is the same (a name becomes an ARN in the stack's partition).
 *
 * Returns the same object when no policy is such a token.
 */
export function withPolicyNames(access: unknown): unknown {
  const policies = (access as { accessPolicies?: unknown } | undefined)?.accessPolicies;
  if (!Array.isArray(policies) || !policies.some(isPartitionPolicyArn)) { return access; }
  return {
    ...(access as object),
    accessPolicies: policies.map((grant) => isPartitionPolicyArn(grant)
      ? { ...grant, policy: policyNameOfRendered(grant.policy) }
      : grant),
  };
}

function isPartitionPolicyArn(grant: unknown): grant is { policy: string } {
  const policy = (grant as { policy?: unknown } | null)?.policy;
  // `includes` first: Token.isUnresolved runs a regular expression, and a map of thousands
  // of principals names its policies as plain strings.
  return typeof policy === 'string' && policy.includes('{Token[') && Token.isUnresolved(policy) && policyNameOfRendered(policy) !== undefined;
}
