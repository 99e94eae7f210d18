import { Stack } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { appIn, reportFiles } from './helpers';
import { AccessEntryType, AccessScopeType, EksAccessManager, EksAccessPolicy } from '../../src';

const cluster = { type: AccessScopeType.CLUSTER };
const ns = (...namespaces: string[]) => ({ type: AccessScopeType.NAMESPACE, namespaces });

function platformApp(accessReport?: boolean) {
  const app = appIn();
  const stack = new Stack(app, 'Platform');
  const deployer = new iam.Role(stack, 'Deployer', { assumedBy: new iam.AccountRootPrincipal() });
  const manager = new EksAccessManager(stack, 'Access', {
    clusterName: 'prod',
    accessReport,
    principals: {
      'arn:aws:iam::111122223333:role/platform-admins': { accessPolicies: [{ policy: EksAccessPolicy.CLUSTER_ADMIN, accessScope: cluster }] },
      'arn:aws:iam::111122223333:role/dev': {
        username: 'dev:{{SessionName}}',
        kubernetesGroups: ['dev-team'],
        accessPolicies: [
          { policy: EksAccessPolicy.VIEW, accessScope: cluster },
          { policy: EksAccessPolicy.EDIT, accessScope: ns('feature-*', 'dev') },
        ],
      },
      'arn:aws:iam::111122223333:role/auditors': { accessPolicies: [{ policy: EksAccessPolicy.ADMIN_VIEW, accessScope: cluster }] },
      'arn:aws:iam::111122223333:role/nodes': { type: AccessEntryType.EC2_LINUX },
      [deployer.roleArn]: { accessPolicies: [{ policy: EksAccessPolicy.ADMIN, accessScope: ns('dev', 'apps') }] },
    },
  });
  return { app, stack, manager };
}

