import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { EksAccessManager, EksAccessManagerProps } from '../../src';
import { synthError } from '../synth-error';
import { DEV, KUBERNETES_RESOURCE, objectNames, rbacManifests, v1App, v2App } from './helpers';

const LABELS = { 'app.kubernetes.io/managed-by': 'eks-access-manager' };
const GROUP = (name: string) => [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name }];
const CLUSTER_ROLE = (name: string) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name });
const POD_READER_RULES = [
  { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'], resourceNames: ['web'] },
];

/** The groups of the examples below, and the principals that carry them. */
const PROPS: Omit<EksAccessManagerProps, 'cluster'> = {
  principals: {
    [DEV]: { kubernetesGroups: ['dev-team', 'pod-readers'] },
  },
  groups: {
    'dev-team': { clusterRole: 'view', namespaces: ['apps', 'web'] },
    'pod-readers': { rules: POD_READER_RULES },
  },
};

/** The exact objects of PROPS, by logical id of their manifest (the same on either cluster module). */
const EXPECTED: Record<string, object> = {
  AccessGroupsdevteamRoleBindingviewinapps4EC88C0C: {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'eam-dev-team-view-2014150e', namespace: 'apps', labels: LABELS },
    roleRef: CLUSTER_ROLE('view'),
    subjects: GROUP('dev-team'),
  },
  AccessGroupsdevteamRoleBindingviewinweb6E1F699A: {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'eam-dev-team-view-39f37705', namespace: 'web', labels: LABELS },
    roleRef: CLUSTER_ROLE('view'),
    subjects: GROUP('dev-team'),
  },
  AccessGroupspodreadersClusterRole82E92998: {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'eam-pod-readers-4af69874', labels: LABELS },
    rules: POD_READER_RULES,
  },
  AccessGroupspodreadersClusterRoleBinding8B022ADA: {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'eam-pod-readers-1cc3a998', labels: LABELS },
    roleRef: CLUSTER_ROLE('eam-pod-readers-4af69874'),
    subjects: GROUP('pod-readers'),
  },
};

