import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Aspects, attachCustomSynthesis, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { appIn, reportFiles } from './helpers';
import { AccessScopeType, EksAccessManager, EksAccessManagerProps, EksAccessPolicy } from '../../src';

const ROOT = join(__dirname, '..', '..');
const admin = { accessPolicies: [{ policy: EksAccessPolicy.CLUSTER_ADMIN, accessScope: { type: AccessScopeType.CLUSTER } }] };
const role = (name: string) => `arn:aws:iam::111122223333:role/${name}`;

/** A manager of `cluster` in a new stack of `scope`, granting admin to each role. */
function managerIn(scope: IConstruct, stackId: string, cluster: string, ...roles: string[]): EksAccessManager {
  return new EksAccessManager(new Stack(scope, stackId), 'Access', {
    clusterName: cluster,
    principals: Object.fromEntries(roles.map((r) => [role(r), admin])),
  });
}

/** Who the report of a cluster lists, and from which stack. */
function reported(outdir: string, cluster: string): Array<{ principal: string; stack: string }> {
  const file = reportFiles(outdir)[`eks-access-report.${cluster}.json`];
  expect(file).toBeDefined();
  return JSON.parse(file).entries.map((e: { principal: string; stack: string }) => ({ principal: e.principal, stack: e.stack }));
}

/** What a test uses of a copy of the library. */
interface LibraryCopy {
  readonly EksAccessManager: new (scope: IConstruct, id: string, props: EksAccessManagerProps) => EksAccessManager;
}

/**
 * A copy of the compiled library in its own directory, as npm installs a second version
 * of a package; it resolves the same aws-cdk-lib and constructs as the tests.
 */
function libraryCopy(parent: string, name: string): LibraryCopy {
  const lib = join(ROOT, 'lib');
  if (!existsSync(join(lib, 'index.js'))) {
    throw new Error(`${lib}/index.js is missing: this test loads the compiled library; run 'npx projen compile' (or 'npx projen test', which compiles first)`);
  }
  const dir = join(parent, name);
  mkdirSync(dir);
  cpSync(lib, join(dir, 'lib'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  expect(require.resolve('aws-cdk-lib', { paths: [dir] })).toBe(require.resolve('aws-cdk-lib'));
  expect(require.resolve('constructs', { paths: [dir] })).toBe(require.resolve('constructs'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(dir);
}

describe('the report hook', () => {
  test('writes the report when the App root custom synthesis is taken by someone else', () => {
    const app = appIn();
    let called = 0;
    attachCustomSynthesis(app, { onSynthesize: () => { called++; } });
    managerIn(app, 'Platform', 'prod', 'admins');
    expect(reported(app.synth().directory, 'prod')).toEqual([{ principal: role('admins'), stack: 'Platform' }]);
    expect(called).toBe(1);
  });

  test('writes one report per copy of the library in the same app, each in its own construct', () => {
    const copies = mkdtempSync(join(tmpdir(), 'eam-copies-'));
    try {
      const first = libraryCopy(copies, 'first');
      const second = libraryCopy(copies, 'second');
      expect(first.EksAccessManager).not.toBe(second.EksAccessManager);

      const app = appIn();
      new first.EksAccessManager(new Stack(app, 'Prod'), 'Access', { clusterName: 'prod', principals: { [role('prod-admins')]: admin } });
      new second.EksAccessManager(new Stack(app, 'Staging'), 'Access', { clusterName: 'staging', principals: { [role('staging-admins')]: admin } });
      const outdir = app.synth().directory;

      expect(Object.keys(reportFiles(outdir)).sort()).toEqual([
        'eks-access-report.prod.json', 'eks-access-report.prod.md',
        'eks-access-report.staging.json', 'eks-access-report.staging.md',
      ]);
      expect(reported(outdir, 'prod')).toEqual([{ principal: role('prod-admins'), stack: 'Prod' }]);
      expect(reported(outdir, 'staging')).toEqual([{ principal: role('staging-admins'), stack: 'Staging' }]);
      expect(app.node.children.map((c) => c.node.id).filter((id) => id.startsWith('EksAccessManagerReport')).sort())
        .toEqual(['EksAccessManagerReport', 'EksAccessManagerReport2']);
    } finally {
      // The links first, so that removing the copies cannot reach the project's node_modules.
      for (const name of ['first', 'second']) {
        if (existsSync(join(copies, name, 'node_modules'))) { unlinkSync(join(copies, name, 'node_modules')); }
      }
      rmSync(copies, { recursive: true, force: true });
    }
  });

  describe.each([
    ['', {}],
    [' without validation', { skipValidation: true }],
  ])('writes the entries of a stack created after the first manager%s', (_, options) => {
    test.each([true, false])('(aspect stabilization: %s)', (stabilization) => {
      const app = appIn({ context: { '@aws-cdk/core:aspectStabilization': stabilization } });
      managerIn(app, 'First', 'prod', 'first');
      managerIn(app, 'Later', 'prod', 'later');
      // Deeper than the Stage's children, too: a stack in a plain construct.
      managerIn(new Construct(app, 'Group'), 'Grouped', 'prod', 'grouped');
      const assembly = app.synth(options);
      expect(reported(assembly.directory, 'prod')).toEqual([
        { principal: role('first'), stack: 'First' },
        { principal: role('grouped'), stack: 'Group/Grouped' },
        { principal: role('later'), stack: 'Later' },
      ]);
    });
  });

  test('writes the entries of a stack that an aspect creates after the hook is placed', () => {
    const app = appIn();
    managerIn(app, 'First', 'prod', 'first');
    const second = new Stack(app, 'Second');
    // Runs on a stack after the hook, so after the hook's own aspect: the hook's
    // validation places it after the stack this creates.
    const addsStack: IAspect = {
      visit: (node) => {
        if (node === second && !app.node.tryFindChild('FromAspect')) { managerIn(app, 'FromAspect', 'prod', 'from-aspect'); }
      },
    };
    Aspects.of(second).add(addsStack);
    expect(reported(app.synth().directory, 'prod').map((e) => e.stack)).toEqual(['First', 'FromAspect']);
  });

  test('writes the report of a nested Stage in its own assembly', () => {
    const app = appIn();
    managerIn(app, 'Prod', 'prod', 'prod-admins');
    const staging = new Stage(app, 'Staging');
    managerIn(staging, 'Cluster', 'staging', 'staging-admins');
    const assembly = app.synth();
    expect(reported(assembly.directory, 'prod')).toEqual([{ principal: role('prod-admins'), stack: 'Prod' }]);
    expect(reported(assembly.getNestedAssembly(staging.artifactId).directory, 'staging'))
      .toEqual([{ principal: role('staging-admins'), stack: 'Staging/Cluster' }]);
    expect(Object.keys(reportFiles(assembly.directory))).not.toContain('eks-access-report.staging.json');
  });

  test('writes the report again on a second synth, without changing the construct tree', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'eam-report-')) });
    managerIn(app, 'First', 'prod', 'first');
    managerIn(app, 'Later', 'prod', 'later');
    const paths = () => app.node.findAll().map((c) => c.node.path).sort();
    app.synth();
    const afterFirst = paths();
    expect(() => app.synth()).not.toThrow();
    expect(app.synth({ force: true }).directory).toBe(app.outdir);
    expect(paths()).toEqual(afterFirst);
    expect(reported(app.outdir, 'prod').map((e) => e.stack)).toEqual(['First', 'Later']);
  });
});
