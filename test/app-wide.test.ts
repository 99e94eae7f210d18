import { App, Annotations as CoreAnnotations, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EksAccessManager } from '../src';
import { synthError } from './synth-error';

const DEV = 'arn:aws:iam::111122223333:role/dev';
const ENV = { account: '111122223333', region: 'eu-west-1' };


describe('principals across the app', () => {
  test('fails when two managers of one stack grant the same principal on one cluster', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new EksAccessManager(stack, 'Platform', { clusterName: 'prod', principals: { [DEV]: {} } });
    new EksAccessManager(stack, 'Team', { clusterName: 'prod', principals: { [DEV]: {} } });
    expect(synthError(app)).toContain(`[Stack/Team] [EAM002] ${DEV}: is declared twice for this cluster: at Stack/Team principals and at Stack/Platform principals`);
  });

  test('fails when two stacks grant the same principal on one cluster', () => {
    const app = new App();
    new EksAccessManager(new Stack(app, 'One', { env: ENV }), 'Access', { clusterName: 'prod', principals: { [DEV]: {} } });
    new EksAccessManager(new Stack(app, 'Two', { env: ENV }), 'Access', { clusterName: 'prod', principals: { [DEV]: {} } });
    expect(synthError(app)).toContain('at Two/Access principals and at One/Access principals');
  });

  test('accepts the same principal on two clusters', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new EksAccessManager(stack, 'Prod', { clusterName: 'prod', principals: { [DEV]: {} } });
    new EksAccessManager(stack, 'Staging', { clusterName: 'staging', principals: { [DEV]: {} } });
    expect(synthError(app)).toBeUndefined();
  });

  test('accepts the same cluster name in two regions', () => {
    const app = new App();
    new EksAccessManager(new Stack(app, 'Eu', { env: ENV }), 'Access', { clusterName: 'prod', principals: { [DEV]: {} } });
    new EksAccessManager(new Stack(app, 'Us', { env: { ...ENV, region: 'us-east-1' } }), 'Access', { clusterName: 'prod', principals: { [DEV]: {} } });
    expect(synthError(app)).toBeUndefined();
  });

  test('fails when a token and the literal ARN name the same in-app role with a fixed name', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack', { env: ENV });
    const role = new iam.Role(stack, 'Dev', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'dev' });
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [role.roleArn]: {}, [DEV]: {} } });
    expect(synthError(app)).toContain(`[EAM002] ${DEV}: is declared twice for this cluster`);
  });
});

describe('warnings', () => {
  const admin = { accessPolicies: [{ policy: 'AmazonEKSClusterAdminPolicy', accessScope: { type: 'cluster' } }] } as never;

  test('are annotations with the rule id, and synth succeeds', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { 'arn:aws:iam::111122223333:user/alice': admin } });
    expect(synthError(app)).toBeUndefined();
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('^\\[EAM202\\] arn:aws:iam::111122223333:user/alice: accessPolicies\\[0\\]\\.policy: grants cluster admin'));
  });

  test('are attached to the principal\'s entry', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { 'arn:aws:iam::111122223333:user/alice': admin } });
    app.synth();
    const entryPath = `/${manager.entryFor('arn:aws:iam::111122223333:user/alice')!.node.path}`;
    Annotations.fromStack(stack).hasWarning(entryPath, Match.stringLikeRegexp('EAM202'));
  });

  test('can be acknowledged by id on the manager', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { 'arn:aws:iam::111122223333:user/alice': admin } });
    CoreAnnotations.of(manager).acknowledgeWarning('eks-access-manager:EAM202', 'break-glass user, keys in a vault');
    app.synth();
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('warn on an in-app role with a fixed name', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const role = new iam.Role(stack, 'Dev', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'dev' });
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [role.roleArn]: {} } });
    app.synth();
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('\\[EAM203\\] \\(token\\) Stack/Dev.Arn: is the role "dev" of this app'));
  });
});
