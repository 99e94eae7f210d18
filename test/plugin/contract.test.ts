import { join } from 'path';
import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { CfnAccessEntry, CfnCluster } from 'aws-cdk-lib/aws-eks';
import * as eksV1 from 'aws-cdk-lib/aws-eks';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { AccessEntryType, AccessScopeType, EksAccessManager, EksAccessPolicy, EksAccessValidationPlugin, PermissionSetRole } from '../../src';
import { v1Cluster } from '../eks-v1-cluster';
import { appIn } from '../report/helpers';

/**
 * The contract between the construct and the validation plugin: over the same app, they
 * find the same (rule, severity, principal). The construct reports on its managers'
 * entries only, so the plugin's findings are compared on those entries (and on the
 * cluster settings).
 */

const DEV = 'arn:aws:iam::111122223333:role/dev';
const EU = { account: '111122223333', region: 'eu-west-1' };
const VIEW_ALL = { accessPolicies: [{ policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } }] };

/**
 * Rules whose findings the two cannot share by construction:
 * - EAM100, EAM101: unknown keys and wrong shapes of the map or of the manager's props
 *   never reach a template (the manager synthesizes only what its schema knows).
 * - EAM301: counts a manager's stack's resources against CloudFormation's limit, with the
 *   manager's own entries and whether it shards; a template does not say which resources
 *   a manager owns, and the plugin gets no stack loads.
 */
const CONSTRUCT_ONLY = new Set(['EAM100', 'EAM101', 'EAM301']);

/** Builds an app; returns its managers. Called once per side, on a fresh app. */
type Build = (app: App) => EksAccessManager[];

/** `EAM025 error token`: what both sides must agree on. */
function finding(ruleId: string, severity: string, principal: string): string {
  const shown = principal.startsWith('(token)') ? 'token' : principal;
  return `${ruleId} ${severity} ${shown}`;
}

/** What the construct finds: errors from synth's message, warnings from the annotations. */
function constructFindings(build: Build): string[] {
  const app = appIn();
  build(app);
  let message = '';
  try {
    app.synth();
  } catch (e) {
    message = (e as Error).message;
  }
  const found = [...message.matchAll(/\[(EAM\d{3})\] (.+?): /g)].map((m) => finding(m[1], 'error', m[2]));
  for (const node of app.node.findAll()) {
    for (const entry of node.node.metadata) {
      const match = entry.type === 'aws:cdk:warning' ? /^\[(EAM\d{3})\] (.+?): /.exec(String(entry.data)) : null;
      if (match) { found.push(finding(match[1], 'warning', match[2])); }
    }
  }
  return normalized(found);
}

/** What the plugin finds in the same app's templates, on the managers' entries and the cluster settings. */
function pluginFindings(build: Build): string[] {
  const app = appIn();
  const managers = build(app);
  // The construct's own validation would throw: the plugin reads the templates anyway.
  const assembly = app.synth({ skipValidation: true });
  const report = new EksAccessValidationPlugin().validate({ templatePaths: assembly.stacksRecursively.map((s) => s.templateFullPath) });
  const own = new Set(managers.flatMap((m) => m.node.findAll().filter(isAccessEntry)).map((e) => {
    const stack = Stack.of(e);
    return `${join(assembly.directory, stack.templateFile)}#${stack.resolve(e.logicalId)}`;
  }));
  const found: string[] = [];
  for (const violation of report.violations) {
    for (const resource of violation.violatingResources) {
      if (resource.resourceLogicalId !== '(cluster)' && !own.has(`${resource.templatePath}#${resource.resourceLogicalId}`)) { continue; }
      for (const location of resource.locations) {
        found.push(finding(violation.ruleName, String(violation.severity), location.slice(0, location.indexOf(': '))));
      }
    }
  }
  return normalized(found);
}

function isAccessEntry(node: IConstruct): node is CfnAccessEntry {
  return node instanceof CfnAccessEntry;
}

function normalized(found: string[]): string[] {
  return [...new Set(found)].filter((f) => !CONSTRUCT_ONLY.has(f.split(' ')[0])).sort();
}

/** Both sides' findings over the same app: equal, and equal to `expected`. */
function expectContract(build: Build, expected: string[]): void {
  const construct = constructFindings(build);
  expect(construct).toEqual([...expected].sort());
  expect(pluginFindings(build)).toEqual(construct);
}

