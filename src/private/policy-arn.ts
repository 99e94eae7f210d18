/**
 * Policy names and ARNs (rule R18): `arn:<partition>:eks::aws:cluster-access-policy/<Name>`,
 * where the account field is the literal `aws` and the partition varies.
 */

import { BoundedCache } from './bounded-cache';

/** The shape of an access policy name: letters and digits, as AWS names them. */
export const POLICY_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,127}$/;

const POLICY_ARN_PATTERN = /^arn:(aws[a-z-]*):eks::aws:cluster-access-policy\/([A-Za-z][A-Za-z0-9]{0,127})$/;

/** What a `policy` string turned out to be. */
export interface ParsedPolicy {
  /** The policy name, when the string is a well-formed name or policy ARN. */
  readonly name?: string;
  /** The partition written in a policy ARN. */
  readonly partition?: string;
  /** True when the string was written as an ARN. */
  readonly isArn: boolean;
}

/**
 * Parsed policies by string. A map names a handful of policies thousands of times, and
 * several rules parse each one; the results are small and immutable.
 */
const PARSED = new BoundedCache<ParsedPolicy>(1000);

/** Parses a policy name or ARN; `name` is undefined when the string is neither. */
export function parsePolicy(policy: string): ParsedPolicy {
  return PARSED.get(policy, parseUncached);
}

function parseUncached(policy: string): ParsedPolicy {
  if (policy.startsWith('arn:')) {
    const match = POLICY_ARN_PATTERN.exec(policy);
    return match ? { isArn: true, partition: match[1], name: match[2] } : { isArn: true };
  }
  return POLICY_NAME_PATTERN.test(policy) ? { isArn: false, name: policy } : { isArn: false };
}

/**
 * Policy ARNs by partition and name, each made once: every entry that names a policy then
 * holds the same string, which later lookups by that string (the report's, CDK's token
 * cache) hash once instead of once per entry.
 */
const ARNS = new BoundedCache<BoundedCache<string>>(100);

/** The ARN of a policy name in a partition (which may be a token, such as `AWS::Partition`). */
export function policyArn(name: string, partition: string): string {
  return ARNS.get(partition, newArnCache).get(name, (policyName) => `arn:${partition}:eks::aws:cluster-access-policy/${policyName}`);
}

function newArnCache(): BoundedCache<string> {
  return new BoundedCache(1000);
}

/**
 * The partition of a policy ARN written as the stack's partition, in either rendering: a
 * template's `${AWS::Partition}` (see `renderValue`) or the construct tree's token of
 * `Aws.PARTITION` (`${Token[AWS.Partition.12]}`).
 */
const PARTITION_PARAMETER = /^arn:(\$\{AWS::Partition\}|\$\{Token\[AWS\.Partition\.\d+\]\}):/;

/**
 * The policy name of a policy written as text: a name, a literal policy ARN, or an ARN in
 * the stack's partition (`arn:${AWS::Partition}:eks::aws:cluster-access-policy/<Name>`,
 * which aws-cdk-lib's `AccessPolicy.fromAccessPolicyName` and this library write). The
 * report and both fact adapters read policies through this one function, so they agree
 * on what a policy is. Undefined when the text is none of these (another expression).
 */
export function policyNameOfRendered(text: string): string | undefined {
  return parsePolicy(text.replace(PARTITION_PARAMETER, 'arn:aws:')).name;
}
