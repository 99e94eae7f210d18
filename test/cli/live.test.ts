import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'fs';
import { createServer, IncomingMessage, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'yaml';
import { BIN, cli, ROOT } from './helpers';
import { AccessScopeType, EksAccessManager, EksAccessPolicy } from '../../src';
import { ClusterSnapshot } from '../../src/live/snapshot';
import { cfnTags, liveEntry, logicalIdOf, ROLE, snapshotOf, stackIn, synth } from '../live/plan-helpers';


/** An environment without AWS credentials, config files or instance metadata: nothing can reach AWS. */
const NO_AWS: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: mkdtempSync(join(tmpdir(), 'eam-home-')),
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
  AWS_CONFIG_FILE: '/nonexistent/config',
};

/** The bin run in `cwd`, where nothing can reach AWS. */
const inDir = (cwd: string) => ({ cwd, env: NO_AWS });

/** The bin run without blocking this process (so that a local server here can answer it). */
function cliAsync(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...NO_AWS, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const VIEW = { policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } };

/** A synth of stack Platform granting on cluster prod, and a directory to work in. */
function app() {
  const outdir = synth((a) => {
    new EksAccessManager(stackIn(a, 'Platform'), 'Access', { clusterName: 'prod', principals: { [ROLE('ops')]: { accessPolicies: [VIEW] }, [ROLE('new')]: { accessPolicies: [VIEW] } } });
  });
  // The synth happened a minute ago: a snapshot taken now is newer.
  const before = new Date(Date.now() - 60_000);
  utimesSync(join(outdir, 'manifest.json'), before, before);
  return { outdir, work: mkdtempSync(join(tmpdir(), 'eam-cli-live-')), opsId: logicalIdOf(outdir, 'Platform.template.json', ROLE('ops')) };
}

function write(dir: string, name: string, snapshot: ClusterSnapshot | string): string {
  const path = join(dir, name);
  writeFileSync(path, typeof snapshot === 'string' ? snapshot : JSON.stringify(snapshot));
  return path;
}

const now = () => new Date().toISOString();

describe('the optional AWS SDK', () => {
  test('is never loaded by the library, nor by plan and adopt on a snapshot file', () => {
    const script = `require(${JSON.stringify(join(ROOT, 'lib', 'index.js'))});
      require(${JSON.stringify(join(ROOT, 'lib', 'cli', 'commands.js'))});
      console.log(Object.keys(require.cache).filter((k) => k.includes('@aws-sdk')).length);`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout.trim()).toBe('0');
  });
});

