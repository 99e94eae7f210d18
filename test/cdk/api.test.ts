import { App, CfnParameter, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as eksV1 from 'aws-cdk-lib/aws-eks';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AccessScopeType, EksAccessManager, EksAccessPolicy } from '../../src';
import { appIn, reportFiles } from '../report/helpers';
import { synthError } from '../synth-error';

const DEV = 'arn:aws:iam::111122223333:role/dev';
const ALICE = 'arn:aws:iam::111122223333:user/alice';
const VIEW = { accessPolicies: [{ policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } }] };
const ADMIN = { accessPolicies: [{ policy: EksAccessPolicy.CLUSTER_ADMIN, accessScope: { type: AccessScopeType.CLUSTER } }] };

function entryIds(stack: Stack): string[] {
  return Object.keys(Template.fromStack(stack).findResources('AWS::EKS::AccessEntry')).sort();
}

describe('the cluster', () => {
  test('creates entries on an aws-eks-v2 cluster given as `cluster`, with the same ids as by name', () => {
    // GIVEN two identical apps, one naming the cluster by its token, one by the construct
    const byName = new Stack(new App(), 'Stack');
    const named = new eks.Cluster(byName, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
    new EksAccessManager(byName, 'Access', { clusterName: named.clusterName, principals: { [DEV]: VIEW } });
    const byConstruct = new Stack(new App(), 'Stack');
    const cluster = new eks.Cluster(byConstruct, 'Cluster', { version: eks.KubernetesVersion.V1_34 });

    // WHEN
    const manager = new EksAccessManager(byConstruct, 'Access', { cluster, principals: { [DEV]: VIEW } });

    // THEN
    Template.fromStack(byConstruct).hasResourceProperties('AWS::EKS::AccessEntry', {
      ClusterName: { Ref: Match.stringLikeRegexp('^Cluster') },
      PrincipalArn: DEV,
    });
    expect(entryIds(byConstruct)).toEqual(entryIds(byName));
    expect(manager.clusterName).toBe(cluster.clusterName);
  });

  test('reads the facts of an aws-eks cluster given as `cluster`', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = new eksV1.Cluster(stack, 'Cluster', { version: eksV1.KubernetesVersion.V1_31, defaultCapacity: 0 } as eksV1.ClusterProps);
    new EksAccessManager(stack, 'Access', { cluster, principals: { [DEV]: VIEW } });
    // An aws-eks cluster without `authenticationMode` keeps CONFIG_MAP.
    expect(synthError(stack)).toContain('[EAM022] (cluster settings): authenticationMode: the cluster Stack/Cluster authenticates with the aws-auth ConfigMap only');
  });

  test('takes an imported cluster by its name', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = eks.Cluster.fromClusterAttributes(stack, 'Imported', { clusterName: 'prod' });
    new EksAccessManager(stack, 'Access', { cluster, principals: { [DEV]: VIEW } });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', { ClusterName: 'prod' });
  });

  test('fails when both `cluster` and `clusterName` are given', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = eks.Cluster.fromClusterAttributes(stack, 'Imported', { clusterName: 'prod' });
    new EksAccessManager(stack, 'Access', { cluster, clusterName: 'prod', principals: { [DEV]: VIEW } });
    expect(synthError(stack)).toContain('[EAM101] (cluster settings): cluster: must be exactly one of `cluster` (a cluster of this app, or imported) and `clusterName` (a cluster outside the app), got both.');
  });

  test('fails when neither `cluster` nor `clusterName` is given', () => {
    const stack = new Stack(new App(), 'Stack');
    new EksAccessManager(stack, 'Access', { principals: { [DEV]: VIEW } });
    expect(synthError(stack)).toContain('[EAM101] (cluster settings): cluster: must be exactly one of `cluster` (a cluster of this app, or imported) and `clusterName` (a cluster outside the app), got neither.');
  });
});

