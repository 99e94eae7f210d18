import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cli, tempFile, USAGE_MARK } from './helpers';

const DEV = 'arn:aws:iam::111122223333:role/dev';
const NEW = 'arn:aws:iam::111122223333:role/new';

function reportFile(name: string, ...entries: object[]): string {
  return tempFile(name, JSON.stringify({ version: 1, cluster: 'prod', entries, summary: {} }));
}
const entry = (policies: object[], extra: object = {}) => ({
  principal: DEV, stack: 'Platform', logicalId: 'AccessDev', type: 'STANDARD', kubernetesGroups: [], policies, ...extra,
});
const edit = (scope: object) => ({ policy: 'AmazonEKSEditPolicy', level: 'write', ...scope });
const CLUSTER = { scope: 'cluster', namespaces: [] };

describe('eks-access-manager diff', () => {
  test('prints widening first and exits 0 without deploy hazards', () => {
    const before = reportFile('before.json', entry([edit({ scope: 'namespace', namespaces: ['dev'] })]));
    const after = reportFile('after.json', entry([edit(CLUSTER)]));
    const { code, stdout } = cli('diff', before, after);
    expect(code).toBe(0);
    expect(stdout).toContain('### Widened (1)');
    expect(stdout).toContain(`- \`${DEV}\` gains AmazonEKSEditPolicy at cluster scope, in place of AmazonEKSEditPolicy in namespace dev`);
    expect(stdout).not.toContain('### Narrowed');
  });

  test('counts View replaced by ClusterAdmin as one widening, not a widening and a narrowing', () => {
    const before = reportFile('before.json', entry([{ policy: 'AmazonEKSViewPolicy', level: 'read', ...CLUSTER }]));
    const after = reportFile('after.json', entry([{ policy: 'AmazonEKSClusterAdminPolicy', level: 'admin', ...CLUSTER }]));
    const { stdout } = cli('diff', before, after);
    expect(stdout).toContain('### Widened (1)');
    expect(stdout).not.toContain('Narrowed');
    expect(stdout.trim().split('\n').pop()).toBe('1 cluster: 1 principal gains access, 0 lose access, 0 deploy hazards');
  });

  test('counts a new principal with access as widening', () => {
    const before = reportFile('before.json', entry([edit(CLUSTER)]));
    const after = reportFile('after.json', entry([edit(CLUSTER)]), entry([{ policy: 'AmazonEKSViewPolicy', level: 'read', ...CLUSTER }], { principal: NEW, logicalId: 'AccessNew' }));
    const { stdout } = cli('diff', before, after);
    expect(stdout).toContain(`### Widened (1)\n\n- \`${NEW}\` gains an entry: STANDARD with AmazonEKSViewPolicy at cluster scope`);
    expect(stdout).not.toContain('### Added');
  });

  describe('--fail-on widening', () => {
    test('exits 1 when a principal gains access, and says why on the last line', () => {
      const before = reportFile('before.json', entry([edit({ scope: 'namespace', namespaces: ['dev'] })]));
      const after = reportFile('after.json', entry([edit({ scope: 'namespace', namespaces: ['dev', 'prod'] })]));
      expect(cli('diff', before, after).code).toBe(0);
      const { code, stdout } = cli('diff', before, after, '--fail-on', 'widening');
      expect(code).toBe(1);
      expect(stdout.trim().split('\n').pop()).toBe('1 cluster: 1 principal gains access, 0 lose access, 0 deploy hazards; failing: access widened (--fail-on widening)');
    });

    test('exits 0 when access only narrows', () => {
      const before = reportFile('before.json', entry([edit({ scope: 'namespace', namespaces: ['dev', 'prod'] })]));
      const after = reportFile('after.json', entry([edit({ scope: 'namespace', namespaces: ['dev'] })]));
      const { code, stdout } = cli('diff', before, after, '--fail-on', 'widening');
      expect(code).toBe(0);
      expect(stdout.trim().split('\n').pop()).toBe('1 cluster: 0 principals gain access, 1 loses access, 0 deploy hazards');
    });

    test('exits 1 on a new principal with access', () => {
      const before = reportFile('before.json');
      const after = reportFile('after.json', entry([edit(CLUSTER)]));
      expect(cli('diff', before, after, '--fail-on', 'widening').code).toBe(1);
    });
  });

  test('exits 1 on a change that fails the deploy', () => {
    const before = reportFile('before.json', entry([edit(CLUSTER)]));
    const after = reportFile('after.json', entry([edit(CLUSTER)], { type: 'EC2_LINUX' }));
    const { code, stdout } = cli('diff', before, after);
    expect(code).toBe(1);
    expect(stdout).toContain('### Will fail or cut access during cdk deploy (1)');
    expect(stdout.trim().split('\n').pop()).toBe('1 cluster: 0 principals gain access, 0 lose access, 1 deploy hazard; failing: a deploy hazard');
  });

  test('prints JSON with --format json', () => {
    const before = reportFile('before.json', entry([edit({ scope: 'namespace', namespaces: ['dev'] })]));
    const after = reportFile('after.json', entry([edit(CLUSTER)]));
    const doc = JSON.parse(cli('diff', before, after, '--format', 'json').stdout);
    expect(doc.summary).toEqual({ clusters: 1, widened: 1, narrowed: 0, deployHazards: 0, failed: false });
    expect(doc.clusters[0].changes[0]).toMatchObject({ kind: 'widened', principal: DEV });
  });

  test('pairs the reports of two cloud assemblies by cluster', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eam-cli-'));
    for (const name of ['before', 'after']) { mkdirSync(join(dir, name)); }
    writeFileSync(join(dir, 'before', 'eks-access-report.prod.json'), JSON.stringify({ version: 1, cluster: 'prod', entries: [], summary: {} }));
    writeFileSync(join(dir, 'after', 'eks-access-report.prod.json'), JSON.stringify({ version: 1, cluster: 'prod', entries: [entry([edit(CLUSTER)])], summary: {} }));
    const { code, stdout } = cli('diff', join(dir, 'before'), join(dir, 'after'), '--fail-on', 'widening');
    expect(code).toBe(1);
    expect(stdout).toContain('# prod');
  });

  test('pairs a report file kept from the last release with a cloud assembly, by cluster', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eam-cli-'));
    writeFileSync(join(dir, 'eks-access-report.prod.json'), JSON.stringify({ version: 1, cluster: 'prod', entries: [entry([edit(CLUSTER)])], summary: {} }));
    const { code, stdout } = cli('diff', reportFile('last-release.json'), dir, '--fail-on', 'widening');
    expect(code).toBe(1);
    expect(stdout.match(/^# /gm)).toEqual(['# ']);
    expect(stdout).toContain(`- \`${DEV}\` gains an entry: STANDARD with AmazonEKSEditPolicy at cluster scope`);
  });

  describe('a file that is not a report: names the file and what was expected, no usage text', () => {
    test.each([
      ['a map file', () => 'maps/valid.json', 'maps/valid.json is not an eks-access-manager access report (version 1): expected a JSON object with "version": 1, "cluster" and "entries"'],
      ['a truncated file', () => tempFile('cut.json', '{"version": 1, "cluster": '), 'cut.json is not JSON (Unexpected end of JSON input); expected an eks-access-manager access report (eks-access-report.<cluster>.json)'],
      ['an empty file', () => tempFile('empty.json', ''), 'empty.json is empty; expected an eks-access-manager access report (eks-access-report.<cluster>.json)'],
      ['a binary file', () => tempFile('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])), 'image.png is a binary file (a NUL byte at offset 4); diff expects an eks-access-manager access report (eks-access-report.<cluster>.json)'],
    ])('%s', (_what, make, message) => {
      const file = make();
      const { code, stdout, stderr } = cli('diff', file, 'maps/valid.json');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(message);
      expect(stderr).not.toContain(USAGE_MARK);
      expect(stderr).not.toContain('\u0000');
    });
  });
});
