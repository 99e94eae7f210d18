import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnAccessEntry, CfnCluster } from 'aws-cdk-lib/aws-eks';
import * as eksV1 from 'aws-cdk-lib/aws-eks';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { EksAccessManager } from '../../src';
import { appFactsOf, clusterResourceOf } from '../../src/facts/construct-facts';
import { v1Cluster } from '../eks-v1-cluster';
import { synthError } from '../synth-error';

const DEV = 'arn:aws:iam::111122223333:role/dev';
const OPS = 'arn:aws:iam::111122223333:role/ops';
const EU = { account: '111122223333', region: 'eu-west-1' };
const NONE: ReadonlySet<IConstruct> = new Set();

function cfnCluster(stack: Stack, accessConfig?: CfnCluster.AccessConfigProperty, name?: string): CfnCluster {
  return new CfnCluster(stack, 'Cluster', {
    name,
    roleArn: 'arn:aws:iam::111122223333:role/cluster',
    resourcesVpcConfig: { subnetIds: ['subnet-1'] },
    accessConfig,
  });
}

describe('a CfnCluster whose mode is a token', () => {
  test('creates an unknown mode, not CONFIG_MAP', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const mode = new CfnParameter(stack, 'Mode', { allowedValues: ['API', 'API_AND_CONFIG_MAP'] });
    const cluster = cfnCluster(stack, { authenticationMode: mode.valueAsString });
    // WHEN
    const facts = appFactsOf(stack).cluster(stack, cluster.ref);
    // THEN
    expect(facts.inApp?.authenticationMode).toBeUndefined();
  });

  test('synthesizes with a manager: EAM022 does not check an unknown mode', () => {
    const stack = new Stack(new App(), 'Stack');
    const mode = new CfnParameter(stack, 'Mode', { allowedValues: ['API', 'API_AND_CONFIG_MAP'] });
    const cluster = cfnCluster(stack, { authenticationMode: mode.valueAsString });
    new EksAccessManager(stack, 'Access', { clusterName: cluster.ref, principals: { [DEV]: {} } });
    expect(synthError(stack)).toBeUndefined();
  });

  test('fails with a manager when accessConfig is left out (CloudFormation\'s default, CONFIG_MAP)', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = cfnCluster(stack);
    new EksAccessManager(stack, 'Access', { clusterName: cluster.ref, principals: { [DEV]: {} } });
    expect(synthError(stack)).toContain('[EAM022] (cluster settings): authenticationMode: the cluster Stack/Cluster authenticates with the aws-auth ConfigMap only');
  });

  test('creates the mode of a property override, as CloudFormation gets it', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = cfnCluster(stack);
    cluster.addPropertyOverride('AccessConfig.AuthenticationMode', 'API');
    expect(appFactsOf(stack).cluster(stack, cluster.ref).inApp?.authenticationMode).toBe('API');
  });
});