describe('principals as constructs', () => {
  test('creates an entry for a role of the app, an imported role and a user', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const role = new iam.Role(stack, 'Ci', { assumedBy: new iam.AccountRootPrincipal() });
    const imported = iam.Role.fromRoleArn(stack, 'Ops', 'arn:aws:iam::111122223333:role/team/ops');
    const user = iam.User.fromUserArn(stack, 'Alice', ALICE);
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod' });

    // WHEN
    manager.addRole(role, VIEW);
    manager.addRole(imported, VIEW);
    manager.addUser(user, { kubernetesGroups: ['readers'] });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EKS::AccessEntry', 3);
    template.hasResourceProperties('AWS::EKS::AccessEntry', { PrincipalArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Ci'), 'Arn'] } });
    template.hasResourceProperties('AWS::EKS::AccessEntry', { PrincipalArn: 'arn:aws:iam::111122223333:role/team/ops' });
    template.hasResourceProperties('AWS::EKS::AccessEntry', { PrincipalArn: ALICE, KubernetesGroups: ['readers'] });
    expect(manager.entryFor(role.roleArn)).toBeDefined();
  });

  test('fails when addRole repeats a principal of the map, naming both places', () => {
    const stack = new Stack(new App(), 'Stack');
    const role = iam.Role.fromRoleArn(stack, 'Dev', DEV);
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [DEV]: VIEW } });
    manager.addRole(role, VIEW);
    expect(synthError(stack)).toContain(`[EAM002] ${DEV}: is declared twice for this cluster: at Stack/Access addRole(Stack/Dev) and at Stack/Access principals`);
  });

  test('warns that grant() is deprecated, and still creates the entry', () => {
    const stack = new Stack(new App(), 'Stack');
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod' });
    const entry = manager.grant(DEV, VIEW);
    expect(entry.principalArn).toBe(DEV);
    Template.fromStack(stack).resourceCountIs('AWS::EKS::AccessEntry', 1);
    Annotations.fromStack(stack).hasWarning('/Stack/Access', Match.stringLikeRegexp('`grant\\(\\)` is deprecated'));
  });

  test('does not warn about grant() when it is not used', () => {
    const stack = new Stack(new App(), 'Stack');
    new EksAccessManager(stack, 'Access', { clusterName: 'prod' }).addPrincipal(DEV, VIEW);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('deprecated'))).toEqual([]);
  });
});

describe('acknowledge()', () => {
  test('silences a warning for one principal, and keeps it for another', () => {
    // GIVEN two users with cluster admin (EAM202 warns on each)
    const stack = new Stack(new App(), 'Stack');
    const bob = 'arn:aws:iam::111122223333:user/bob';
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [ALICE]: ADMIN, [bob]: ADMIN } });

    // WHEN
    manager.acknowledge('EAM202', 'break-glass user, keys in a vault', ALICE);

    // THEN
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('EAM202'));
    expect(warnings.map((w) => w.entry.data)).toEqual([expect.stringContaining(bob)]);
  });

  test('silences an error for every principal of the manager', () => {
    const stack = new Stack(new App(), 'Stack');
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { 'arn:aws:iam::111122223333:root': {} } });
    expect(synthError(stack)).toContain('[EAM006]');
    manager.acknowledge('EAM006', 'the account root is mapped on purpose while we migrate');
    expect(synthError(stack)).toBeUndefined();
  });

  test('lists every acknowledgement, its reason and what it silenced, in the access report', () => {
    // GIVEN a silenced warning, and an acknowledgement that silences nothing
    const app = appIn();
    const stack = new Stack(app, 'Stack');
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [ALICE]: ADMIN, [DEV]: VIEW } });
    manager.acknowledge('EAM202', 'break-glass user, keys in a vault', ALICE);
    manager.acknowledge('EAM204', 'no wildcard today');

    // WHEN
    app.synth();

    // THEN
    const files = reportFiles(app.outdir);
    const report = JSON.parse(files['eks-access-report.prod.json']);
    expect(report.acknowledgements).toEqual([
      {
        ruleId: 'EAM202',
        reason: 'break-glass user, keys in a vault',
        principal: ALICE,
        manager: 'Stack/Access',
        silenced: [expect.stringMatching(/^\[EAM202\] arn:aws:iam::111122223333:user\/alice: accessPolicies\[0\]\.policy: grants cluster admin/)],
      },
      { ruleId: 'EAM204', reason: 'no wildcard today', manager: 'Stack/Access', silenced: [] },
    ]);
    const markdown = files['eks-access-report.prod.md'];
    expect(markdown).toContain('## Acknowledged findings');
    expect(markdown).toContain(`- **EAM202** for \`${ALICE}\` (Stack/Access): break-glass user, keys in a vault. It silences 1.`);
    expect(markdown).toContain('- **EAM204** for every principal (Stack/Access): no wildcard today. It silences nothing today.');
  });

  test('leaves the report without acknowledgements when there are none', () => {
    const app = appIn();
    new EksAccessManager(new Stack(app, 'Stack'), 'Access', { clusterName: 'prod', principals: { [DEV]: VIEW } });
    app.synth();
    const files = reportFiles(app.outdir);
    expect(JSON.parse(files['eks-access-report.prod.json'])).not.toHaveProperty('acknowledgements');
    expect(files['eks-access-report.prod.md']).not.toContain('Acknowledged');
  });

  test('fails at once on a rule id that does not exist', () => {
    const manager = new EksAccessManager(new Stack(new App(), 'Stack'), 'Access', { clusterName: 'prod' });
    expect(() => manager.acknowledge('EAM999', 'why')).toThrow('Stack/Access: acknowledge(): `ruleId` must be a rule id of this library (EAM001 to EAM302), got "EAM999"');
  });

  test('fails at once without a reason', () => {
    const manager = new EksAccessManager(new Stack(new App(), 'Stack'), 'Access', { clusterName: 'prod' });
    expect(() => manager.acknowledge('EAM202', '  ')).toThrow('`reason` must say why the finding is acceptable');
  });
});

