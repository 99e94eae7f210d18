import { existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { App, Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AccessScopeType, EksAccessManager, EksAccessPolicy, PermissionSetRole } from '../../src';
import { appIn } from '../report/helpers';

const EU = { account: '111122223333', region: 'eu-west-1' };
const NONCE = { [PermissionSetRole.LOOKUP_NONCE_CONTEXT]: 'fixed' };
const EDIT_DEV = { accessPolicies: [{ policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['dev'] } }] };

function stackIn(app: App = new App({ context: NONCE })): Stack {
  return new Stack(app, 'Platform', { env: EU });
}

/** The logical id of the only resource of a type. */
function onlyLogicalId(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('PermissionSetRole', () => {
  test('creates a custom resource that looks up the permission set, and an entry whose PrincipalArn is its Arn', () => {
    // GIVEN
    const stack = stackIn();
    const developers = new PermissionSetRole(stack, 'Developers', { permissionSetName: 'Developers' });

    // WHEN
    new EksAccessManager(stack, 'Access', { clusterName: 'prod' }).addRole(developers.role, EDIT_DEV);

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('Custom::EksAccessPermissionSetRole', Match.exact({
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EksAccessManagerPermissionSetRoleProvider.*Handler'), 'Arn'] },
      PermissionSetName: 'Developers',
      LookupNonce: 'fixed',
    }));
    const lookup = onlyLogicalId(template, 'Custom::EksAccessPermissionSetRole');
    template.hasResourceProperties('AWS::EKS::AccessEntry', {
      ClusterName: 'prod',
      PrincipalArn: { 'Fn::GetAtt': [lookup, 'Arn'] },
      AccessPolicies: [Match.objectLike({ AccessScope: { Type: 'namespace', Namespaces: ['dev'] } })],
    });
    expect(stack.resolve(developers.roleName)).toEqual({ 'Fn::GetAtt': [lookup, 'RoleName'] });
  });

  test('creates the same entry from a principals key and from lookup()', () => {
    const stack = stackIn();
    const role = PermissionSetRole.lookup(stack, 'Developers', { permissionSetName: 'Developers' });

    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [role.roleArn]: EDIT_DEV } });

    const template = Template.fromStack(stack);
    const lookup = onlyLogicalId(template, 'Custom::EksAccessPermissionSetRole');
    template.hasResourceProperties('AWS::EKS::AccessEntry', { PrincipalArn: { 'Fn::GetAtt': [lookup, 'Arn'] } });
  });

  test('creates one provider per stack, whose only permission is iam:ListRoles on every role', () => {
    // GIVEN / WHEN: two lookups
    const stack = stackIn();
    new PermissionSetRole(stack, 'Developers', { permissionSetName: 'Developers' });
    new PermissionSetRole(stack, 'Admins', { permissionSetName: 'Admins' });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::EksAccessPermissionSetRole', 2);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs22.x', Handler: '__entrypoint__.handler', Timeout: 300 });
    template.hasResourceProperties('AWS::IAM::Role', Match.exact({
      AssumeRolePolicyDocument: Match.anyValue(),
      // Only its logs, besides ListRoles.
      ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }],
      Policies: [{
        PolicyName: 'Inline',
        PolicyDocument: { Version: '2012-10-17', Statement: [Match.exact({ Effect: 'Allow', Action: ['iam:ListRoles'], Resource: '*' })] },
      }],
    }));
  });

  test('ships the handler as its own file, without the AWS SDK (the Lambda runtime has it)', () => {
    const app = appIn({ context: NONCE });
    new PermissionSetRole(stackIn(app), 'Developers', { permissionSetName: 'Developers' });

    const assembly = app.synth();

    const assets = readdirSync(assembly.directory).filter((f) => f.startsWith('asset.'));
    expect(assets).toHaveLength(1);
    expect(readdirSync(join(assembly.directory, assets[0])).sort()).toEqual(['__entrypoint__.js', 'index.js']);
    expect(existsSync(join(assembly.directory, assets[0], 'node_modules'))).toBe(false);
  });

  test('takes the nonce from the prop over the context, and the time of synth by default', () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
    try {
      const stack = stackIn(new App());
      new PermissionSetRole(stack, 'ByTime', { permissionSetName: 'Developers' });
      const fixed = stackIn(new App({ context: NONCE }));
      new PermissionSetRole(fixed, 'ByProp', { permissionSetName: 'Developers', lookupNonce: 'v2' });

      Template.fromStack(stack).hasResourceProperties('Custom::EksAccessPermissionSetRole', { LookupNonce: '2026-12-01T10:00:00.000Z' });
      Template.fromStack(fixed).hasResourceProperties('Custom::EksAccessPermissionSetRole', { LookupNonce: 'v2' });
    } finally {
      jest.useRealTimers();
    }
  });

  test('hands out a role that CDK never changes: grants add no policy to it', () => {
    const stack = stackIn();
    const developers = new PermissionSetRole(stack, 'Developers', { permissionSetName: 'Developers' });

    // An ImmutableRole says it added the statement, and drops it.
    developers.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));

    // A mutable imported role would get an AWS::IAM::Policy attached to its name.
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
  });

  test.each([
    ['Dev Ops', '"Dev Ops"'],
    ['', '""'],
    ['a'.repeat(33), `"${'a'.repeat(33)}"`],
    ['Dev/Ops', '"Dev/Ops"'],
  ])('fails on the permission set name %j, which Identity Center does not allow', (name, shown) => {
    expect(() => new PermissionSetRole(stackIn(), 'Lookup', { permissionSetName: name })).toThrow(
      `Platform/Lookup: \`permissionSetName\` must be the name of an IAM Identity Center permission set, 1 to 32 characters of letters, digits and + = , . @ _ -, got ${shown}`,
    );
  });

  test('accepts every character Identity Center allows, at 32 characters, and a token', () => {
    const stack = stackIn();
    expect(() => new PermissionSetRole(stack, 'Literal', { permissionSetName: 'Dev_Ops+1=,.@-aaaaaaaaaaaaaaaaaa' })).not.toThrow();
    expect(() => new PermissionSetRole(stack, 'Token', { permissionSetName: Lazy.string({ produce: () => 'Dev' }) })).not.toThrow();
  });
});