describe('AppFacts.cluster', () => {
  test('creates a literal name\'s key and label from its stack\'s account and region', () => {
    const app = new App();
    const eu = new Stack(app, 'Eu', { env: EU });
    const other = new Stack(app, 'Other', { env: { account: '444455556666', region: 'eu-west-1' } });
    const agnostic = new Stack(app, 'Agnostic');
    const facts = appFactsOf(app);
    expect(facts.cluster(eu, 'prod')).toEqual({ key: 'name:111122223333:eu-west-1:prod', label: 'prod@111122223333-eu-west-1' });
    expect(facts.cluster(other, 'prod').key).toBe('name:444455556666:eu-west-1:prod');
    expect(facts.cluster(agnostic, 'prod')).toEqual({ key: 'name:?:?:prod', label: 'prod' });
  });

  test('creates the same cluster for its token and its literal name, where it is deployed', () => {
    const stack = new Stack(new App(), 'Stack', { env: EU });
    const cluster = cfnCluster(stack, { authenticationMode: 'API' }, 'prod');
    const facts = appFactsOf(stack);
    const byToken = facts.cluster(stack, cluster.ref);
    expect(byToken).toEqual(facts.cluster(stack, 'prod'));
    expect(byToken.key).toBe('name:111122223333:eu-west-1:prod');
    expect(byToken.label).toBe('Stack/Cluster');
    expect(byToken.inApp?.authenticationMode).toBe('API');
  });

  test('creates a key of its own for a token that is no cluster of the app', () => {
    const stack = new Stack(new App(), 'Stack');
    const name = new CfnParameter(stack, 'Name');
    const facts = appFactsOf(stack).cluster(stack, name.valueAsString);
    expect(facts).toEqual({ key: 'token:ref:Stack/Name#Ref', label: 'Ref(Name)' });
  });

  test('creates the Auto Mode node role and a managed node group\'s role of an aws-eks-v2 cluster', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
    cluster.addNodegroupCapacity('Workers', { minSize: 1 });
    const inApp = appFactsOf(stack).cluster(stack, cluster.clusterName).inApp!;
    expect(inApp.authenticationMode).toBe('API');
    expect(inApp.eksManaged.map((m) => m.reason)).toEqual([
      'the Auto Mode node role of cluster Stack/Cluster',
      'the node role of managed node group Stack/Cluster/NodegroupWorkers',
    ]);
  });

  test('creates the creator and the Fargate pod execution role of an aws-eks cluster', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = v1Cluster(stack, 'Cluster', { version: eksV1.KubernetesVersion.V1_31, defaultCapacity: 0 });
    const profile = cluster.addFargateProfile('Apps', { selectors: [{ namespace: 'apps' }] });
    const inApp = appFactsOf(stack).cluster(stack, cluster.clusterName).inApp!;
    expect(inApp.authenticationMode).toBe('CONFIG_MAP');
    expect(inApp.creator).toEqual({ key: 'ref:Stack/Cluster/Resource/CreationRole#Arn', reason: 'the role that creates cluster Stack/Cluster' });
    expect(inApp.eksManaged).toEqual([
      { key: `ref:${profile.podExecutionRole.node.path}#Arn`, reason: 'the pod execution role of Fargate profile Stack/Cluster/fargate-profile-Apps' },
    ]);
    expect(clusterResourceOf(cluster.clusterName)?.cfnResourceType).toBe('Custom::AWSCDK-EKS-Cluster');
  });
});