describe('aws-eks-v2 access policies', () => {
  const partitionArn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:eks::aws:cluster-access-policy/${name}`]] });

  test('creates an entry from an aws-eks-v2 AccessPolicy, as if the name were written', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const view = eks.AccessPolicy.fromAccessPolicyName('AmazonEKSViewPolicy', { accessScopeType: eks.AccessScopeType.CLUSTER });
    const edit = eks.AccessPolicy.fromAccessPolicyName('AmazonEKSEditPolicy', { accessScopeType: eks.AccessScopeType.NAMESPACE, namespaces: ['dev'] });

    // WHEN
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [DEV]: { accessPolicies: [EksAccessPolicy.grantOf(view), EksAccessPolicy.grantOf(edit)] } } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', {
      AccessPolicies: [
        { PolicyArn: partitionArn('AmazonEKSViewPolicy'), AccessScope: { Type: 'cluster' } },
        { PolicyArn: partitionArn('AmazonEKSEditPolicy'), AccessScope: { Type: 'namespace', Namespaces: ['dev'] } },
      ],
    });
  });

  test('checks the policy of an aws-eks-v2 AccessPolicyArn instead of skipping it as a token', () => {
    const stack = new Stack(new App(), 'Stack');
    const policy = eks.AccessPolicyArn.of('AmazonEKSClusterAdminPolicy').policyArn;
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [ALICE]: { accessPolicies: [{ policy, accessScope: { type: AccessScopeType.CLUSTER } }] } } });
    // EAM202 reads the policy's name: cluster admin for an IAM user.
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('^\\[EAM202\\] arn:aws:iam::111122223333:user/alice: accessPolicies\\[0\\]\\.policy: grants cluster admin'));
  });

  test('keeps a policy token that is not a policy ARN in the stack\'s partition as it is', () => {
    const stack = new Stack(new App(), 'Stack');
    const policy = new CfnParameter(stack, 'Policy').valueAsString;
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [DEV]: { accessPolicies: [{ policy, accessScope: { type: AccessScopeType.CLUSTER } }] } } });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', { AccessPolicies: [{ PolicyArn: { Ref: 'Policy' } }] });
  });
});

describe('removalPolicy', () => {
  test('retains every entry in EKS when it leaves its stack', () => {
    const stack = new Stack(new App(), 'Stack');
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', removalPolicy: RemovalPolicy.RETAIN, principals: { [DEV]: VIEW } });
    Template.fromStack(stack).hasResource('AWS::EKS::AccessEntry', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('leaves the entries without a deletion policy by default', () => {
    const stack = new Stack(new App(), 'Stack');
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [DEV]: VIEW } });
    Template.fromStack(stack).hasResource('AWS::EKS::AccessEntry', { DeletionPolicy: Match.absent() });
  });

  test('fails on a value that is not a removal policy', () => {
    const stack = new Stack(new App(), 'Stack');
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', removalPolicy: 'keep' as never, principals: { [DEV]: VIEW } });
    expect(synthError(stack)).toContain('[EAM101] (cluster settings): removalPolicy: must be a RemovalPolicy, got the string "keep"');
  });
});
