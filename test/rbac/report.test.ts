import { Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DEV, kubectlLayer } from './helpers';
import { EksAccessManager } from '../../src';
import { AccessReport } from '../../src/report/access-report';
import { ReportGroup } from '../../src/report/group-report';
import { ChangeKind, diffReports } from '../../src/report/report-diff';
import { emptyReport } from '../../src/report/report-files';
import { appIn, reportFiles } from '../report/helpers';

const OPS = 'arn:aws:iam::111122223333:role/ops';

/** Synthesizes a cluster with these groups; returns the JSON report and the Markdown. */
function synthReport(groups: Record<string, object>, principals: Record<string, object>): { json: AccessReport; md: string } {
  const app = appIn();
  const stack = new Stack(app, 'Stack');
  const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34, kubectlProviderOptions: { kubectlLayer: kubectlLayer(stack) } });
  new EksAccessManager(stack, 'Access', { cluster, principals, groups });
  const files = reportFiles(app.synth().directory);
  return { json: JSON.parse(files['eks-access-report.Stack-Cluster.json']), md: files['eks-access-report.Stack-Cluster.md'] };
}

const GROUPS = {
  'dev-team': { clusterRole: 'edit', namespaces: ['staging', 'dev'] },
  'pod-readers': { rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }, { apiGroups: ['apps'], resources: ['deployments'], verbs: ['patch'], resourceNames: ['web'] }] },
};
const PRINCIPALS = {
  [DEV]: { kubernetesGroups: ['dev-team', 'pod-readers'], accessPolicies: [{ policy: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster' } }] },
  [OPS]: { kubernetesGroups: ['pod-readers'] },
};

describe('the access report of a cluster with groups', () => {
  test('says what each group\'s bindings allow, and who carries it', () => {
    const { json } = synthReport(GROUPS, PRINCIPALS);
    expect(json.groups).toEqual([
      {
        group: 'dev-team',
        grants: [{ role: 'edit', scope: 'namespace', namespaces: ['dev', 'staging'], level: 'write' }],
        members: [DEV],
      },
      {
        group: 'pod-readers',
        grants: [{
          role: expect.stringMatching(/^eam-pod-readers-[0-9a-f]{8}$/),
          scope: 'cluster',
          namespaces: [],
          level: 'write',
          rules: ['get, list on pods, pods/log', 'patch on deployments (apps) [web]'],
        }],
        members: [DEV, OPS],
      },
    ]);
  });

  test('gives each principal its access from policies and from groups together', () => {
    const { json, md } = synthReport(GROUPS, PRINCIPALS);
    const dev = json.entries.find((e) => e.principal === DEV)!;
    expect(dev.policies.map((p) => p.policy)).toEqual(['AmazonEKSViewPolicy']);
    expect(dev.groupAccess!.map((a) => `${a.group} ${a.role} ${a.scope} ${a.namespaces.join(',')}`)).toEqual([
      'dev-team edit namespace dev,staging',
      expect.stringMatching(/^pod-readers eam-pod-readers-[0-9a-f]{8} cluster $/),
    ]);
    expect(md).toContain('## Kubernetes groups');
    expect(md).toContain('| `dev-team` | edit (`dev`, `staging`) | write | `arn:aws:iam::111122223333:role/dev` |');
    expect(md).toMatch(/\| `arn:aws:iam::111122223333:role\/dev` \| AmazonEKSViewPolicy \(cluster\) \| dev-team: edit \(dev, staging\)<br>pod-readers: eam-pod-readers-[0-9a-f]{8} \(cluster\) \|/);
  });

  test('names a role of the app by its construct path, as the rest of the report does', () => {
    const app = appIn();
    const stack = new Stack(app, 'Stack');
    const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34, kubectlProviderOptions: { kubectlLayer: kubectlLayer(stack) } });
    const viewers = new iam.Role(stack, 'Viewers', { assumedBy: new iam.AccountRootPrincipal() });
    const manager = new EksAccessManager(stack, 'Access', { cluster, groups: { viewers: { clusterRole: 'view' } } });
    manager.addRole(viewers, { kubernetesGroups: ['viewers'] });
    const md = reportFiles(app.synth().directory)['eks-access-report.Stack-Cluster.md'];
    expect(md).toContain('| `viewers` | view (cluster) | read | `Stack/Viewers` |');
    expect(md).toContain('| `Stack/Viewers` |  | viewers: view (cluster) |');
  });

  test('has no groups section when the app binds none', () => {
    const { json, md } = synthReport({}, { [DEV]: { kubernetesGroups: ['dev-team'], accessPolicies: [{ policy: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster' } }] } });
    expect(json.groups).toBeUndefined();
    expect(json.entries[0].groupAccess).toBeUndefined();
    expect(md).not.toContain('## Kubernetes groups');
  });
});

describe('diff of group bindings', () => {
  const report = (groups: ReportGroup[]): AccessReport => ({ ...emptyReport('c'), groups });
  const grant = (role: string, namespaces: string[] = [], rules?: string[]) =>
    ({ role, scope: namespaces.length > 0 ? 'namespace' : 'cluster', namespaces, level: 'read' as const, ...(rules ? { rules } : {}) });

  test('flags a group that gains a namespace or a rule as widened, with its members', () => {
    const before = report([
      { group: 'dev', grants: [grant('edit', ['a'])], members: ['r1'] },
      { group: 'ops', grants: [grant('eam-ops', [], ['get on pods'])], members: [] },
    ]);
    const after = report([
      { group: 'dev', grants: [grant('edit', ['a', 'b'])], members: ['r1'] },
      { group: 'ops', grants: [grant('eam-ops', [], ['get on pods', 'get on secrets'])], members: [] },
    ]);
    expect(diffReports(before, after)).toEqual([
      { kind: ChangeKind.WIDENED, principal: 'group "dev"', detail: 'gains ClusterRole edit in namespace b (members: r1)' },
      { kind: ChangeKind.WIDENED, principal: 'group "ops"', detail: 'gains get on secrets (ClusterRole eam-ops) cluster-wide (no member)' },
    ]);
  });

  test('flags a group newly bound as widened, and a role that changes as widened and narrowed', () => {
    const before = report([{ group: 'dev', grants: [grant('view')], members: ['r1'] }]);
    const after = report([{ group: 'dev', grants: [grant('edit')], members: ['r1'] }, { group: 'new', grants: [grant('view')], members: [] }]);
    expect(diffReports(before, after).map((c) => `${c.kind} ${c.principal} ${c.detail}`)).toEqual([
      'widened group "dev" gains ClusterRole edit cluster-wide (members: r1)',
      'widened group "new" gains ClusterRole view cluster-wide (no member)',
      'narrowed group "dev" loses ClusterRole view cluster-wide (members: r1)',
    ]);
  });

  test('flags a binding removed as narrowed, and says nothing when nothing changed', () => {
    const before = report([{ group: 'dev', grants: [grant('view')], members: [] }]);
    expect(diffReports(before, report([]))).toEqual([{ kind: ChangeKind.NARROWED, principal: 'group "dev"', detail: 'loses ClusterRole view cluster-wide (no member)' }]);
    expect(diffReports(before, before)).toEqual([]);
  });
});
