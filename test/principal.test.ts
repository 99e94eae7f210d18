import { App, CfnParameter, Fn, Lazy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describePrincipal, entryIdFor, literalPrincipal } from '../src/principal';

const stack = () => new Stack(new App(), 'Stack');

describe('describePrincipal', () => {
  test('keeps a literal ARN as it is', () => {
    const arn = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123';
    expect(describePrincipal(stack(), arn)).toEqual({
      display: arn,
      arn,
      identity: arn,
      facts: {
        kind: 'role',
        partition: 'aws',
        account: '111122223333',
        path: '/aws-reserved/sso.amazonaws.com/',
        name: 'AWSReservedSSO_Admin_0123',
        // Identity Center's role of the permission set Admin.
        permissionSet: 'Admin',
      },
    });
  });

  test('knows no permission set of an AWSReservedSSO_ role outside the SSO path, or of a name without a suffix', () => {
    expect(describePrincipal(stack(), 'arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_0123').facts.permissionSet).toBeUndefined();
    expect(describePrincipal(stack(), 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin').facts.permissionSet).toBeUndefined();
    expect(describePrincipal(stack(), 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_Ops_0a1b').facts.permissionSet).toBe('Dev_Ops');
  });

  test('names the in-app role a token refers to', () => {
    const s = stack();
    const role = new iam.Role(s, 'Dev', { assumedBy: new iam.AccountRootPrincipal() });
    expect(describePrincipal(s, role.roleArn)).toEqual({
      display: '(token) Stack/Dev.Arn',
      tokenTarget: 'Stack/Dev',
      identity: 'ref:Stack/Dev#Arn',
      facts: { kind: 'role', path: '/', inAppWithFixedName: false, resolvedArn: undefined },
    });
  });

  test('knows the account, partition, path and fixed name of an in-app role', () => {
    const s = new Stack(new App(), 'Stack', { env: { account: '444455556666', region: 'us-gov-west-1' } });
    const role = new iam.Role(s, 'Dev', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'dev', path: '/teams/' });
    expect(describePrincipal(s, role.roleArn).facts).toEqual({
      kind: 'role',
      account: '444455556666',
      partition: 'aws-us-gov',
      path: '/teams/',
      name: 'dev',
      inAppWithFixedName: true,
      resolvedArn: 'arn:aws-us-gov:iam::444455556666:role/teams/dev',
    });
  });

  test('knows an in-app user', () => {
    const s = stack();
    const user = new iam.User(s, 'Alice');
    expect(describePrincipal(s, user.userArn).facts.kind).toBe('user');
  });

  test('knows nothing of a literal that is not an IAM principal', () => {
    expect(describePrincipal(stack(), 'not-an-arn').facts).toEqual({});
  });

  test('names the parameter a token refers to', () => {
    const s = stack();
    const param = new CfnParameter(s, 'PrincipalArn');
    expect(describePrincipal(s, param.valueAsString).identity).toBe('ref:Stack/PrincipalArn#Ref');
  });

  test('identifies another token by the expression it stands for', () => {
    const s = stack();
    expect(describePrincipal(s, Fn.importValue('AdminRoleArn')).identity).toBe('expr:{"Fn::ImportValue":"AdminRoleArn"}');
  });

  test('identifies a token whose value is a literal by that literal expression', () => {
    const s = stack();
    const lazy = Lazy.string({ produce: () => 'arn:aws:iam::111122223333:role/x' });
    expect(describePrincipal(s, lazy).identity).toBe('expr:"arn:aws:iam::111122223333:role/x"');
  });
});

describe('entryIdFor', () => {
  test('is readable and ends with a hash of the principal', () => {
    const arn = 'arn:aws:iam::111122223333:role/teams/platform_admins';
    expect(entryIdFor(literalPrincipal(arn))).toMatch(/^role-teams-platform-admins-[0-9a-f]{8}$/);
  });

  test('keeps the end of a very long principal, where the name is', () => {
    const arn = `arn:aws:iam::111122223333:role/${'p/'.repeat(100)}the-name`;
    const id = entryIdFor(literalPrincipal(arn));
    expect(id.length).toBeLessThanOrEqual(69);
    expect(id).toContain('the-name');
  });

  test('uses the referenced construct for a token', () => {
    expect(entryIdFor({ display: 'x', tokenTarget: 'Stack/Dev', identity: 'ref:Stack/Dev#Arn', facts: {} })).toMatch(/^Stack-Dev-[0-9a-f]{8}$/);
  });
});