describe('the construct and the plugin agree', () => {
  test('fails on the managed node group role of an aws-eks-v2 cluster (EAM025), on both sides', () => {
    expectContract((app) => {
      const stack = new Stack(app, 'Platform', { env: EU });
      const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
      const nodes = cluster.addNodegroupCapacity('Workers', { minSize: 1 });
      return [new EksAccessManager(stack, 'Access', {
        clusterName: cluster.clusterName,
        principals: { [nodes.role.roleArn]: { type: AccessEntryType.EC2_LINUX }, [DEV]: VIEW_ALL },
      })];
    }, ['EAM025 error token']);
  });

  test('fails on the creation role of an aws-eks cluster (EAM024), on both sides', () => {
    expectContract((app) => {
      const stack = new Stack(app, 'Platform', { env: EU });
      const cluster = v1Cluster(stack, 'Cluster', {
        version: eksV1.KubernetesVersion.V1_31, defaultCapacity: 0, authenticationMode: eksV1.AuthenticationMode.API,
      });
      return [new EksAccessManager(stack, 'Access', { clusterName: cluster.clusterName, principals: { [cluster.adminRole.roleArn]: {}, [DEV]: VIEW_ALL } })];
    }, ['EAM024 error token']);
  });

  test('fails on an aws-eks cluster that keeps CONFIG_MAP (EAM022), on both sides', () => {
    expectContract((app) => {
      const stack = new Stack(app, 'Platform', { env: EU });
      const cluster = v1Cluster(stack, 'Cluster', { version: eksV1.KubernetesVersion.V1_31, defaultCapacity: 0 });
      return [new EksAccessManager(stack, 'Access', { clusterName: cluster.clusterName, principals: { [DEV]: VIEW_ALL } })];
    }, ['EAM022 error (cluster settings)']);
  });

  test('checks no mode of a CfnCluster whose mode is a parameter (no EAM022), and the entries still', () => {
    expectContract((app) => {
      const stack = new Stack(app, 'Platform', { env: EU });
      const cluster = new CfnCluster(stack, 'Cluster', {
        roleArn: 'arn:aws:iam::111122223333:role/cluster',
        resourcesVpcConfig: { subnetIds: ['subnet-1'] },
        accessConfig: { authenticationMode: new CfnParameter(stack, 'Mode').valueAsString },
      });
      return [new EksAccessManager(stack, 'Access', {
        clusterName: cluster.ref,
        principals: { [DEV]: { type: 'Standard' as AccessEntryType } },
      })];
    }, ['EAM001 error arn:aws:iam::111122223333:role/dev']);
  });

  test('fails and warns alike on an imported cluster name, whatever else the app declares', () => {
    expectContract((app) => {
      const stack = new Stack(app, 'Platform', { env: EU });
      // A raw entry of the app, on another cluster: the plugin's finding on it is not the manager's.
      new CfnAccessEntry(stack, 'Raw', { clusterName: 'staging', principalArn: 'arn:aws:iam::111122223333:group/admins' });
      return [new EksAccessManager(stack, 'Access', {
        clusterName: 'prod',
        principals: {
          'arn:aws:iam::111122223333:user/alice': { accessPolicies: [{ policy: EksAccessPolicy.CLUSTER_ADMIN, accessScope: { type: AccessScopeType.CLUSTER } }] },
          'arn:aws:sts::111122223333:assumed-role/ops/bob': VIEW_ALL,
          [DEV]: { accessPolicies: [{ policy: 'AmazonEKSViewPolicyy', accessScope: { type: AccessScopeType.CLUSTER } }] },
        },
      })];
    }, [
      'EAM003 error arn:aws:sts::111122223333:assumed-role/ops/bob',
      'EAM201 warning arn:aws:iam::111122223333:role/dev',
      'EAM202 warning arn:aws:iam::111122223333:user/alice',
    ]);
  });

  test('finds no duplicate for the same name and principal in two accounts (no EAM002), on both sides', () => {
    expectContract((app) => [
      new EksAccessManager(new Stack(app, 'One', { env: EU }), 'Access', { clusterName: 'prod', principals: { [DEV]: VIEW_ALL } }),
      new EksAccessManager(new Stack(app, 'Two', { env: { ...EU, account: '444455556666' } }), 'Access', { clusterName: 'prod', principals: { [DEV]: VIEW_ALL } }),
    ], []);
  });

  test('fails on the same name and principal twice in one account (EAM002), on both sides', () => {
    expectContract((app) => [
      new EksAccessManager(new Stack(app, 'One', { env: EU }), 'Access', { clusterName: 'prod', principals: { [DEV]: VIEW_ALL } }),
      new EksAccessManager(new Stack(app, 'Two', { env: EU }), 'Access', { clusterName: 'prod', principals: { [DEV]: VIEW_ALL } }),
    ], ['EAM002 error arn:aws:iam::111122223333:role/dev']);
  });

  test('warns on an in-app role with a fixed name (EAM203) and passes the token of another, on both sides', () => {
    expectContract((app) => {
      const stack = new Stack(app, 'Platform', { env: EU });
      const fixed = new iam.Role(stack, 'Fixed', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'platform-fixed' });
      const generated = new iam.Role(stack, 'Generated', { assumedBy: new iam.AccountRootPrincipal() });
      return [new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [fixed.roleArn]: VIEW_ALL, [generated.roleArn]: VIEW_ALL } })];
    }, ['EAM203 warning token']);
  });

  test('fails on a token principal and its literal ARN in one cluster (EAM002), on both sides', () => {
    expectContract((app) => {
      const stack = new Stack(app, 'Platform', { env: EU });
      const fixed = new iam.Role(stack, 'Fixed', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'platform-fixed' });
      return [new EksAccessManager(stack, 'Access', {
        clusterName: 'prod',
        principals: { [fixed.roleArn]: VIEW_ALL, 'arn:aws:iam::111122223333:role/platform-fixed': VIEW_ALL },
      })];
    }, ['EAM002 error arn:aws:iam::111122223333:role/platform-fixed', 'EAM203 warning token']);
  });

  test('fails on a permission set looked up beside the literal ARN of its role (EAM002), on both sides', () => {
    expectContract((app) => {
      app.node.setContext(PermissionSetRole.LOOKUP_NONCE_CONTEXT, 'fixed');
      const stack = new Stack(app, 'Platform', { env: EU });
      const manager = new EksAccessManager(stack, 'Access', {
        clusterName: 'prod',
        principals: { 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_0123456789abcdef': VIEW_ALL },
      });
      manager.addRole(PermissionSetRole.lookup(stack, 'Dev', { permissionSetName: 'Dev' }), VIEW_ALL);
      return [manager];
    }, ['EAM002 error token']);
  });
});
