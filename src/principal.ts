import { CfnElement, CfnResource, Reference, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { knownEnvironment } from './facts/cluster-facts';
import { displayWithPermissionSet, IAM_PRINCIPAL_TYPES, iamPrincipalFacts, PERMISSION_SET_NAME_PROPERTY, PERMISSION_SET_ROLE_TYPE, permissionSetOfRole, permissionSetRoleFacts } from './facts/principal-facts';
import { propertiesOf } from './private/cfn-properties';
import { PrincipalFacts, PrincipalModel } from './private/model';
import { parseIamPrincipal } from './private/principal-arn';
import { shortHash } from './private/short-hash';
import { literalString, referenceOf } from './private/tokens';

/**
 * Describes a principal key of the access map: a literal ARN, or a token such as
 * `role.roleArn`. For a token, what it refers to gives it an identity that does not depend
 * on the order in which tokens were created, so the entry's logical id is stable.
 */
export function describePrincipal(scope: IConstruct, key: string): PrincipalModel {
  // `literalString` tests for a token without a regular expression when it can: this runs
  // once per principal of the map.
  if (literalString(key) !== undefined) {
    return literalPrincipal(key);
  }
  const reference = referenceOf(key);
  if (reference) {
    const facts = referenceFacts(reference);
    const target = facts.lookedUpIn === undefined ? referencedResourcePath(reference.target) : lookupPath(reference.target);
    return {
      display: displayWithPermissionSet(`(token) ${target}.${reference.displayName}`, facts),
      tokenTarget: target,
      identity: `ref:${target}#${reference.displayName}`,
      facts,
    };
  }
  const expression = resolvedExpression(scope, key);
  return { display: `(token) ${expression}`, identity: `expr:${expression}`, facts: {} };
}

/**
 * A construct id for a principal's entry: readable, and a function of the principal
 * alone (so adding, removing or reordering other principals never renames it).
 */
export function entryIdFor(principal: PrincipalModel): string {
  const readable = principal.arn
    ? principal.arn.slice(principal.arn.lastIndexOf(':') + 1)
    : principal.tokenTarget ?? 'Token';
  // The end of a long ARN is kept: that is where the role or user name is.
  const cleaned = readable.replace(/[^A-Za-z0-9]+/g, '-').slice(-60).replace(/^-+|-+$/g, '');
  const hash = shortHash(principal.identity);
  return `${cleaned || 'Principal'}-${hash}`;
}

/** The model of a principal written as a literal ARN (or any literal string). */
export function literalPrincipal(arn: string): PrincipalModel {
  const parts = parseIamPrincipal(arn);
  if (!parts) { return { display: arn, arn, identity: arn, facts: {} }; }
  const facts: PrincipalFacts = { kind: parts.kind, partition: parts.partition, account: parts.account, path: parts.path, name: parts.name };
  const permissionSet = parts.kind === 'role' ? permissionSetOfRole(parts.path, parts.name) : undefined;
  return { display: arn, arn, identity: arn, facts: permissionSet === undefined ? facts : { ...facts, permissionSet } };
}

/**
 * What the in-app IAM role or user a reference points at says about itself; or, for the
 * role a `PermissionSetRole` looks up, what is known of it before deploy.
 */
function referenceFacts(reference: Reference): PrincipalFacts {
  const target = reference.target;
  if (!CfnResource.isCfnResource(target) || reference.displayName !== 'Arn') { return {}; }
  if (target.cfnResourceType === PERMISSION_SET_ROLE_TYPE) {
    const stack = Stack.of(target);
    return permissionSetRoleFacts(propertiesOf(target)[PERMISSION_SET_NAME_PROPERTY], knownEnvironment(stack.account, stack.region), stack.node.path);
  }
  const type = IAM_PRINCIPAL_TYPES[target.cfnResourceType];
  if (!type) { return {}; }
  // CfnRole and CfnUser expose their properties as public fields of the same names.
  const props = target as unknown as Record<string, unknown>;
  const stack = Stack.of(target);
  return iamPrincipalFacts(type.kind, props[type.nameProperty], props.path, knownEnvironment(stack.account, stack.region));
}

/** The path of the construct a reference points at, without the L1's trailing `/Resource`. */
function referencedResourcePath(target: IConstruct): string {
  const path = target.node.path;
  return CfnElement.isCfnElement(target) && target.node.id === 'Resource'
    ? path.slice(0, -'/Resource'.length)
    : path;
}

/** The path of a `PermissionSetRole`: its custom resource is `<lookup>/Resource/Default`. */
function lookupPath(target: IConstruct): string {
  return target.node.path.replace(/\/Resource\/Default$/, '');
}

/** The CloudFormation expression a non-reference token stands for, as stable text. */
function resolvedExpression(scope: IConstruct, key: string): string {
  try {
    return JSON.stringify(Stack.of(scope).resolve(key));
  } catch {
    // A token that cannot be resolved yet (a Lazy, say) still gets an identity; it is the
    // token's own text, which the user can replace with a literal ARN if it is unstable.
    return key;
  }
}