describe('AppFacts.entriesOn', () => {
  test('creates the entry of a raw CfnAccessEntry, with its policies, scope and tags', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack', { env: EU });
    new CfnAccessEntry(stack, 'Raw', {
      clusterName: 'prod',
      principalArn: DEV,
      type: 'STANDARD',
      kubernetesGroups: ['readers'],
      accessPolicies: [{ policyArn: `arn:${stack.partition}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy`, accessScope: { type: 'namespace', namespaces: ['dev'] } }],
      tags: [{ key: 'team', value: 'platform' }],
    });
    // WHEN
    const [entry, ...rest] = appFactsOf(stack).entriesOn('name:111122223333:eu-west-1:prod', NONE);
    // THEN
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      principal: { arn: DEV },
      type: 'STANDARD',
      kubernetesGroups: ['readers'],
      accessPolicies: [{ field: 'accessPolicies[0]', policy: 'AmazonEKSViewPolicy', scopeType: 'namespace', namespaces: ['dev'] }],
      tags: [['team', 'platform']],
      source: 'Stack/Raw',
      unknownFields: [],
      malformedFields: [],
    });
  });

  test('creates the entries of aws-eks-v2\'s AccessEntry and grantAccess, policies included', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
    const view = eks.AccessPolicy.fromAccessPolicyName('AmazonEKSViewPolicy', { accessScopeType: eks.AccessScopeType.CLUSTER });
    new eks.AccessEntry(stack, 'Dev', { cluster, principal: DEV, accessPolicies: [view] });
    cluster.grantAccess('Ops', OPS, [view]);
    const facts = appFactsOf(stack);
    const entries = facts.entriesOn(facts.cluster(stack, cluster.clusterName).key, NONE);
    // In the order of the construct tree: the cluster's own children first.
    expect(entries.map((e) => [e.principal.arn, e.source, e.accessPolicies.map((g) => [g.policy, g.scopeType])])).toEqual([
      [OPS, 'Stack/Cluster/Ops', [['AmazonEKSViewPolicy', 'cluster']]],
      [DEV, 'Stack/Dev', [['AmazonEKSViewPolicy', 'cluster']]],
    ]);
  });

  test('creates policies added after the read too: reading an AccessEntry\'s policies does not freeze them', () => {
    // GIVEN an aws-eks-v2 entry read before its second grant
    const stack = new Stack(new App(), 'Stack');
    const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
    const scope = eks.AccessScopeType.CLUSTER;
    cluster.grantAccess('Ops', OPS, [eks.AccessPolicy.fromAccessPolicyName('AmazonEKSViewPolicy', { accessScopeType: scope })]);
    const facts = appFactsOf(stack);
    expect(facts.entriesOn(facts.cluster(stack, cluster.clusterName).key, NONE)[0].accessPolicies).toHaveLength(1);
    // WHEN the same principal is granted another policy
    cluster.grantAccess('Ops2', OPS, [eks.AccessPolicy.fromAccessPolicyName('AmazonEKSEditPolicy', { accessScopeType: scope })]);
    // THEN the template has both
    const entry = Object.values(Template.fromStack(stack).findResources('AWS::EKS::AccessEntry'))[0];
    expect(entry.Properties.AccessPolicies).toHaveLength(2);
  });

  test('creates the entry aws-eks makes for mastersRole when the mode allows entries', () => {
    const stack = new Stack(new App(), 'Stack');
    const masters = new iam.Role(stack, 'Masters', { assumedBy: new iam.AccountRootPrincipal() });
    const cluster = v1Cluster(stack, 'Cluster', {
      version: eksV1.KubernetesVersion.V1_31, defaultCapacity: 0, authenticationMode: eksV1.AuthenticationMode.API, mastersRole: masters,
    });
    const facts = appFactsOf(stack);
    const [entry] = facts.entriesOn(facts.cluster(stack, cluster.clusterName).key, NONE);
    expect(entry.principal.display).toBe('(token) Stack/Masters.Arn');
    expect(entry.source).toBe('Stack/Cluster/mastersRoleAccess');
    expect(entry.accessPolicies.map((g) => [g.policy, g.scopeType])).toEqual([['AmazonEKSClusterAdminPolicy', 'cluster']]);
  });

  test('creates no entry for mastersRole when the cluster keeps CONFIG_MAP (aws-eks maps it in aws-auth)', () => {
    const stack = new Stack(new App(), 'Stack');
    const masters = new iam.Role(stack, 'Masters', { assumedBy: new iam.AccountRootPrincipal() });
    const cluster = v1Cluster(stack, 'Cluster', { version: eksV1.KubernetesVersion.V1_31, defaultCapacity: 0, mastersRole: masters });
    const facts = appFactsOf(stack);
    expect(facts.entriesOn(facts.cluster(stack, cluster.clusterName).key, NONE)).toEqual([]);
  });

  test('creates no entry of another cluster, another account, or in `except`', () => {
    const app = new App();
    const eu = new Stack(app, 'Eu', { env: EU });
    const other = new Stack(app, 'Other', { env: { ...EU, account: '444455556666' } });
    const mine = new CfnAccessEntry(eu, 'Mine', { clusterName: 'prod', principalArn: DEV });
    new CfnAccessEntry(eu, 'Theirs', { clusterName: 'prod', principalArn: OPS });
    new CfnAccessEntry(eu, 'Staging', { clusterName: 'staging', principalArn: OPS });
    new CfnAccessEntry(other, 'Elsewhere', { clusterName: 'prod', principalArn: DEV });
    const entries = appFactsOf(app).entriesOn('name:111122223333:eu-west-1:prod', new Set([mine]));
    expect(entries.map((e) => e.source)).toEqual(['Eu/Theirs']);
  });

  test('creates the entries of a sharded manager in nested stacks on the cluster of the manager', () => {
    const stack = new Stack(new App(), 'Stack', { env: EU });
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', shards: 2, principals: { [DEV]: {}, [OPS]: {} } });
    // The manager creates its entries when the app is complete.
    (stack.node.root as App).synth();
    const facts = appFactsOf(stack);
    const entries = facts.entriesOn(facts.cluster(manager, 'prod').key, NONE);
    expect(entries.map((e) => e.principal.arn).sort()).toEqual([DEV, OPS]);
  });
});
