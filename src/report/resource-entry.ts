import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import { TemplateEntry, TemplatePolicy } from './template-entry';
import { BoundedCache } from '../private/bounded-cache';
import { unchangedLogicalId } from '../private/logical-ids';
import { policyArn, policyNameOfRendered } from '../private/policy-arn';
import { literalString } from '../private/tokens';

/**
 * An entry of this library as its template will have it, read from the resource itself
 * instead of from the template file; undefined when only the template can tell.
 *
 * The template says what the resource's properties say when nothing else changes them:
 * every value is a literal (a token resolves to an expression only the template has), no
 * override was added (`addOverride`, `addPropertyOverride`, their deletions) and the
 * logical id is still the one the manager gave it. Reading the resource instead of parsing
 * the template file (2.8 MB at 3,000 entries) is most of the report's cost saved; an entry
 * that fails any check is read from the template.
 *
 * The one token allowed is the stack's partition in a policy ARN (as this library and
 * aws-cdk-lib write a policy name): its name is known, and the report shows the name.
 */
export function entryAsMade(resource: CfnAccessEntry): TemplateEntry | undefined {
  const logicalId = unchangedLogicalId(resource);
  if (logicalId === undefined || !withoutOverrides(resource)) { return undefined; }
  const principalArn = resource.principalArn;
  const type = resource.type;
  const username = resource.username;
  if (!isLiteral(principalArn) || (type !== undefined && !isLiteral(type)) || (username !== undefined && !isLiteral(username))) {
    return undefined;
  }
  const kubernetesGroups = literalList(resource.kubernetesGroups);
  const policies = policiesOf(resource.accessPolicies);
  if (kubernetesGroups === undefined || policies === undefined) { return undefined; }
  return {
    logicalId,
    principalArn,
    clusterName: resource.clusterName,
    type: type ?? 'STANDARD',
    username,
    kubernetesGroups,
    policies,
    // The report does not show tags.
    tags: [],
  };
}

/** True when no raw override is set: the field `addOverride` writes, in every aws-cdk-lib 2.x. */
function withoutOverrides(resource: CfnAccessEntry): boolean {
  const overrides = (resource as unknown as { rawOverrides?: unknown }).rawOverrides;
  if (typeof overrides !== 'object' || overrides === null) { return false; }
  for (const _ in overrides) { return false; }
  return true;
}

const NONE: readonly string[] = [];

function policiesOf(value: unknown): TemplatePolicy[] | undefined {
  if (value === undefined) { return []; }
  if (!Array.isArray(value)) { return undefined; }
  const policies: TemplatePolicy[] = [];
  for (let i = 0; i < value.length; i++) {
    const policy = value[i] as CfnAccessEntry.AccessPolicyProperty | undefined;
    const scope = policy?.accessScope as CfnAccessEntry.AccessScopeProperty | undefined;
    const arn = literalPolicyArn(policy?.policyArn);
    const namespaces = literalList(scope?.namespaces);
    if (arn === undefined || !isLiteral(scope?.type) || namespaces === undefined) { return undefined; }
    policies.push({ policyArn: arn, scopeType: scope!.type, namespaces });
  }
  return policies;
}

/**
 * The policy ARN as a literal: itself, or, for a policy ARN in the stack's partition (the
 * `Aws.PARTITION` token and nothing else), the same ARN in the `aws` partition: the report
 * shows its name, which is the same in every partition.
 */
function literalPolicyArn(arn: unknown): string | undefined {
  return typeof arn === 'string' ? LITERAL_POLICY_ARNS.get(arn, literalPolicyArnUncached) : undefined;
}

/**
 * `literalPolicyArn` by ARN text: thousands of entries hold the same few policy ARNs (the
 * same strings, see `policyArn`), and the test for a token costs more than the lookup.
 */
const LITERAL_POLICY_ARNS = new BoundedCache<string | undefined>(1000);

function literalPolicyArnUncached(arn: string): string | undefined {
  if (isLiteral(arn)) { return arn; }
  const name = policyNameOfRendered(arn);
  return name === undefined ? undefined : policyArn(name, 'aws');
}

function literalList(value: unknown): readonly string[] | undefined {
  if (value === undefined) { return NONE; }
  if (!Array.isArray(value)) { return undefined; }
  for (let i = 0; i < value.length; i++) {
    if (!isLiteral(value[i])) { return undefined; }
  }
  return value as string[];
}

/** A string that holds no token (of any kind: string, list element, number). */
function isLiteral(value: unknown): value is string {
  return literalString(value) !== undefined;
}
