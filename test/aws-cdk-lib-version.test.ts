import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import * as cdk from 'aws-cdk-lib';
import { App, CfnParameter, IPolicyValidationPluginBeta1, Stack, Token } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AccessEntryType, AccessScopeType, EksAccessManager, EksAccessPolicy, EksAccessValidationPlugin } from '../src';
import { appIn } from './report/helpers';
import { captureSynth } from './synth-capture';
import { synthError } from './synth-error';

// The suite runs twice: on the aws-cdk-lib floor in the lockfile (`npx projen test`), and
// on the newest aws-cdk-lib 2.x installed outside it (`npx projen test:cdk-latest`, which
// sets CDK_LATEST_VERSION to the version it installed). The first tests check that each
// run really loads the version it claims to test, in jest and in the processes the tests
// spawn; the others pin down what differs between the two versions.
const ROOT = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const FLOOR: string = pkg.devDependencies['aws-cdk-lib'];
const expected: string = process.env.CDK_LATEST_VERSION ?? FLOOR;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded: string = require('aws-cdk-lib/package.json').version;

const DEV = 'arn:aws:iam::111122223333:role/dev';
const NODES = 'arn:aws:iam::111122223333:role/auto-nodes';

/** Runs `fn` with aws-cdk-lib's built-in template validation as users have it (on). */
function withBuiltinValidation<T>(fn: () => T): T {
  const saved = process.env.CDK_VALIDATION;
  delete process.env.CDK_VALIDATION;
  try {
    return fn();
  } finally {
    if (saved !== undefined) { process.env.CDK_VALIDATION = saved; }
  }
}

/**
 * `Validations.of(app).addPlugins()`: where it exists (later versions, which deprecate
 * `AppProps.policyValidationBeta1`), the way to register a validation plugin.
 */
type ValidationsApi = { of(scope: Construct): { addPlugins(...plugins: IPolicyValidationPluginBeta1[]): void } };
const Validations = (cdk as unknown as { Validations?: ValidationsApi }).Validations;

/** An app with the plugin, registered the way this aws-cdk-lib wants it. */
function appWithPlugin(plugin: IPolicyValidationPluginBeta1): App {
  if (Validations === undefined) { return appIn({ policyValidationBeta1: [plugin] }); }
  const app = appIn();
  Validations.of(app).addPlugins(plugin);
  return app;
}

/** What an in-memory synth with a validation plugin did: threw, printed, set the exit code. */
function synthWithPlugin(build: (stack: Stack) => void, plugin: IPolicyValidationPluginBeta1 = new EksAccessValidationPlugin()) {
  const app = appWithPlugin(plugin);
  build(new Stack(app, 'Platform'));
  return captureSynth(app);
}