describe('eks-access-manager plan (the bin)', () => {
  test('prints the plan, writes the import mapping, and exits 1 on a conflict', () => {
    const { outdir, work, opsId } = app();
    const live = write(work, 'live.json', snapshotOf([liveEntry(ROLE('ops'), [{ name: 'AmazonEKSViewPolicy' }])], { takenAt: now() }));
    const { code, stdout, stderr } = cli(inDir(work), 'plan', outdir, '--live', live, '--import-mapping', 'import');
    expect(code).toBe(1);
    expect(stdout).toContain(`conflict   arn:aws:iam::111122223333:role/ops  Platform/${opsId}`);
    expect(stdout).toContain('create     arn:aws:iam::111122223333:role/new');
    expect(stdout).toContain('1 create, 1 conflict; the deploy would fail: 1 conflict');
    expect(stderr).toContain(`wrote ${join('import', 'Platform.resource-mapping.json')}`);
    expect(JSON.parse(readFileSync(join(work, 'import', 'Platform.resource-mapping.json'), 'utf8'))).toEqual({ [opsId]: { ClusterName: 'prod', PrincipalArn: ROLE('ops') } });
  });

  test('prints JSON and exits 0 when the deploy can run', () => {
    const { outdir, work, opsId } = app();
    const live = write(work, 'live.json', snapshotOf([liveEntry(ROLE('ops'), [{ name: 'AmazonEKSViewPolicy' }], cfnTags('Platform', opsId))], { takenAt: now() }));
    const { code, stdout } = cli(inDir(work), 'plan', outdir, '--live', live, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).changes.map((c: { action: string; principalArn: string }) => [c.action, c.principalArn])).toEqual([
      ['create', ROLE('new')],
      ['unchanged', ROLE('ops')],
    ]);
  });

  test('exits 1 on a cluster in CONFIG_MAP mode', () => {
    const { outdir, work } = app();
    const live = write(work, 'live.json', snapshotOf([], { takenAt: now(), authenticationMode: 'CONFIG_MAP' }));
    const { code, stdout } = cli(inDir(work), 'plan', outdir, '--live', live);
    expect(code).toBe(1);
    expect(stdout).toContain('refused: cluster prod is in CONFIG_MAP mode');
  });

  test.each([
    ['malformed', '{"clusterName": "prod"', /live\.json is not a snapshot: not JSON/],
    ['of another cluster', JSON.stringify(snapshotOf([], { clusterName: 'dev', clusterArn: 'arn:aws:eks:eu-west-1:111122223333:cluster/dev', takenAt: new Date().toISOString() })), /live\.json is a snapshot of cluster dev \(111122223333, eu-west-1\), and .* declares no access entry for it/],
    ['older than the synth', JSON.stringify(snapshotOf([], { takenAt: '2020-01-01T00:00:00.000Z' })), /live\.json was taken at 2020-01-01T00:00:00\.000Z, before the synth/],
  ])('exits 2 on a snapshot that is %s, naming the file, never a stack trace', (_, text, message) => {
    const { outdir, work } = app();
    write(work, 'live.json', text);
    const { code, stdout, stderr } = cli(inDir(work), 'plan', outdir, '--live', 'live.json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('accepts a snapshot older than the synth with --allow-stale', () => {
    const { outdir, work } = app();
    const live = write(work, 'live.json', snapshotOf([], { takenAt: '2020-01-01T00:00:00.000Z' }));
    expect(cli(inDir(work), 'plan', outdir, '--live', live, '--allow-stale').code).toBe(0);
  });

  test('exits 2 with the usage when given both or neither of --live and --cluster', () => {
    const { outdir, work } = app();
    const neither = cli(inDir(work), 'plan', outdir);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('eks-access-manager plan: give --live FILE (a snapshot) or --cluster NAME (read it now)');
    expect(cli(inDir(work), 'plan', outdir, '--live', 'x.json', '--cluster', 'prod').stderr).toContain('give --live FILE or --cluster NAME, not both');
  });
});

