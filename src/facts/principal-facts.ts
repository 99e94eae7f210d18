import { Environment, partitionOf } from './cluster-facts';
import { PrincipalFacts } from '../private/model';
import { literalString } from '../private/tokens';

/** The IAM resource types whose `Arn` is a principal: their kind and name property, in both casings. */
export const IAM_PRINCIPAL_TYPES: Readonly<Record<string, { readonly kind: 'role' | 'user'; readonly nameProperty: string; readonly cfnNameProperty: string }>> = {
  'AWS::IAM::Role': { kind: 'role', nameProperty: 'roleName', cfnNameProperty: 'RoleName' },
  'AWS::IAM::User': { kind: 'user', nameProperty: 'userName', cfnNameProperty: 'UserName' },
};

/**
 * What an IAM role or user of the app says of itself, wherever it is read from (the L1,
 * or its template resource): its kind, name and path, its account and partition where
 * its stack is deployed, and the ARN it will have when all of them are known.
 *
 * @param kind role or user
 * @param name its name property (a literal, a token, or undefined when CDK generates it)
 * @param path its path property (undefined is `/`)
 * @param env where its stack is deployed
 */
export function iamPrincipalFacts(kind: 'role' | 'user', name: unknown, path: unknown, env: Environment): PrincipalFacts {
  const literalName = literalString(name);
  const literalPath = path === undefined ? '/' : literalString(path);
  const partition = partitionOf(env.region);
  const known = env.account && partition && literalPath && literalName;
  return {
    kind,
    account: env.account,
    partition,
    path: literalPath,
    name: literalName,
    inAppWithFixedName: literalName !== undefined,
    resolvedArn: known ? `arn:${partition}:iam::${env.account}:${kind}${literalPath}${literalName}` : undefined,
  };
}

/**
 * The CloudFormation type of the custom resource of `PermissionSetRole`, and its property
 * that names the permission set: both adapters recognise a `GetAtt` of its `Arn` by them.
 */
export const PERMISSION_SET_ROLE_TYPE = 'Custom::EksAccessPermissionSetRole';
export const PERMISSION_SET_NAME_PROPERTY = 'PermissionSetName';

/** Where IAM Identity Center creates its roles: the path, with a region segment unless it runs in us-east-1. */
const SSO_ROLE_PATH = /^\/aws-reserved\/sso\.amazonaws\.com\/(?:[a-z0-9-]+\/)?$/;
/** `AWSReservedSSO_<permission set>_<hex suffix>`: the suffix holds no `_`, so the permission set ends at the last one. */
const SSO_ROLE_NAME = /^AWSReservedSSO_(.+)_[0-9a-fA-F]+$/;

/**
 * What is known before deploy of the role `PermissionSetRole` looks up: a role of IAM
 * Identity Center, in the account its stack is deployed to, under the SSO path (with a
 * region segment or not: not known), for one permission set. Its name's suffix is not known.
 *
 * @param permissionSetName the custom resource's `PermissionSetName` (a literal, or a token)
 * @param env where its stack is deployed
 * @param stackId a unique id of its stack in the adapter's world, for when the account is unknown
 */
export function permissionSetRoleFacts(permissionSetName: unknown, env: Environment, stackId: string): PrincipalFacts {
  const name = literalString(permissionSetName);
  return {
    kind: 'role',
    account: env.account,
    partition: partitionOf(env.region),
    permissionSet: name,
    // Two lookups of one permission set in one account find the same role; in an
    // environment-agnostic stack, the stack is the account.
    lookedUpIn: env.account ?? `stack ${stackId}`,
  };
}

/** The permission set an IAM Identity Center role's path and name say it is for; undefined for any other role. */
export function permissionSetOfRole(path: string, name: string): string | undefined {
  return SSO_ROLE_PATH.test(path) ? SSO_ROLE_NAME.exec(name)?.[1] : undefined;
}

/** A principal's text in findings, with the permission set a looked-up role is for. */
export function displayWithPermissionSet(display: string, facts: PrincipalFacts): string {
  return facts.lookedUpIn !== undefined && facts.permissionSet !== undefined
    ? `${display} (IAM Identity Center permission set "${facts.permissionSet}")`
    : display;
}