describe(`aws-cdk-lib under test: ${expected}`, () => {
  test('jest loads the expected aws-cdk-lib', () => {
    console.log(`aws-cdk-lib ${loaded} (expected ${expected}; floor ${FLOOR})`);
    expect(loaded).toBe(expected);
  });

  test('the floor run tests the floor that package.json declares; the other a later 2.x', () => {
    const [major, minor] = expected.split('.').map(Number);
    if (process.env.CDK_LATEST_VERSION) {
      expect(major).toBe(2);
      expect(minor).toBeGreaterThanOrEqual(Number(FLOOR.split('.')[1]));
    } else {
      expect(pkg.peerDependencies['aws-cdk-lib']).toBe(`^${expected}`);
    }
  });

  test('aws-cdk-lib and the tests share one constructs', () => {
    const app = new App();
    expect(new Stack(app, 'S')).toBeInstanceOf(Construct);
    expect(Construct.isConstruct(app)).toBe(true);
  });

  test('a process the tests spawn (the compiled CLI) loads the same aws-cdk-lib', () => {
    const run = spawnSync(process.execPath, ['-p', "require('aws-cdk-lib/package.json').version"], {
      cwd: ROOT, encoding: 'utf8', timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(expected);
  });
});

describe('what differs between the aws-cdk-lib floor and the newest 2.x', () => {
  // aws-cdk-lib 2.262 and later validate every synthesized template themselves (on by
  // default; findings are warnings, printed at synth, in validation-report.json). The
  // run against the newest version turns it off (CDK_VALIDATION=false) for speed and
  // quiet, except here, where it is on as users have it.
  test('built-in template validation, where there is one, finds nothing in the templates the library makes', () => {
    const found = withBuiltinValidation(() => {
      const app = appIn();
      const stack = new Stack(app, 'Platform');
      const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
      const deployer = new iam.Role(stack, 'Deployer', { assumedBy: new iam.AccountRootPrincipal() });
      const manager = new EksAccessManager(stack, 'Access', {
        cluster,
        principals: {
          'arn:aws:iam::111122223333:role/platform-admins': {
            accessPolicies: [{ policy: EksAccessPolicy.CLUSTER_ADMIN, accessScope: { type: AccessScopeType.CLUSTER } }],
          },
          [DEV]: {
            kubernetesGroups: ['dev-team'],
            username: 'dev:{{SessionName}}',
            accessPolicies: [
              { policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['dev', 'feature-*'] } },
              { policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } },
            ],
            tags: { team: 'dev' },
          },
          'arn:aws:iam::111122223333:role/nodes': { type: AccessEntryType.EC2_LINUX },
        },
      });
      manager.addRole(deployer, {
        accessPolicies: [{ policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['apps'] } }],
      });
      // Entries in nested stacks too.
      new EksAccessManager(stack, 'Sharded', {
        clusterName: 'other',
        shards: 2,
        principals: Object.fromEntries([1, 2, 3, 4].map((i) => [`arn:aws:iam::111122223333:role/team-${i}`, { kubernetesGroups: ['readers'] }])),
      });
      const printed: string[] = [];
      const error = jest.spyOn(console, 'error').mockImplementation((text: string) => { printed.push(text); });
      let directory: string;
      try {
        directory = app.synth().directory;
      } finally {
        error.mockRestore();
      }
      return { directory, printed };
    });
    const reportFile = join(found.directory, 'validation-report.json');
    if (!('CloudFormationValidatePlugin' in cdk)) {
      // The floor has no built-in validation: no report, nothing printed.
      expect(existsSync(reportFile)).toBe(false);
      expect(found.printed).toEqual([]);
      return;
    }
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    type Violation = { ruleName: string; description: string; violatingConstructs?: Array<{ constructPath?: string }> };
    const ours = (report.pluginReports as Array<{ pluginName: string; violations: Violation[] }>)
      .flatMap((r) => r.violations.map((v) => ({ plugin: r.pluginName, rule: v.ruleName, description: v.description, paths: (v.violatingConstructs ?? []).map((c) => c.constructPath ?? '') })))
      .filter((v) => v.paths.some((p) => /^Platform\/(Access|Sharded)(\/|$)/.test(p)));
    expect(ours).toEqual([]);
  }, 60_000);

  test('a namespace built from a number token is left to deploy time (not checked as a literal)', () => {
    const stack = new Stack(new App(), 'Platform');
    const count = new CfnParameter(stack, 'Count', { type: 'Number' });
    new EksAccessManager(stack, 'Access', {
      clusterName: 'prod',
      principals: {
        [DEV]: { accessPolicies: [{ policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: [`team-${Token.asNumber(count.valueAsNumber)}`] } }] },
      },
    });
    expect(synthError(stack)).toBeUndefined();
  });

  test('an EC2 (Auto Mode) entry of aws-eks-v2\'s AccessEntry: AmazonEKSAutoNodePolicy passes, another policy fails EAM013', () => {
    const autoNode = eks.AccessPolicy.fromAccessPolicyName(EksAccessPolicy.AUTO_NODE, { accessScopeType: eks.AccessScopeType.CLUSTER });
    const view = eks.AccessPolicy.fromAccessPolicyName(EksAccessPolicy.VIEW, { accessScopeType: eks.AccessScopeType.CLUSTER });
    const entry = (stack: Stack, policy: eks.IAccessPolicy) => {
      const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
      return new eks.AccessEntry(stack, 'AutoNodes', { cluster, principal: NODES, accessEntryType: eks.AccessEntryType.EC2, accessPolicies: [policy] });
    };
    const probe = new Stack(new App(), 'Probe');
    let refused: string | undefined;
    try { entry(probe, autoNode); } catch (e) { refused = (e as Error).message; }
    if (refused !== undefined) {
      // The floor's AccessEntry refuses any policy on an EC2 entry.
      expect(refused).toContain("Access entry type 'EC2' cannot have access policies attached");
      return;
    }
    // Later versions let EC2 entries carry policies (Auto Mode's node policy); the rules say which.
    const passes = synthWithPlugin((stack) => { entry(stack, autoNode); });
    expect(passes.thrown).toBeUndefined();
    expect(passes.exitCode).not.toBe(1);
    const fails = synthWithPlugin((stack) => { entry(stack, view); });
    expect(`${fails.thrown ?? ''}\n${fails.printed}`).toContain('EAM013');
  });

  test('EksAccessValidationPlugin registers without a deprecation warning (policyValidationBeta1 on the floor, Validations.of(app).addPlugins() later)', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { thrown, exitCode, printed } = synthWithPlugin((stack) => { new CfnAccessEntry(stack, 'Raw', { clusterName: 'prod', principalArn: DEV }); });
      expect(thrown).toBeUndefined();
      expect(exitCode).not.toBe(1);
      expect(printed).not.toContain('EAM');
      expect(warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('deprecated'))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  test('a rule that fails in EksAccessValidationPlugin fails an in-memory synth, however aws-cdk-lib reports it', () => {
    const { thrown, printed, exitCode } = synthWithPlugin((stack) => {
      new CfnAccessEntry(stack, 'Raw', { clusterName: 'prod', principalArn: 'arn:aws:iam::111122223333:group/admins' });
    });
    if (thrown === undefined) {
      // The floor prints the report and sets the exit code.
      expect(exitCode).toBe(1);
      expect(printed).toContain('Validation failed');
      expect(printed).toContain('EAM003');
      expect(printed).toContain('Platform/Raw');
    } else {
      // Later versions throw the report from an in-memory synth (a test's app.synth()).
      expect(thrown).toContain('EAM003');
      expect(thrown).toContain('Platform/Raw');
    }
  });
});