describe('eks-access-manager adopt (the bin)', () => {
  test('prints the live entries as a map, and names what EKS made on stderr', () => {
    const work = mkdtempSync(join(tmpdir(), 'eam-cli-live-'));
    const live = write(work, 'live.json', snapshotOf([
      liveEntry(ROLE('ops'), [{ name: 'AmazonEKSViewPolicy' }]),
      liveEntry(ROLE('nodes'), [], {}, { type: 'EC2_LINUX' }),
    ], { nodegroups: [{ nodegroupName: 'ng-1', nodeRole: ROLE('nodes') }] }));
    const { code, stdout, stderr } = cli(inDir(work), 'adopt', '--live', live);
    expect(code).toBe(0);
    expect(parse(stdout).principals).toEqual({ [ROLE('ops')]: { accessPolicies: [{ policy: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster' } }] } });
    expect(stderr).toContain('left out arn:aws:iam::111122223333:role/nodes: EKS made it for the node role of managed node group ng-1');
    expect(stderr).toContain(`${live}: 1 principals adopted, 1 left out (made by EKS); 0 errors, 0 warnings`);
    expect(cli(inDir(work), 'adopt', '--live', live, '--format', 'ts').stdout).toContain('policy: EksAccessPolicy.VIEW');
  });
});

describe('eks-access-manager snapshot (the bin)', () => {
  test('exits 2 without credentials, naming the call and the cluster, and writes nothing', () => {
    const work = mkdtempSync(join(tmpdir(), 'eam-cli-live-'));
    const { code, stdout, stderr } = cli(inDir(work), 'snapshot', '--cluster', 'prod', '--region', 'eu-west-1', '--out', 'live.json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('eks-access-manager snapshot: DescribeCluster on cluster prod (eu-west-1): no usable AWS credentials');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(work, 'live.json'))).toBe(false);
  });

  test('exits 2 with the usage without --cluster', () => {
    const { code, stderr } = cli(inDir(tmpdir()), 'snapshot');
    expect(code).toBe(2);
    expect(stderr).toContain('--cluster NAME is required');
  });

  describe('against a local stand-in of the EKS API (loopback, AWS_ENDPOINT_URL_EKS)', () => {
    const denied = new Set<string>();
    let endpoint = '';
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const json = (status: number, body: unknown, errorType?: string) => {
        response.writeHead(status, { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
        response.end(JSON.stringify(body));
      };
      if (denied.has(path)) { return json(403, { message: `User is not authorized to perform this action on ${path}` }, 'AccessDeniedException'); }
      if (path === '/clusters/prod') { return json(200, { cluster: { name: 'prod', arn: 'arn:aws:eks:eu-west-1:111122223333:cluster/prod', createdAt: 1768032000, accessConfig: { authenticationMode: 'API' } } }); }
      if (path === '/clusters/prod/access-entries') { return json(200, { accessEntries: [ROLE('ops')] }); }
      if (path === `/clusters/prod/access-entries/${ROLE('ops')}/access-policies`) {
        return json(200, { associatedAccessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', accessScope: { type: 'cluster', namespaces: [] } }] });
      }
      if (path === `/clusters/prod/access-entries/${ROLE('ops')}`) {
        return json(200, { accessEntry: { clusterName: 'prod', principalArn: ROLE('ops'), type: 'STANDARD', kubernetesGroups: [], tags: {}, createdAt: 1772366400 } });
      }
      if (path === '/clusters/prod/node-groups') { return json(200, { nodegroups: [] }); }
      if (path === '/clusters/prod/fargate-profiles') { return json(200, { fargateProfileNames: [] }); }
      return json(404, { message: `no ${path}` }, 'ResourceNotFoundException');
    });
    const env = () => ({ AWS_ENDPOINT_URL_EKS: endpoint, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'eu-west-1' });

    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => { await new Promise((resolve) => server.close(resolve)); });
    afterEach(() => denied.clear());

    test('writes a snapshot that plan and adopt take', async () => {
      const work = mkdtempSync(join(tmpdir(), 'eam-cli-live-'));
      const taken = await cliAsync(work, env(), 'snapshot', '--cluster', 'prod', '--out', 'live.json');
      expect(taken.stderr).toContain('cluster prod: 1 access entries written to live.json');
      expect(taken.code).toBe(0);
      const snapshot = JSON.parse(readFileSync(join(work, 'live.json'), 'utf8'));
      expect(snapshot).toMatchObject({ clusterName: 'prod', region: 'eu-west-1', authenticationMode: 'API', accessEntries: [{ principalArn: ROLE('ops'), type: 'STANDARD' }] });
      const adopted = await cliAsync(work, {}, 'adopt', '--live', 'live.json', '--format', 'json');
      expect(Object.keys(JSON.parse(adopted.stdout).principals)).toEqual([ROLE('ops')]);
    }, 60_000);

    test('exits 2 naming the call, the cluster and the principal when one call is denied, and writes nothing', async () => {
      const work = mkdtempSync(join(tmpdir(), 'eam-cli-live-'));
      denied.add(`/clusters/prod/access-entries/${ROLE('ops')}/access-policies`);
      const { code, stderr } = await cliAsync(work, env(), 'snapshot', '--cluster', 'prod', '--out', 'live.json');
      expect(code).toBe(2);
      expect(stderr).toContain('eks-access-manager snapshot: ListAssociatedAccessPolicies on cluster prod (eu-west-1) for arn:aws:iam::111122223333:role/ops: access denied (AccessDeniedException');
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(work, 'live.json'))).toBe(false);
    }, 60_000);

    test('plans against the cluster read now with --cluster', async () => {
      const { outdir, work } = app();
      const { code, stdout } = await cliAsync(work, env(), 'plan', outdir, '--cluster', 'prod');
      expect(code).toBe(1);
      expect(stdout).toContain('conflict   arn:aws:iam::111122223333:role/ops');
    }, 60_000);
  });
});
