import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'yaml';
import { AccessMapFile } from '../../src';

// The real bin of the package, compiled (the test task compiles first).
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['eks-access-manager']);
const FIXTURES = join(__dirname, '..', 'fixtures');

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: FIXTURES, encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('eks-access-manager (the bin)', () => {
  test('prints help and exits 0 with --help', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('eks-access-manager migrate <aws-auth.yaml>');
    expect(stdout).toContain('eks-access-manager validate <map.yaml|map.json>');
  });

  test('prints a command\'s help', () => {
    expect(cli('migrate', '--help').stdout).toContain('--paths');
  });

  test('exits 2 on an unknown command or option, with the usage', () => {
    expect(cli('deploy').code).toBe(2);
    const { code, stderr } = cli('validate', 'maps/valid.yaml', '--acount', '1');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option --acount');
  });

  test('exits 2 with a clear message on a missing file, never a stack trace', () => {
    const { code, stderr } = cli('validate', 'maps/nope.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read maps/nope.yaml: no such file');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  describe('migrate', () => {
    test('prints a YAML map the loader accepts, the findings, and exits 1 when something was not migrated', () => {
      const { code, stdout, stderr } = cli('migrate', 'aws-auth/production.yaml');
      expect(code).toBe(1);
      const dir = mkdtempSync(join(tmpdir(), 'eam-'));
      writeFileSync(join(dir, 'map.yaml'), stdout);
      expect(Object.keys(AccessMapFile.load(join(dir, 'map.yaml')).principals)).toHaveLength(7);
      expect(stderr).toContain('aws-auth/production.yaml:52: error mapAccounts[0]: maps the whole account 444455556666');
      expect(stderr).toMatch(/7 principals migrated; 4 errors, \d+ warnings/);
    });

    test('restores paths from --paths and prints JSON', () => {
      const dir = mkdtempSync(join(tmpdir(), 'eam-'));
      const roles = join(dir, 'roles.txt');
      writeFileSync(roles, '# from aws iam list-roles\narn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Developers_0123456789abcdef\n');
      const { stdout, stderr } = cli('migrate', 'aws-auth/production.yaml', '--paths', roles, '--format', 'json');
      expect(Object.keys(JSON.parse(stdout).principals)).toContain(
        'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Developers_0123456789abcdef');
      expect(stderr).not.toContain('AWSReservedSSO_Developers_0123456789abcdef has a path that aws-auth strips');
    });

    test('prints a TypeScript snippet with the library\'s constants', () => {
      const { stdout } = cli('migrate', 'aws-auth/production.yaml', '--format', 'ts');
      expect(stdout).toContain('policy: EksAccessPolicy.CLUSTER_ADMIN,');
      expect(stdout).toContain('type: AccessEntryType.EC2_WINDOWS,');
      expect(stdout).toContain('type: AccessScopeType.CLUSTER,');
    });

    test('exits 0 when everything migrated', () => {
      const dir = mkdtempSync(join(tmpdir(), 'eam-'));
      const file = join(dir, 'aws-auth.yaml');
      writeFileSync(file, 'kind: ConfigMap\nmetadata: {name: aws-auth}\ndata:\n  mapUsers: |\n    - userarn: arn:aws:iam::111122223333:user/bob\n      groups: [readers]\n');
      const { code, stdout } = cli('migrate', file);
      expect(code).toBe(0);
      expect(parse(stdout)).toEqual({ principals: { 'arn:aws:iam::111122223333:user/bob': { kubernetesGroups: ['readers'] } } });
    });

    test('exits 1 with the place on malformed input', () => {
      const dir = mkdtempSync(join(tmpdir(), 'eam-'));
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, 'kind: ConfigMap\nmetadata:\n  name: coredns\n');
      const { code, stderr } = cli('migrate', file);
      expect(code).toBe(1);
      expect(stderr).toContain(`${file}:3: error metadata: expected the ConfigMap "aws-auth" (kube-system), got the ConfigMap "coredns"`);
    });
  });

  describe('validate', () => {
    test('exits 0 on a valid map', () => {
      const { code, stdout } = cli('validate', 'maps/valid.yaml', '--account', '111122223333');
      expect(stdout).toContain('3 principals checked: 0 errors, 0 warnings');
      expect(code).toBe(0);
    });

    test('prints findings like a compiler and exits 1', () => {
      const { code, stdout } = cli('validate', 'maps/invalid.yaml');
      expect(code).toBe(1);
      expect(stdout.split('\n')).toEqual(expect.arrayContaining([
        'maps/invalid.yaml:8: error EAM016 arn:aws:iam::111122223333:role/dev: accessPolicies[0].accessScope.namespaces: a namespace scope has an empty namespace list; it is never widened to the whole cluster. Fix: list the namespaces the policy applies to, or set the scope type to "cluster" to grant it cluster-wide on purpose',
        'maps/invalid.yaml:10: error EAM012 arn:aws:iam::111122223333:role/ops: kubernetesGroups[0]: "system:masters" starts with "system:", which EKS refuses. Fix: grant AmazonEKSClusterAdminPolicy at cluster scope instead',
        'maps/invalid.yaml:11: error EAM100 arn:aws:iam::111122223333:role/ops: accessPolicy: "accessPolicy" is not a known field. Fix: did you mean "accessPolicies"?',
        '2 principals checked: 3 errors, 0 warnings',
      ]));
    });

    test('checks the file\'s cluster name, on its own line', () => {
      const dir = mkdtempSync(join(tmpdir(), 'eam-'));
      const file = join(dir, 'map.yaml');
      writeFileSync(file, 'principals:\n  arn:aws:iam::111122223333:role/dev: {}\nclusterName: prod.eu\n');
      const { code, stdout } = cli('validate', file);
      expect(code).toBe(1);
      expect(stdout).toContain(`${file}:3: error EAM027 (cluster settings): clusterName: "prod.eu" has ".", which EKS does not allow in cluster names`);
    });

    test('checks accounts with --account', () => {
      const dir = mkdtempSync(join(tmpdir(), 'eam-'));
      const file = join(dir, 'nodes.json');
      writeFileSync(file, JSON.stringify({ principals: { 'arn:aws:iam::444455556666:role/nodes': { type: 'EC2_LINUX' } } }));
      expect(cli('validate', file).code).toBe(0);
      const { code, stdout } = cli('validate', file, '--account', '111122223333');
      expect(code).toBe(1);
      expect(stdout).toContain('error EAM007');
    });
  });

  describe('diff', () => {
    const DEV = 'arn:aws:iam::111122223333:role/dev';
    function reportFile(dir: string, name: string, entry: object) {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify({ version: 1, cluster: 'prod', entries: [entry], summary: {} }));
      return path;
    }
    const entry = (scope: object, extra: object = {}) => ({
      principal: DEV,
      stack: 'Platform',
      logicalId: 'AccessDev',
      type: 'STANDARD',
      kubernetesGroups: [],
      policies: [{ policy: 'AmazonEKSEditPolicy', level: 'write', ...scope }],
      ...extra,
    });

    test('prints widening first and exits 0 without deploy hazards', () => {
      const dir = mkdtempSync(join(tmpdir(), 'eam-'));
      const before = reportFile(dir, 'before.json', entry({ scope: 'namespace', namespaces: ['dev'] }));
      const after = reportFile(dir, 'after.json', entry({ scope: 'cluster', namespaces: [] }));
      const { code, stdout } = cli('diff', before, after);
      expect(code).toBe(0);
      expect(stdout.indexOf('### Widened')).toBeLessThan(stdout.indexOf('### Narrowed'));
      expect(stdout).toContain(`- \`${DEV}\` gains AmazonEKSEditPolicy at cluster scope`);
    });

    test('exits 1 on a change that fails the deploy', () => {
      const dir = mkdtempSync(join(tmpdir(), 'eam-'));
      const before = reportFile(dir, 'before.json', entry({ scope: 'cluster', namespaces: [] }));
      const after = reportFile(dir, 'after.json', entry({ scope: 'cluster', namespaces: [] }, { type: 'EC2_LINUX' }));
      const { code, stdout } = cli('diff', before, after);
      expect(code).toBe(1);
      expect(stdout).toContain('### Will fail or cut access during cdk deploy (1)');
    });

    test('exits 2 on a file that is not a report', () => {
      const { code, stderr } = cli('diff', 'maps/valid.json', 'maps/valid.json');
      expect(code).toBe(2);
      expect(stderr).toContain('is not an eks-access-manager report');
    });
  });
});
