import { policyOf } from '../facts/entry-facts';

/**
 * The access as given, with each policy that aws-cdk-lib wrote as an ARN in the stack's
 * partition (`AccessPolicyArn.of(name).policyArn`, or `AccessPolicy.fromAccessPolicyName`)
 * replaced by its name, as the fact adapters read other entries (`policyOf`): the rules
 * then check the name instead of skipping a token, and the template is the same (a name
 * becomes an ARN in the stack's partition).
 *
 * Returns the same object when no policy is such a token.
 */
export function withPolicyNames(access: unknown): unknown {
  const policies = (access as { accessPolicies?: unknown } | undefined)?.accessPolicies;
  if (!Array.isArray(policies) || !anyPartitionPolicyArn(policies)) { return access; }
  return {
    ...(access as object),
    accessPolicies: policies.map((grant) => isPartitionPolicyArn(grant) ? { ...grant, policy: policyOf(grant.policy, grant.policy) } : grant),
  };
}

/** `policies.some(isPartitionPolicyArn)` as a plain loop: this runs once per entry, cold. */
function anyPartitionPolicyArn(policies: readonly unknown[]): boolean {
  for (let i = 0; i < policies.length; i++) {
    if (isPartitionPolicyArn(policies[i])) { return true; }
  }
  return false;
}

function isPartitionPolicyArn(grant: unknown): grant is { policy: string } {
  const policy = (grant as { policy?: unknown } | null)?.policy;
  // `includes` first: a map of thousands of principals names its policies as plain
  // strings, and every other test here runs a regular expression.
  return typeof policy === 'string' && policy.includes('{Token[') && policyOf(policy, policy) !== policy;
}
