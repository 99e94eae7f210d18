import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as eksV1 from 'aws-cdk-lib/aws-eks';
import { CfnCluster } from 'aws-cdk-lib/aws-eks';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AccessScopeType, EksAccessManager, EksAccessManagerProps, EksAccessPolicy, ShardLayout } from '../../src';
import { synthError } from '../synth-error';
import { DEV, kubectlLayer, rbacManifests, v2App } from './helpers';

const GROUPS = { 'dev-team': { clusterRole: 'view' } };
const MEMBER = { [DEV]: { kubernetesGroups: ['dev-team'] } };
const CLUSTER_ADMIN = [{ policy: EksAccessPolicy.CLUSTER_ADMIN, accessScope: { type: AccessScopeType.CLUSTER } }];
const PROVIDER_ROLE = 'arn:aws:iam::111122223333:role/kubectl';

/** A stack with an imported aws-eks-v2 cluster whose kubectl provider acts as PROVIDER_ROLE. */
function importedV2(withProvider = true) {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { account: '111122223333', region: 'eu-west-1' } });
  const kubectlProvider = withProvider ? eks.KubectlProvider.fromKubectlProviderAttributes(stack, 'Kubectl', {
    serviceToken: 'arn:aws:lambda:eu-west-1:111122223333:function:kubectl',
    role: iam.Role.fromRoleArn(stack, 'KubectlRole', PROVIDER_ROLE),
  }) : undefined;
  const cluster = eks.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'prod', kubectlProvider });
  return { app, stack, cluster };
}

describe('the cluster of a manager with groups', () => {
  test('fails on a cluster known by name only, saying what to pass', () => {
    const stack = new Stack(new App(), 'Stack');
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: MEMBER, groups: GROUPS });
    expect(synthError(stack)).toContain('[EAM102] (cluster settings): groups: the manager knows its cluster by `clusterName` only, so the group bindings cannot be applied to it. Fix: give `cluster` instead of `clusterName`: pass an aws-eks-v2 `Cluster` created with `kubectlProviderOptions`, or one imported with `Cluster.fromClusterAttributes(this, \'Cluster\', { clusterName, kubectlProvider: KubectlProvider.fromKubectlProviderAttributes(...) })`');
  });

  test('accepts a cluster known by name when the manager binds no group', () => {
    const stack = new Stack(new App(), 'Stack');
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [DEV]: { accessPolicies: CLUSTER_ADMIN } } });
    expect(synthError(stack)).toBeUndefined();
  });

  test('fails on an aws-eks-v2 cluster without a kubectl provider, naming the option and the layer', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
    new EksAccessManager(stack, 'Access', { cluster, principals: MEMBER, groups: GROUPS });
    expect(synthError(stack)).toContain('[EAM102] (cluster settings): groups: the aws-eks-v2 cluster Stack/Cluster has no kubectl provider, so the group bindings cannot be applied to it. Fix: create it with `kubectlProviderOptions: { kubectlLayer: new KubectlV34Layer(this, \'Kubectl\') }` (`@aws-cdk/lambda-layer-kubectl-v34`');
  });

  test('fails on an imported aws-eks-v2 cluster without a kubectl provider', () => {
    const { stack, cluster } = importedV2(false);
    new EksAccessManager(stack, 'Access', { cluster, principals: MEMBER, groups: GROUPS });
    expect(synthError(stack)).toContain('[EAM102] (cluster settings): groups: the aws-eks-v2 cluster Stack/Cluster has no kubectl provider, so the group bindings cannot be applied to it. Fix: import it with `kubectlProvider`');
  });

  test('fails on a CfnCluster', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = new CfnCluster(stack, 'Cluster', {
      roleArn: 'arn:aws:iam::111122223333:role/cluster',
      resourcesVpcConfig: { subnetIds: ['subnet-1'] },
      accessConfig: { authenticationMode: 'API' },
    });
    new EksAccessManager(stack, 'Access', { cluster, principals: MEMBER, groups: GROUPS });
    expect(synthError(stack)).toContain('[EAM102] (cluster settings): groups: Stack/Cluster is a CfnCluster, which has no kubectl provider to apply Kubernetes manifests');
  });

  test('fails on an imported aws-eks cluster without a kubectl role, and accepts one with it', () => {
    const without = new Stack(new App(), 'Stack');
    new EksAccessManager(without, 'Access', { cluster: eksV1.Cluster.fromClusterAttributes(without, 'Cluster', { clusterName: 'prod' }), principals: MEMBER, groups: GROUPS });
    expect(synthError(without)).toContain('[EAM102] (cluster settings): groups: the imported aws-eks cluster Stack/Cluster has no kubectl role or provider, so the group bindings cannot be applied to it. Fix: import it with `kubectlRoleArn`');

    const withRole = new Stack(new App(), 'Stack');
    const cluster = eksV1.Cluster.fromClusterAttributes(withRole, 'Cluster', { clusterName: 'prod', kubectlRoleArn: PROVIDER_ROLE });
    new EksAccessManager(withRole, 'Access', { cluster, principals: MEMBER, groups: GROUPS });
    expect(synthError(withRole)).toBeUndefined();
    expect(rbacManifests(withRole).map((m) => m.properties.RoleArn)).toEqual([PROVIDER_ROLE]);
  });

  test('applies manifests through the kubectl provider of an imported aws-eks-v2 cluster', () => {
    const { stack, cluster } = importedV2();
    new EksAccessManager(stack, 'Access', { cluster, principals: MEMBER, groups: GROUPS });
    expect(synthError(stack)).toBeUndefined();
    expect(rbacManifests(stack).map((m) => [m.properties.ServiceToken, m.properties.ClusterName])).toEqual([
      ['arn:aws:lambda:eu-west-1:111122223333:function:kubectl', 'prod'],
    ]);
  });
});

