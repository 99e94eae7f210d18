import { spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { POLICY_CATALOG, PolicyAudience } from '../../src/private/policy-catalog';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'update-policy-catalog.js');
const CATALOG = join(ROOT, 'src', 'private', 'policy-catalog.data.ts');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'list-access-policies.json');

// The script is plain Node; its audience list must be the library's.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require(SCRIPT) as { AUDIENCES: string[] };

let dir: string;
let catalog: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-catalog-'));
  catalog = join(dir, 'policy-catalog.data.ts');
  copyFileSync(CATALOG, catalog);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the script as a person would, on the temporary copy of the catalogue. */
function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [SCRIPT, '--catalog', catalog, ...args], { cwd: dir, encoding: 'utf8', input, timeout: 30_000 });
}

/** The catalogue lines of a policy in the temporary copy. */
function lineOf(name: string): string | undefined {
  return readFileSync(catalog, 'utf8').split('\n').find((l) => l.includes(`name: '${name}'`));
}

/** A list-access-policies output naming these policies. */
function listOutput(names: readonly string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ accessPolicies: names.map((name) => ({ name, arn: `arn:aws:eks::aws:cluster-access-policy/${name}` })), ...extra });
}

describe('scripts/update-policy-catalog.js', () => {
  test('knows exactly the audiences of the library', () => {
    expect([...script.AUDIENCES].sort()).toEqual(Object.values(PolicyAudience).sort());
  });

  test('leaves the catalogue of the library as it is when EKS lists the same policies: it is in the script\'s own form', () => {
    const result = run(['-'], listOutput(POLICY_CATALOG.map((p) => p.name).reverse()));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no change');
    expect(readFileSync(catalog, 'utf8')).toBe(readFileSync(CATALOG, 'utf8'));
  });

  test('adds a new policy as unspecified, keeps the audience of known ones, and reports a removed one', () => {
    const result = run([FIXTURE]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(lineOf('AWSBackupFullAccessPolicyForBackup')).toBe("  { name: 'AWSBackupFullAccessPolicyForBackup', audience: 'unspecified' },");
    expect(lineOf('AmazonEKSClusterAdminPolicy')).toBe("  { name: 'AmazonEKSClusterAdminPolicy', audience: 'customer', rbacEquivalent: 'cluster-admin' },");
    expect(lineOf('AmazonEKSBlockStoragePolicy')).toBe("  { name: 'AmazonEKSBlockStoragePolicy', audience: 'service-linked-only' },");
    expect(lineOf('AmazonEKSLoadBalancingPolicy')).toBe("  { name: 'AmazonEKSLoadBalancingPolicy', audience: 'auto-mode-cluster-role' },");
    // The fixture, like the recorded CLI output, does not list the Cluster Insights policy.
    expect(lineOf('AmazonEKSClusterInsightsPolicy')).toBeUndefined();
    expect(result.stdout).toContain('34 policies (1 added, 1 removed)');
    expect(result.stdout).toContain("added, audience 'unspecified' (set it from the EKS user guide, access-policy-reference): AWSBackupFullAccessPolicyForBackup");
    expect(result.stdout).toContain('removed, not listed by EKS (a policy not in the catalogue is only a warning, EAM201): AmazonEKSClusterInsightsPolicy (service-linked-only)');
  });

  test('keeps a policy EKS does not list with --keep-missing, and says so', () => {
    const result = run(['--keep-missing', FIXTURE]);
    expect(result.status).toBe(0);
    expect(lineOf('AmazonEKSClusterInsightsPolicy')).toBe("  { name: 'AmazonEKSClusterInsightsPolicy', audience: 'service-linked-only' },");
    expect(result.stdout).toContain('not listed by EKS, kept (--keep-missing): AmazonEKSClusterInsightsPolicy (service-linked-only)');
  });

  test('writes the same file whatever the order of the list, and changes nothing on a second run', () => {
    run([FIXTURE]);
    const first = readFileSync(catalog, 'utf8');
    const policies = JSON.parse(readFileSync(FIXTURE, 'utf8')).accessPolicies as Array<{ name: string }>;

    copyFileSync(CATALOG, catalog);
    const shuffled = run(['-'], listOutput(policies.map((p) => p.name).sort().reverse()));
    expect(shuffled.status).toBe(0);
    expect(readFileSync(catalog, 'utf8')).toBe(first);

    const again = run([FIXTURE]);
    expect(again.stdout).toContain('no change');
    expect(readFileSync(catalog, 'utf8')).toBe(first);
    // Sorted by name, in code-unit order.
    const names = first.split('\n').filter((l) => l.startsWith('  { name:')).map((l) => /name: '(\w+)'/.exec(l)![1]);
    expect(names).toEqual([...names].sort());
  });

  test.each([
    ['not JSON', '{ "accessPolicies": [', /malformed\.json is not JSON/],
    ['another command\'s output', '{ "policies": [] }', /malformed\.json is not the output of "aws eks list-access-policies": expected an object with an "accessPolicies" list/],
    ['one page of a paginated list', listOutput(['AmazonEKSViewPolicy'], { nextToken: 'abc' }), /malformed\.json holds one page of the list \("nextToken" is set\)/],
    ['an empty list', listOutput([]), /malformed\.json lists no access policies/],
    ['a name that is not a policy name', JSON.stringify({ accessPolicies: [{ name: 'Amazon EKS View', arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy' }] }),
      /malformed\.json: accessPolicies\[0\]\.name is not a policy name/],
    ['an IAM policy ARN', JSON.stringify({ accessPolicies: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] }),
      /malformed\.json: accessPolicies\[0\]\.arn is not an access policy ARN/],
    ['a name and ARN that differ', JSON.stringify({ accessPolicies: [{ name: 'AmazonEKSViewPolicy', arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy' }] }),
      /malformed\.json: accessPolicies\[0\]: the name AmazonEKSViewPolicy and the ARN's name AmazonEKSEditPolicy differ/],
  ])('refuses %s, naming the file, and leaves the catalogue alone', (_what, text, message) => {
    writeFileSync(join(dir, 'malformed.json'), text);
    const result = run(['malformed.json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^update-policy-catalog: /);
    expect(readFileSync(catalog, 'utf8')).toBe(readFileSync(CATALOG, 'utf8'));
  });

  test('refuses an input file that does not exist, naming it', () => {
    const result = run(['missing.json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot read missing.json');
  });

  test('refuses a catalogue line it cannot read, naming the file and the line, rather than guess', () => {
    const text = readFileSync(catalog, 'utf8').replace("{ name: 'AmazonEKSEditPolicy', audience: 'customer', rbacEquivalent: 'edit' },",
      "{ name: 'AmazonEKSEditPolicy', audience: 'customer', rbacEquivalent: 'edit' }, // edit-like");
    writeFileSync(catalog, text);
    const lineNumber = text.split('\n').findIndex((l) => l.includes('// edit-like')) + 1;
    const result = run([FIXTURE]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`policy-catalog.data.ts:${lineNumber}: not a catalogue line`);
    expect(readFileSync(catalog, 'utf8')).toBe(text);
  });

  test('refuses an audience the library does not have', () => {
    writeFileSync(catalog, readFileSync(catalog, 'utf8').replace("audience: 'auto-mode-node'", "audience: 'nodes'"));
    const result = run([FIXTURE]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/AmazonEKSAutoNodePolicy has the audience 'nodes', which is none of customer, /);
  });

  test('keeps a hand-set rbacEquivalent with quotes in it, through a rewrite', () => {
    writeFileSync(catalog, readFileSync(catalog, 'utf8').replace("rbacEquivalent: 'edit'", "rbacEquivalent: 'edit, \\'most\\' objects'"));
    expect(run([FIXTURE]).status).toBe(0);
    expect(lineOf('AmazonEKSEditPolicy')).toBe("  { name: 'AmazonEKSEditPolicy', audience: 'customer', rbacEquivalent: 'edit, \\'most\\' objects' },");
  });
});
