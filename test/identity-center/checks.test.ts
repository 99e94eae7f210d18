import { App, Stack } from 'aws-cdk-lib';
import { AccessScopeType, EksAccessManager, EksAccessPolicy, PermissionSetRole } from '../../src';
import { describePrincipal } from '../../src/principal';
import { synthError } from '../synth-error';

/**
 * What the manager's synth-time checks know of a role looked up from a permission set: a
 * role, in the stack's account, under the SSO path, of that permission set; not a token
 * they know nothing of.
 */

const EU = { account: '111122223333', region: 'eu-west-1' };
const VIEW_ALL = { accessPolicies: [{ policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } }] };
const SSO_DEV = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_0123456789abcdef';

function platform(env: { account?: string; region?: string } | undefined = EU, app = new App({ context: { [PermissionSetRole.LOOKUP_NONCE_CONTEXT]: 'fixed' } })): Stack {
  return new Stack(app, 'Platform', { env });
}

describe('the facts of a looked-up role', () => {
  test('are a role of the stack\'s account and partition, for its permission set, looked up there', () => {
    const stack = platform();
    const dev = new PermissionSetRole(stack, 'Dev', { permissionSetName: 'Dev' });

    const principal = describePrincipal(stack, dev.roleArn);

    expect(principal.facts).toEqual({ kind: 'role', account: '111122223333', partition: 'aws', permissionSet: 'Dev', lookedUpIn: '111122223333' });
    expect(principal.display).toBe('(token) Platform/Dev.Arn (IAM Identity Center permission set "Dev")');
    expect(principal.tokenTarget).toBe('Platform/Dev');
  });

  test('are looked up in the stack itself when its account is unknown', () => {
    const stack = platform({});
    const dev = new PermissionSetRole(stack, 'Dev', { permissionSetName: 'Dev' });

    expect(describePrincipal(stack, dev.roleArn).facts).toEqual({ kind: 'role', permissionSet: 'Dev', lookedUpIn: 'stack Platform' });
  });
});

describe('EAM004 on a looked-up role', () => {
  test('fails on the literal ARN of an Identity Center role without its path', () => {
    const stack = platform();
    new EksAccessManager(stack, 'Access', {
      clusterName: 'prod',
      principals: { 'arn:aws:iam::111122223333:role/AWSReservedSSO_Dev_0123456789abcdef': VIEW_ALL },
    });

    expect(synthError(stack)).toContain('[EAM004] arn:aws:iam::111122223333:role/AWSReservedSSO_Dev_0123456789abcdef: is an IAM Identity Center role without its aws-reserved/sso.amazonaws.com/ path');
  });

  test('passes the lookup of the same permission set: its ARN has the path by construction', () => {
    const stack = platform();
    new EksAccessManager(stack, 'Access', { clusterName: 'prod' })
      .addRole(PermissionSetRole.lookup(stack, 'Dev', { permissionSetName: 'Dev' }), VIEW_ALL);

    expect(synthError(stack)).toBeUndefined();
  });
});

describe('EAM002 on a looked-up role', () => {
  test('fails on a lookup and the literal ARN of the same permission set\'s role in the same account', () => {
    const stack = platform();
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [SSO_DEV]: VIEW_ALL } });
    manager.addRole(PermissionSetRole.lookup(stack, 'Dev', { permissionSetName: 'Dev' }), VIEW_ALL);

    expect(synthError(stack)).toContain(
      '[EAM002] (token) Platform/Dev.Arn (IAM Identity Center permission set "Dev"): is the role of IAM Identity Center permission set "Dev" in account 111122223333, '
      + `as ${SSO_DEV} is (at Platform/Access principals, here at Platform/Access addRole(Platform/Dev/Role)): one role, two entries. `
      + 'Fix: keep one of the two: the lookup (`PermissionSetRole`) follows the role when Identity Center recreates it with a new suffix, a literal ARN does not',
    );
  });

  test('fails on two lookups of one permission set in one environment-agnostic stack', () => {
    const stack = platform({});
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod' });
    manager.addRole(PermissionSetRole.lookup(stack, 'Dev', { permissionSetName: 'Dev' }), VIEW_ALL);
    manager.addRole(PermissionSetRole.lookup(stack, 'DevAgain', { permissionSetName: 'Dev' }), VIEW_ALL);

    expect(synthError(stack)).toContain('[EAM002] (token) Platform/DevAgain.Arn (IAM Identity Center permission set "Dev"): is declared twice for this cluster');
  });

  test('passes a lookup beside the literal ARN of another permission set, and two lookups in two accounts', () => {
    const app = new App({ context: { [PermissionSetRole.LOOKUP_NONCE_CONTEXT]: 'fixed' } });
    const one = platform(EU, app);
    new EksAccessManager(one, 'Access', { clusterName: 'prod', principals: { [SSO_DEV.replace('_Dev_', '_DevOps_')]: VIEW_ALL } })
      .addRole(PermissionSetRole.lookup(one, 'Dev', { permissionSetName: 'Dev' }), VIEW_ALL);
    const two = new Stack(app, 'Other', { env: { ...EU, account: '444455556666' } });
    new EksAccessManager(two, 'Access', { clusterName: 'prod' })
      .addRole(PermissionSetRole.lookup(two, 'Dev', { permissionSetName: 'Dev' }), VIEW_ALL);

    expect(synthError(one)).toBeUndefined();
  });
});
