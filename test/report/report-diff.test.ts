import { AccessReport, ReportEntry } from '../../src/report/access-report';
import { ChangeKind, diffReports } from '../../src/report/report-diff';
import { emptyReport } from '../../src/report/report-files';

const entry = (principal: string, overrides: Partial<ReportEntry> = {}): ReportEntry => ({
  principal, stack: 'Platform', logicalId: `Id${principal.length}`, type: 'STANDARD', kubernetesGroups: [], policies: [], ...overrides,
});
const policy = (name: string, scope: string, namespaces: string[] = []) => ({ policy: name, scope, namespaces, level: 'write' as const });
const report = (...entries: ReportEntry[]): AccessReport => ({ ...emptyReport('prod'), entries });

const DEV = 'arn:aws:iam::111122223333:role/dev';

describe('diffReports', () => {
  test('finds nothing between equal reports', () => {
    const r = report(entry(DEV, { policies: [policy('AmazonEKSEditPolicy', 'namespace', ['dev'])] }));
    expect(diffReports(r, r)).toEqual([]);
  });

  test('flags a namespace scope widened to the cluster', () => {
    const before = report(entry(DEV, { policies: [policy('AmazonEKSEditPolicy', 'namespace', ['dev'])] }));
    const after = report(entry(DEV, { policies: [policy('AmazonEKSEditPolicy', 'cluster')] }));
    expect(diffReports(before, after)).toEqual([
      { kind: ChangeKind.WIDENED, principal: DEV, detail: 'gains AmazonEKSEditPolicy at cluster scope, in place of AmazonEKSEditPolicy in namespace dev' },
    ]);
  });

  test('counts View replaced by ClusterAdmin as one widening, not a widening and a narrowing', () => {
    const before = report(entry(DEV, { policies: [policy('AmazonEKSViewPolicy', 'cluster')] }));
    const after = report(entry(DEV, { policies: [policy('AmazonEKSClusterAdminPolicy', 'cluster')] }));
    expect(diffReports(before, after)).toEqual([
      { kind: ChangeKind.WIDENED, principal: DEV, detail: 'gains AmazonEKSClusterAdminPolicy at cluster scope, in place of AmazonEKSViewPolicy at cluster scope' },
    ]);
  });

  test('counts ClusterAdmin replaced by View as one narrowing', () => {
    const before = report(entry(DEV, { policies: [policy('AmazonEKSClusterAdminPolicy', 'cluster')] }));
    const after = report(entry(DEV, { policies: [policy('AmazonEKSViewPolicy', 'namespace', ['dev'])] }));
    expect(diffReports(before, after)).toEqual([
      { kind: ChangeKind.NARROWED, principal: DEV, detail: 'loses AmazonEKSClusterAdminPolicy at cluster scope, keeping the narrower AmazonEKSViewPolicy in namespace dev' },
    ]);
  });

  test.each([
    ['Admin replaced by Edit', [policy('AmazonEKSAdminPolicy', 'cluster')], [policy('AmazonEKSEditPolicy', 'cluster')], ChangeKind.NARROWED],
    ['Edit replaced by Admin', [policy('AmazonEKSEditPolicy', 'cluster')], [policy('AmazonEKSAdminPolicy', 'cluster')], ChangeKind.WIDENED],
    ['a prefix replaced by one namespace it covers', [policy('AmazonEKSEditPolicy', 'namespace', ['dev-*'])], [policy('AmazonEKSEditPolicy', 'namespace', ['dev-a'])], ChangeKind.NARROWED],
    ['one namespace replaced by a prefix', [policy('AmazonEKSEditPolicy', 'namespace', ['dev-a'])], [policy('AmazonEKSEditPolicy', 'namespace', ['dev-*'])], ChangeKind.WIDENED],
    ['View replaced by SecretReader (neither holds the other)', [policy('AmazonEKSViewPolicy', 'cluster')], [policy('AmazonEKSSecretReaderPolicy', 'cluster')], ChangeKind.WIDENED],
    ['an unknown policy replaced by ClusterAdmin', [policy('AmazonEKSNewPolicy', 'cluster')], [policy('AmazonEKSClusterAdminPolicy', 'cluster')], ChangeKind.WIDENED],
  ])('classifies %s', (_what, before, after, kind) => {
    const changes = diffReports(report(entry(DEV, { policies: before })), report(entry(DEV, { policies: after })));
    expect(changes.map((c) => c.kind)).toEqual([kind]);
  });

  test('counts a gained group as widening, whatever policies are lost', () => {
    const before = report(entry(DEV, { policies: [policy('AmazonEKSClusterAdminPolicy', 'cluster')] }));
    const after = report(entry(DEV, { kubernetesGroups: ['viewers'] }));
    expect(diffReports(before, after)).toEqual([
      { kind: ChangeKind.WIDENED, principal: DEV, detail: 'gains group viewers; loses AmazonEKSClusterAdminPolicy at cluster scope' },
    ]);
  });

  test('flags a narrowed scope and a removed group', () => {
    const before = report(entry(DEV, { kubernetesGroups: ['dev-team'], policies: [policy('AmazonEKSEditPolicy', 'namespace', ['dev', 'qa'])] }));
    const after = report(entry(DEV, { policies: [policy('AmazonEKSEditPolicy', 'namespace', ['dev'])] }));
    expect(diffReports(before, after)).toEqual([
      { kind: ChangeKind.NARROWED, principal: DEV, detail: 'loses AmazonEKSEditPolicy in namespace qa, group dev-team' },
    ]);
  });

  test('lists a new principal with access as widening, one without as added, and removed principals, widening first', () => {
    const before = report(entry('arn:aws:iam::111122223333:role/old'), entry(DEV));
    const after = report(
      entry(DEV, { kubernetesGroups: ['admins'] }),
      entry('arn:aws:iam::111122223333:role/new', { policies: [policy('AmazonEKSViewPolicy', 'cluster')] }),
      entry('arn:aws:iam::111122223333:role/nodes', { type: 'EC2_LINUX' }),
      entry('arn:aws:iam::111122223333:role/nothing'),
    );
    expect(diffReports(before, after).map((c) => [c.kind, c.principal])).toEqual([
      [ChangeKind.WIDENED, DEV],
      [ChangeKind.WIDENED, 'arn:aws:iam::111122223333:role/new'],
      [ChangeKind.WIDENED, 'arn:aws:iam::111122223333:role/nodes'],
      [ChangeKind.ADDED, 'arn:aws:iam::111122223333:role/nothing'],
      [ChangeKind.REMOVED, 'arn:aws:iam::111122223333:role/old'],
    ]);
  });

  test.each([
    ['a changed type', { type: 'EC2_LINUX' }, 'its type changes from STANDARD to EC2_LINUX'],
    ['a changed logical id', { logicalId: 'Renamed' }, 'its logical id changes from'],
    ['a move to another stack', { stack: 'Other' }, 'moves from stack Platform to Other'],
  ])('flags %s as a deploy hazard first, with what to do instead', (_what, change, detail) => {
    const before = report(entry(DEV, { policies: [policy('AmazonEKSViewPolicy', 'cluster')] }));
    const after = report(entry(DEV, { ...change, policies: [policy('AmazonEKSEditPolicy', 'cluster')] }));
    const [first, ...rest] = diffReports(before, after);
    expect(first.kind).toBe(ChangeKind.DEPLOY_HAZARD);
    expect(first.detail).toContain(detail);
    expect(first.fix).toBeDefined();
    expect(rest).toEqual([{ kind: ChangeKind.WIDENED, principal: DEV, detail: 'gains AmazonEKSEditPolicy at cluster scope, in place of AmazonEKSViewPolicy at cluster scope' }]);
  });

  test('flags a changed username', () => {
    const changes = diffReports(report(entry(DEV, { username: 'dev' })), report(entry(DEV)));
    expect(changes[0].detail).toBe('its Kubernetes username changes from dev to (default): RBAC bindings to either name change meaning');
  });
});
