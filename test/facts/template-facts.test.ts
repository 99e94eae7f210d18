import { basename } from 'path';
import { App, CfnParameter, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { CfnAccessEntry, CfnCluster } from 'aws-cdk-lib/aws-eks';
import * as eksV1 from 'aws-cdk-lib/aws-eks';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { templateFactsOf } from '../../src/facts/template-facts';
import { v1Cluster } from '../eks-v1-cluster';
import { appIn } from '../report/helpers';

const DEV = 'arn:aws:iam::111122223333:role/dev';
const EU = { account: '111122223333', region: 'eu-west-1' };

/** The template paths of an app, as CDK gives them to a validation plugin. */
function templatesOf(build: (app: App) => void): string[] {
  const app = appIn();
  build(app);
  return app.synth({ skipValidation: true }).stacksRecursively.map((s) => s.templateFullPath);
}

function cfnCluster(stack: Stack, accessConfig?: CfnCluster.AccessConfigProperty): CfnCluster {
  return new CfnCluster(stack, 'Cluster', { roleArn: 'arn:aws:iam::111122223333:role/cluster', resourcesVpcConfig: { subnetIds: ['subnet-1'] }, accessConfig });
}

describe('templateFactsOf', () => {
  test('creates an unknown mode for a CfnCluster whose mode is a parameter, not CONFIG_MAP', () => {
    const paths = templatesOf((app) => {
      const stack = new Stack(app, 'Stack');
      const cluster = cfnCluster(stack, { authenticationMode: new CfnParameter(stack, 'Mode').valueAsString });
      new CfnAccessEntry(stack, 'Dev', { clusterName: cluster.ref, principalArn: DEV });
    });
    const [cluster] = templateFactsOf(paths);
    expect(cluster.inApp).toMatchObject({ path: 'Stack.template.json#Cluster', authenticationMode: undefined });
  });

  test('creates CONFIG_MAP for a CfnCluster without accessConfig', () => {
    const paths = templatesOf((app) => {
      const stack = new Stack(app, 'Stack');
      new CfnAccessEntry(stack, 'Dev', { clusterName: cfnCluster(stack).ref, principalArn: DEV });
    });
    expect(templateFactsOf(paths)[0].inApp?.authenticationMode).toBe('CONFIG_MAP');
  });

  test('creates the Auto Mode node role and the managed node group role of an aws-eks-v2 cluster', () => {
    const paths = templatesOf((app) => {
      const stack = new Stack(app, 'Platform');
      const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
      cluster.addNodegroupCapacity('Workers', { minSize: 1 });
      cluster.grantAccess('Dev', DEV, []);
    });
    const [cluster] = templateFactsOf(paths);
    expect(cluster.inApp?.authenticationMode).toBe('API');
    expect(cluster.inApp?.eksManaged.map((m) => m.reason)).toEqual([
      expect.stringMatching(/^the Auto Mode node role of cluster Platform\.template\.json#Cluster\w+$/),
      expect.stringMatching(/^the node role of managed node group Platform\.template\.json#ClusterNodegroupWorkers\w+$/),
    ]);
  });

  test('creates the creator, the Fargate pod execution role and the mastersRole entry of an aws-eks cluster', () => {
    const paths = templatesOf((app) => {
      const stack = new Stack(app, 'Platform');
      const masters = new iam.Role(stack, 'Masters', { assumedBy: new iam.AccountRootPrincipal() });
      const cluster = v1Cluster(stack, 'Cluster', {
        version: eksV1.KubernetesVersion.V1_31, defaultCapacity: 0, authenticationMode: eksV1.AuthenticationMode.API, mastersRole: masters,
      });
      cluster.addFargateProfile('Apps', { selectors: [{ namespace: 'apps' }] });
    });
    const [cluster] = templateFactsOf(paths);
    expect(cluster.inApp?.authenticationMode).toBe('API');
    expect(cluster.inApp?.creator?.key).toMatch(/Platform\.template\.json#\{"Fn::GetAtt":\["ClusterCreationRole\w+","Arn"\]\}$/);
    expect(cluster.inApp?.eksManaged.map((m) => m.reason)).toEqual([
      expect.stringMatching(/^the pod execution role of Fargate profile Platform\.template\.json#ClusterfargateprofileApps\w+$/),
    ]);
    expect(cluster.entries.map((e) => [e.model.principal.display, e.model.accessPolicies.map((g) => g.policy)])).toEqual([
      [expect.stringMatching(/^\(token\) Masters\w+\.Arn$/), ['AmazonEKSClusterAdminPolicy']],
    ]);
  });

  test('creates two clusters for the same name in two accounts, each with its account and partition', () => {
    const paths = templatesOf((app) => {
      for (const [id, account] of [['One', '111122223333'], ['Two', '444455556666']]) {
        const stack = new Stack(app, id, { env: { account, region: 'eu-west-1' } });
        new CfnAccessEntry(stack, 'Dev', { clusterName: 'prod', principalArn: DEV });
      }
    });
    expect(templateFactsOf(paths).map((c) => [c.key, c.label, c.account, c.partition, c.entries.length])).toEqual([
      ['name:111122223333:eu-west-1:prod', 'prod@111122223333-eu-west-1', '111122223333', 'aws', 1],
      ['name:444455556666:eu-west-1:prod', 'prod@444455556666-eu-west-1', '444455556666', 'aws', 1],
    ]);
  });

  test('creates the environment of a stack in a stage from that stage\'s assembly manifest', () => {
    const paths = templatesOf((app) => {
      const stage = new Stage(app, 'Prod', { env: { account: '444455556666', region: 'us-gov-west-1' } });
      new CfnAccessEntry(new Stack(stage, 'Platform'), 'Dev', { clusterName: 'prod', principalArn: DEV });
    });
    expect(templateFactsOf(paths).map((c) => [c.key, c.partition])).toEqual([['name:444455556666:us-gov-west-1:prod', 'aws-us-gov']]);
  });

  test('creates one cluster for an env-agnostic name, with no account', () => {
    const paths = templatesOf((app) => {
      new CfnAccessEntry(new Stack(app, 'One'), 'Dev', { clusterName: 'prod', principalArn: DEV });
      new CfnAccessEntry(new Stack(app, 'Two'), 'Dev', { clusterName: 'prod', principalArn: DEV });
    });
    const clusters = templateFactsOf(paths);
    expect(clusters.map((c) => [c.key, c.account, c.entries.map((e) => e.model.source)])).toEqual([
      ['name:?:?:prod', undefined, ['One.template.json#Dev', 'Two.template.json#Dev']],
    ]);
  });

  test('creates the entries of a nested stack on its parent\'s cluster, in its parent\'s environment', () => {
    const paths = templatesOf((app) => {
      const stack = new Stack(app, 'Platform', { env: EU });
      const cluster = cfnCluster(stack, { authenticationMode: 'API' });
      const role = new iam.Role(stack, 'Ops', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'ops' });
      new CfnAccessEntry(new NestedStack(stack, 'Shard'), 'Ops', { clusterName: cluster.ref, principalArn: role.roleArn });
      new CfnAccessEntry(stack, 'Dev', { clusterName: cluster.ref, principalArn: DEV });
    });
    // CDK gives a plugin the top-level templates only.
    expect(paths.map((p) => basename(p))).toEqual(['Platform.template.json']);
    const [cluster, ...others] = templateFactsOf(paths);
    expect(others).toEqual([]);
    expect(cluster.inApp?.authenticationMode).toBe('API');
    const nested = cluster.entries.find((e) => e.logicalId === 'Ops')!;
    expect(basename(nested.templatePath)).toMatch(/^PlatformShard\w+\.nested\.template\.json$/);
    // The role is the parent's: its name and the environment give its ARN.
    expect(nested.model.principal.facts).toMatchObject({ kind: 'role', name: 'ops', account: '111122223333', resolvedArn: 'arn:aws:iam::111122223333:role/ops' });
  });

  test('creates the facts of a role another stack exports', () => {
    const paths = templatesOf((app) => {
      const producer = new Stack(app, 'Producer', { env: EU });
      const role = new iam.Role(producer, 'Ops', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'ops' });
      new CfnAccessEntry(new Stack(app, 'Consumer', { env: EU }), 'Ops', { clusterName: 'prod', principalArn: role.roleArn });
    });
    const [cluster] = templateFactsOf(paths);
    expect(cluster.entries[0].model.principal.facts).toMatchObject({ inAppWithFixedName: true, resolvedArn: 'arn:aws:iam::111122223333:role/ops' });
  });
});
