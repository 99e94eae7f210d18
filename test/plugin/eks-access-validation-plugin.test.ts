import { IPolicyValidationPluginBeta1, Stack } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { EksAccessManager, EksAccessValidationPlugin } from '../../src';
import { appIn } from '../report/helpers';
import { captureSynth } from '../synth-capture';

const DEV = 'arn:aws:iam::111122223333:role/dev';

/**
 * Synthesizes an app with the plugin. A failed validation is printed with the exit code
 * set (aws-cdk-lib 2.245), or thrown (2.276): returns what was printed or thrown, and
 * whether it failed.
 */
function validate(build: (stack: Stack) => void, plugin: IPolicyValidationPluginBeta1 = new EksAccessValidationPlugin()) {
  const app = appIn({ policyValidationBeta1: [plugin] });
  build(new Stack(app, 'Platform'));
  const { thrown, printed, exitCode } = captureSynth(app);
  return thrown === undefined ? { printed, exitCode } : { printed: [printed, thrown].join('\n'), exitCode: 1 };
}

/** The plugin's own report for an app (it never throws). */
function pluginReport(build: (stack: Stack) => void, synthOptions: { skipValidation?: boolean } = {}) {
  const app = appIn();
  build(new Stack(app, 'Platform'));
  const assembly = app.synth(synthOptions);
  return new EksAccessValidationPlugin().validate({ templatePaths: assembly.stacks.map((s) => `${assembly.directory}/${s.templateFile}`) });
}

function v2Cluster(stack: Stack): eks.Cluster {
  return new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
}

describe('EksAccessValidationPlugin', () => {
  test('passes entries made by aws-cdk-lib\'s AccessEntry that EKS accepts', () => {
    const report = pluginReport((stack) => {
      const cluster = v2Cluster(stack);
      new eks.AccessEntry(stack, 'Dev', {
        cluster,
        principal: DEV,
        accessPolicies: [eks.AccessPolicy.fromAccessPolicyName('AmazonEKSEditPolicy', { accessScopeType: eks.AccessScopeType.NAMESPACE, namespaces: ['dev'] })],
      });
    });
    expect(report).toEqual({ success: true, violations: [] });
  });

  test('fails on what aws-cdk-lib\'s L2 lets through (an STS session) and warns on a misspelt policy, naming resource and rule', () => {
    const report = pluginReport((stack) => {
      const cluster = v2Cluster(stack);
      cluster.grantAccess('Ops', 'arn:aws:sts::111122223333:assumed-role/ops/alice', [
        eks.AccessPolicy.fromAccessPolicyName('AmazonEKSClusterAdmnPolicy', { accessScopeType: eks.AccessScopeType.CLUSTER }),
      ]);
    });
    expect(report.success).toBe(false);
    const rules = report.violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['EAM003', 'EAM201']));
    // A name the library does not know may be a new policy: a warning, never a refusal.
    expect(rules).not.toContain('EAM019');
    expect(String(report.violations.find((v) => v.ruleName === 'EAM201')!.severity)).toBe('warning');
    const principal = report.violations.find((v) => v.ruleName === 'EAM003')!.violatingResources[0];
    expect(principal.resourceLogicalId).toMatch(/^ClusterOps/);
    expect(principal.templatePath).toMatch(/Platform\.template\.json$/);
    expect(principal.locations[0]).toContain('is an STS assumed-role session ARN');
  });

  test('fails on a raw CfnAccessEntry: lower-case type, empty namespace list', () => {
    const report = pluginReport((stack) => {
      new CfnAccessEntry(stack, 'Raw', {
        clusterName: 'prod',
        principalArn: DEV,
        type: 'Standard',
        accessPolicies: [{
          policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
          accessScope: { type: 'namespace', namespaces: [] },
        }],
      });
    });
    expect(report.violations.map((v) => [v.ruleName, v.violatingResources[0].resourceLogicalId])).toEqual([
      ['EAM001', 'Raw'],
      ['EAM016', 'Raw'],
    ]);
  });

  test('fails on a literal cluster name that EKS cannot have, once for the cluster', () => {
    const report = pluginReport((stack) => {
      new CfnAccessEntry(stack, 'Dev', { clusterName: 'prod.eu', principalArn: DEV });
      new CfnAccessEntry(stack, 'Ops', { clusterName: 'prod.eu', principalArn: 'arn:aws:iam::111122223333:role/ops' });
    });
    expect(report.success).toBe(false);
    expect(report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.resourceLogicalId)])).toEqual([['EAM027', ['(cluster)']]]);
    expect(report.violations[0].violatingResources[0].locations[0]).toBe(
      '(cluster settings): clusterName: "prod.eu" has ".", which EKS does not allow in cluster names (letters, digits, "-" and "_" only). Fix: use the cluster\'s name as EKS shows it (`aws eks list-clusters`): no cluster has this name',
    );
  });

  test('finds the same principal twice across a raw entry and the manager', () => {
    // The manager refuses this app itself; the templates are written without its validation.
    const report = pluginReport((stack) => {
      new CfnAccessEntry(stack, 'Raw', { clusterName: 'prod', principalArn: DEV });
      new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [DEV]: {} } });
    }, { skipValidation: true });
    const duplicate = report.violations.find((v) => v.ruleName === 'EAM002')!;
    expect(duplicate.violatingResources).toHaveLength(1);
    expect(duplicate.violatingResources[0].locations[0]).toMatch(/declared twice for this cluster: at Platform\.template\.json#\w+ and at Platform\.template\.json#Raw/);
  });

  test('reads the mode and the node groups of a cluster in the same template', () => {
    const report = pluginReport((stack) => {
      const cluster = v2Cluster(stack);
      const nodes = cluster.addNodegroupCapacity('Workers', { minSize: 1 });
      new eks.AccessEntry(stack, 'Nodes', { cluster, principal: nodes.role.roleArn, accessPolicies: [], accessEntryType: eks.AccessEntryType.EC2_LINUX });
    });
    expect(report.violations.map((v) => v.ruleName)).toContain('EAM025');
  });

  test('fails synth through policyValidationBeta1, naming the rule and the resource', () => {
    const { printed, exitCode } = validate((stack) => {
      new CfnAccessEntry(stack, 'Raw', { clusterName: 'prod', principalArn: 'arn:aws:iam::111122223333:group/admins' });
    });
    expect(exitCode).toBe(1);
    expect(printed).toContain('EAM003');
    expect(printed).toContain('Platform/Raw');
  });

  test('lets a valid app synthesize through policyValidationBeta1', () => {
    const { printed, exitCode } = validate((stack) => {
      new CfnAccessEntry(stack, 'Raw', { clusterName: 'prod', principalArn: DEV });
    });
    expect(exitCode).not.toBe(1);
    // 2.245 says so; 2.27x prints nothing for a clean report.
    expect(printed).not.toContain('EAM');
  });
});