describe('the access report', () => {
  test('is written next to the templates, as JSON and Markdown, one per cluster', () => {
    const { app } = platformApp();
    const assembly = app.synth();
    expect(Object.keys(reportFiles(assembly.directory))).toEqual(['eks-access-report.prod.json', 'eks-access-report.prod.md']);
  });

  test('lists each principal, sorted, with what the template grants', () => {
    const { app } = platformApp();
    const report = JSON.parse(reportFiles(app.synth().directory)['eks-access-report.prod.json']);
    expect(report.entries.map((e: { principal: string }) => e.principal)).toEqual([
      'Deployer92EF8763.Arn',
      'arn:aws:iam::111122223333:role/auditors',
      'arn:aws:iam::111122223333:role/dev',
      'arn:aws:iam::111122223333:role/nodes',
      'arn:aws:iam::111122223333:role/platform-admins',
    ]);
    expect(report.entries[2]).toEqual({
      principal: 'arn:aws:iam::111122223333:role/dev',
      stack: 'Platform',
      logicalId: expect.stringMatching(/^Accessroledev/),
      type: 'STANDARD',
      username: 'dev:{{SessionName}}',
      kubernetesGroups: ['dev-team'],
      policies: [
        { policy: 'AmazonEKSEditPolicy', scope: 'namespace', namespaces: ['dev', 'feature-*'], level: 'write', equivalent: 'edit' },
        { policy: 'AmazonEKSViewPolicy', scope: 'cluster', namespaces: [], level: 'read', equivalent: 'view' },
      ],
    });
  });

  test('summarizes cluster-wide access, secret readers apart, and who can write to each namespace', () => {
    const { app } = platformApp();
    const report = JSON.parse(reportFiles(app.synth().directory)['eks-access-report.prod.json']);
    expect(report.summary).toEqual({
      // auditors (admin view) read Secrets; dev (view) does not.
      clusterWide: { admin: 1, write: 0, readSecrets: 1, read: 1 },
      namespaceWriters: {
        'apps': ['Deployer92EF8763.Arn'],
        'dev': ['Deployer92EF8763.Arn', 'arn:aws:iam::111122223333:role/dev'],
        'feature-*': ['arn:aws:iam::111122223333:role/dev'],
      },
      withGroups: 1,
      nodes: 1,
    });
  });

  test('counts the secret admin policy as a writer, not a reader: it can change and delete secrets', () => {
    const app = appIn();
    new EksAccessManager(new Stack(app, 'Platform'), 'Access', {
      clusterName: 'prod',
      principals: {
        'arn:aws:iam::111122223333:role/secrets-operator': { accessPolicies: [{ policy: EksAccessPolicy.SECRET_ADMIN, accessScope: ns('vault') }] },
        'arn:aws:iam::111122223333:role/secrets-sync': { accessPolicies: [{ policy: EksAccessPolicy.SECRET_ADMIN, accessScope: cluster }] },
        'arn:aws:iam::111122223333:role/secrets-audit': { accessPolicies: [{ policy: EksAccessPolicy.SECRET_READER, accessScope: cluster }] },
      },
    });
    const report = JSON.parse(reportFiles(app.synth().directory)['eks-access-report.prod.json']);
    const operator = report.entries.find((e: { principal: string }) => e.principal === 'arn:aws:iam::111122223333:role/secrets-operator');
    expect(operator.policies).toEqual([
      { policy: 'AmazonEKSSecretAdminPolicy', scope: 'namespace', namespaces: ['vault'], level: 'write', equivalent: 'all verbs on secrets' },
    ]);
    expect(report.summary.clusterWide).toEqual({ admin: 0, write: 1, readSecrets: 1, read: 0 });
    expect(report.summary.namespaceWriters).toEqual({ vault: ['arn:aws:iam::111122223333:role/secrets-operator'] });
  });

  test('names a role of the app by its construct path, and keeps its expression in the JSON report', () => {
    const { app } = platformApp();
    const files = reportFiles(app.synth().directory);
    const deployer = JSON.parse(files['eks-access-report.prod.json']).entries.find((e: { principal: string }) => e.principal === 'Deployer92EF8763.Arn');
    expect(deployer.principalPath).toBe('Platform/Deployer');
    expect(files['eks-access-report.prod.md']).toContain('| `Platform/Deployer` (this app\'s) | STANDARD |');
    expect(files['eks-access-report.prod.md']).not.toContain('Deployer92EF8763');
  });

  test('names the principal as the template has it once an override replaced the role', () => {
    const { app, manager } = platformApp();
    const deployerEntry = manager.entries.find((e) => e.principalArn !== undefined && !e.principalArn.startsWith('arn:'))!;
    deployerEntry.addPropertyOverride('PrincipalArn', 'arn:aws:iam::111122223333:role/replaced');
    const report = JSON.parse(reportFiles(app.synth().directory)['eks-access-report.prod.json']);
    const replaced = report.entries.find((e: { principal: string }) => e.principal === 'arn:aws:iam::111122223333:role/replaced');
    expect(replaced.principalPath).toBeUndefined();
  });

  test('renders Markdown for reviewers', () => {
    const { app } = platformApp();
    const md = reportFiles(app.synth().directory)['eks-access-report.prod.md'];
    expect(md).toContain('# Access to EKS cluster prod');
    expect(md).toContain('| admin | 1 |');
    expect(md).toContain('| read, Secrets included | 1 |');
    expect(md).toContain('| read, no Secrets | 1 |');
    expect(md).toContain('| `dev` | `Platform/Deployer` (this app\'s)<br>`arn:aws:iam::111122223333:role/dev` |');
    expect(md).toContain('| `arn:aws:iam::111122223333:role/dev` | STANDARD | `dev:{{SessionName}}` | `dev-team` | AmazonEKSEditPolicy (`dev`, `feature-*`)<br>AmazonEKSViewPolicy (cluster) | edit<br>view |');
  });

  test('is the same for the same map, whatever the declaration order', () => {
    const first = reportFiles(platformApp().app.synth().directory);
    const again = reportFiles(platformApp().app.synth().directory);
    expect(again).toEqual(first);
  });

  test('covers every manager of the cluster', () => {
    const { app, stack } = platformApp();
    new EksAccessManager(stack, 'Team', { clusterName: 'prod', principals: { 'arn:aws:iam::111122223333:role/team': {} } });
    const report = JSON.parse(reportFiles(app.synth().directory)['eks-access-report.prod.json']);
    expect(report.entries).toHaveLength(6);
  });

  test('finds an entry under a logical id overridden after the manager made it, even when another entry took its old id', () => {
    const { app, stack, manager } = platformApp();
    const entry = manager.entryFor('arn:aws:iam::111122223333:role/dev')!;
    const oldId = stack.resolve(entry.logicalId);
    entry.overrideLogicalId('DevAccess');
    new CfnAccessEntry(stack, 'Other', { clusterName: 'prod', principalArn: 'arn:aws:iam::111122223333:role/other' }).overrideLogicalId(oldId);
    const report = JSON.parse(reportFiles(app.synth().directory)['eks-access-report.prod.json']);
    const dev = report.entries.find((e: { principal: string }) => e.principal === 'arn:aws:iam::111122223333:role/dev');
    expect(dev.logicalId).toBe('DevAccess');
    expect(dev.policies.map((p: { policy: string }) => p.policy)).toEqual(['AmazonEKSEditPolicy', 'AmazonEKSViewPolicy']);
  });

  test('is not written with accessReport: false', () => {
    const { app } = platformApp(false);
    expect(reportFiles(app.synth().directory)).toEqual({});
  });
});