describe('the order of the manifests and the kubectl role\'s entry', () => {
  test('applies every manifest after the entry that lets the kubectl role in, when the manager declares it', () => {
    const { stack, cluster } = importedV2();
    new EksAccessManager(stack, 'Access', {
      cluster,
      principals: { ...MEMBER, [PROVIDER_ROLE]: { accessPolicies: CLUSTER_ADMIN } },
      groups: { ...GROUPS, ops: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] } },
    });
    const providerEntry = 'Accessrolekubectl5316ba0cF5FF1BD4';
    const manifests = rbacManifests(stack);
    expect(synthError(stack)).toBeUndefined();
    expect(manifests.map((m) => m.dependsOn.includes(providerEntry))).toEqual([true, true, true]);
    // The member's entry is no dependency: no order is safe for every change.
    expect(manifests.flatMap((m) => m.dependsOn).filter((d) => d.startsWith('Access') && d !== providerEntry && !d.startsWith('AccessGroups'))).toEqual([]);
  });

  test('waits for the entry of another manager of the cluster, even one created later', () => {
    const { stack, cluster } = importedV2();
    new EksAccessManager(stack, 'Groups', { cluster, principals: MEMBER, groups: GROUPS });
    new EksAccessManager(stack, 'Admins', { cluster, principals: { [PROVIDER_ROLE]: { accessPolicies: CLUSTER_ADMIN } } });
    expect(synthError(stack)).toBeUndefined();
    expect(rbacManifests(stack)[0].dependsOn).toEqual([expect.stringMatching(/^Adminsrolekubectl/)]);
  });

  test('does not wait for an entry in a shard stack, which deploys after the manager\'s stack', () => {
    const { app, stack, cluster } = importedV2();
    new EksAccessManager(stack, 'Access', {
      cluster,
      principals: { ...MEMBER, [PROVIDER_ROLE]: { accessPolicies: CLUSTER_ADMIN } },
      groups: GROUPS,
      shards: 2,
      shardLayout: ShardLayout.STACKS,
    });
    // A dependency on a later stack would be a cycle, and synth would fail.
    expect(synthError(stack)).toBeUndefined();
    expect(app.synth().stacks.length).toBeGreaterThan(1);
    expect(rbacManifests(stack)[0].dependsOn).toEqual([]);
  });
});

describe('the groups prop', () => {
  test('fails on groups that are no map, and on a misspelt prop', () => {
    const { stack, cluster } = v2App();
    new EksAccessManager(stack, 'Access', { cluster, groups: ['dev-team'] } as unknown as EksAccessManagerProps);
    new EksAccessManager(stack, 'Other', { cluster, group: GROUPS } as unknown as EksAccessManagerProps);
    const error = synthError(stack);
    expect(error).toContain('[Stack/Access] [EAM101] (cluster settings): groups: must be an object, got a list of 1');
    expect(error).toContain('[Stack/Other] [EAM100] (cluster settings): group: "group" is not a known field. Fix: did you mean "groups"?');
  });
});

describe('checks across the app', () => {
  test('fails when two managers of one cluster bind a group in the same place', () => {
    const { stack, cluster } = v2App();
    new EksAccessManager(stack, 'A', { cluster, principals: MEMBER, groups: GROUPS });
    new EksAccessManager(stack, 'B', { cluster, groups: { 'dev-team': { clusterRole: 'edit' } } });
    expect(synthError(stack)).toContain('[Stack/B] [EAM103] group "dev-team": is bound cluster-wide twice on this cluster: at Stack/B groups and at Stack/A groups');
  });

  test('accepts one group bound on two clusters', () => {
    const first = v2App();
    const other = new eks.Cluster(first.stack, 'Other', { version: eks.KubernetesVersion.V1_34, kubectlProviderOptions: { kubectlLayer: kubectlLayer(new Stack(first.app, 'Layers')) } });
    new EksAccessManager(first.stack, 'A', { cluster: first.cluster, principals: MEMBER, groups: GROUPS });
    new EksAccessManager(first.stack, 'B', { cluster: other, principals: MEMBER, groups: GROUPS });
    expect(synthError(first.stack)).toBeUndefined();
  });

  test('warns on a group no entry carries, and on an entry whose groups nothing binds', () => {
    const { stack, cluster } = v2App();
    new EksAccessManager(stack, 'Access', {
      cluster,
      principals: { [DEV]: { kubernetesGroups: ['dev-teem'] } },
      groups: GROUPS,
    });
    expect(synthError(stack)).toBeUndefined();
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/Stack/Access', Match.stringLikeRegexp('^\\[EAM206\\] group "dev-team": is bound, but no access entry of the cluster lists it'));
    annotations.hasWarning('/Stack/Access/role-dev-f9891677', Match.stringLikeRegexp('^\\[EAM207\\] arn:aws:iam::111122223333:role/dev: kubernetesGroups: no RBAC binding of this app names "dev-teem"'));
  });

  test('counts a group bound by another manifest of the app, and a member of another manager', () => {
    const { stack, cluster } = v2App();
    cluster.addManifest('OwnBinding', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'ops' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'ops' }],
    });
    new EksAccessManager(stack, 'Members', { cluster, principals: { [DEV]: { kubernetesGroups: ['ops', 'dev-team'] } } });
    new EksAccessManager(stack, 'Bindings', { cluster, groups: GROUPS });
    new EksAccessManager(stack, 'OpsOnly', { cluster, principals: { 'arn:aws:iam::111122223333:role/ops': { kubernetesGroups: ['ops'] } } });
    expect(synthError(stack)).toBeUndefined();
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('EAM20[67]'));
    expect(warnings).toEqual([]);
  });
});