describe('group bindings on an aws-eks-v2 cluster', () => {
  test('creates one manifest per object, each exactly as declared', () => {
    const { stack, cluster } = v2App();
    new EksAccessManager(stack, 'Access', { cluster, ...PROPS });
    expect(synthError(stack)).toBeUndefined();

    const template = Template.fromStack(stack);
    for (const [logicalId, object] of Object.entries(EXPECTED)) {
      template.hasResource(KUBERNETES_RESOURCE, {
        Properties: {
          // One object per manifest, its JSON exactly: no prune label, nothing else.
          Manifest: JSON.stringify([object]),
          ClusterName: { Ref: Match.stringLikeRegexp('^Cluster') },
          ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ClusterKubectlProvider'), 'Arn'] },
          PruneLabel: Match.absent(),
        },
      });
      expect(Object.keys(template.findResources(KUBERNETES_RESOURCE, { Properties: { Manifest: JSON.stringify([object]) } }))).toEqual([logicalId]);
    }
    expect(rbacManifests(stack)).toHaveLength(4);
  });

  test('applies a binding of the group\'s own ClusterRole after it, and every manifest after kubectl is ready', () => {
    const { stack, cluster } = v2App();
    new EksAccessManager(stack, 'Access', { cluster, ...PROPS });
    const byId = new Map(rbacManifests(stack).map((m) => [m.logicalId, m]));
    expect(byId.get('AccessGroupspodreadersClusterRoleBinding8B022ADA')!.dependsOn).toContain('AccessGroupspodreadersClusterRole82E92998');
    expect(byId.get('AccessGroupsdevteamRoleBindingviewinapps4EC88C0C')!.dependsOn).not.toContain('AccessGroupspodreadersClusterRole82E92998');
    for (const manifest of byId.values()) {
      expect(manifest.dependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^ClusterKubectlReadyBarrier/)]));
    }
  });

  test('keeps every name and logical id when a group is added, whatever its place in the map', () => {
    const before = v2App();
    new EksAccessManager(before.stack, 'Access', { cluster: before.cluster, ...PROPS });
    const after = v2App();
    new EksAccessManager(after.stack, 'Access', {
      cluster: after.cluster,
      principals: PROPS.principals,
      groups: { 'aaa-first': { clusterRole: 'edit' }, ...PROPS.groups, 'zzz-last': { clusterRole: 'admin', namespaces: ['apps'] } },
    });
    const ids = (stack: typeof before.stack) => rbacManifests(stack).map((m) => `${m.logicalId} ${JSON.stringify(m.objects)}`);
    expect(ids(after.stack)).toEqual(expect.arrayContaining(ids(before.stack)));
    expect(objectNames(after.stack).filter((n) => !objectNames(before.stack).includes(n))).toEqual([
      'ClusterRoleBinding eam-aaa-first-edit-6bde00a3',
      'RoleBinding apps/eam-zzz-last-admin-ed6f7ea5',
    ]);
  });

  test('gives a binding whose role changes a new id and a new name: Kubernetes refuses to change a roleRef', () => {
    const edit = v2App();
    new EksAccessManager(edit.stack, 'Access', { cluster: edit.cluster, ...PROPS, groups: { ...PROPS.groups, 'dev-team': { clusterRole: 'edit', namespaces: ['apps'] } } });
    const manifest = rbacManifests(edit.stack).find((m) => m.objects[0].metadata.namespace === 'apps')!;
    expect(manifest.logicalId).not.toBe('AccessGroupsdevteamRoleBindingviewinapps4EC88C0C');
    expect(manifest.objects[0].metadata.name).toMatch(/^eam-dev-team-edit-[0-9a-f]{8}$/);
    expect(manifest.objects[0].roleRef).toEqual(CLUSTER_ROLE('edit'));
  });

  test('keeps the logical ids of the access entries', () => {
    const plain = v2App();
    new EksAccessManager(plain.stack, 'Access', { cluster: plain.cluster, principals: PROPS.principals });
    const withGroups = v2App();
    new EksAccessManager(withGroups.stack, 'Access', { cluster: withGroups.cluster, ...PROPS });
    const entryIds = (stack: typeof plain.stack) => Object.keys(Template.fromStack(stack).findResources('AWS::EKS::AccessEntry')).sort();
    expect(entryIds(withGroups.stack)).toEqual(entryIds(plain.stack));
  });

  test('names a group that is no DNS label readably, with a hash that keeps it apart', () => {
    const { stack, cluster } = v2App();
    new EksAccessManager(stack, 'Access', {
      cluster,
      principals: { [DEV]: { kubernetesGroups: ['Dev Team', 'dev-team'] } },
      groups: { 'Dev Team': { clusterRole: 'view' }, 'dev-team': { clusterRole: 'view' } },
    });
    const names = objectNames(stack);
    expect(names).toHaveLength(2);
    expect(names).toEqual([expect.stringMatching(/^ClusterRoleBinding eam-dev-team-[0-9a-f]{8}-view-[0-9a-f]{8}$/), expect.stringMatching(/^ClusterRoleBinding eam-dev-team-view-[0-9a-f]{8}$/)]);
    expect(rbacManifests(stack).map((m) => m.objects[0].subjects[0].name).sort()).toEqual(['Dev Team', 'dev-team']);
  });

  test('creates the manifests of addGroup(), also when the entries were handed out early', () => {
    const { stack, cluster } = v2App();
    const manager = new EksAccessManager(stack, 'Access', { cluster, principals: PROPS.principals });
    manager.addGroup('dev-team', { clusterRole: 'view', namespaces: ['apps'] });
    expect(manager.entries).toHaveLength(1);
    manager.addGroup('pod-readers', { rules: POD_READER_RULES });
    expect(synthError(stack)).toBeUndefined();
    expect(objectNames(stack)).toEqual([
      'ClusterRole eam-pod-readers-4af69874',
      'ClusterRoleBinding eam-pod-readers-1cc3a998',
      'RoleBinding apps/eam-dev-team-view-2014150e',
    ]);
  });

  test('gives the manifests the removal policy of the entries', () => {
    const { stack, cluster } = v2App();
    new EksAccessManager(stack, 'Access', { cluster, ...PROPS, removalPolicy: RemovalPolicy.RETAIN });
    expect(rbacManifests(stack).map((m) => m.deletionPolicy)).toEqual(['Retain', 'Retain', 'Retain', 'Retain']);
  });

  test('makes nothing for a group the rules refuse for its shape', () => {
    const { stack, cluster } = v2App();
    new EksAccessManager(stack, 'Access', { cluster, principals: PROPS.principals, groups: { 'dev-team': { clusterRole: 'view', rules: POD_READER_RULES } } });
    expect(synthError(stack)).toContain('[EAM101] group "dev-team": clusterRole: must be exactly one of `clusterRole`');
    expect(stack.node.findAll().filter((c) => c instanceof eks.KubernetesManifest)).toEqual([]);
  });
});

describe('group bindings on an aws-eks (v1) cluster', () => {
  test('creates the same manifests, applied by the cluster\'s kubectl provider', () => {
    const { stack, cluster } = v1App();
    new EksAccessManager(stack, 'Access', { cluster, ...PROPS });
    expect(synthError(stack)).toBeUndefined();
    const template = Template.fromStack(stack);
    for (const [logicalId, object] of Object.entries(EXPECTED)) {
      const found = template.findResources(KUBERNETES_RESOURCE, { Properties: { Manifest: JSON.stringify([object]) } });
      expect(Object.keys(found)).toEqual([logicalId]);
      expect(found[logicalId].Properties).toEqual(expect.objectContaining({
        ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/KubectlProvider/), expect.stringMatching(/^Outputs\./)] },
        RoleArn: { 'Fn::GetAtt': [expect.stringMatching(/^ClusterCreationRole/), 'Arn'] },
      }));
      expect(found[logicalId].Properties.PruneLabel).toBeUndefined();
    }
  });
});
