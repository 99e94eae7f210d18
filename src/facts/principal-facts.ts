import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Environment } from './cluster-facts';
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
  const partition = env.region === undefined ? undefined : RegionInfo.get(env.region).partition;
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
