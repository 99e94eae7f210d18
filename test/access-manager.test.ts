import { App, CfnParameter, Fn, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CfnCluster } from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  AccessEntryType,
  AccessScopeType,
  AuthenticationMode,
  EksAccessManager,
  EksAccessManagerProps,
  EksAccessPolicy,
  PrincipalAccess,
} from '../src';
import { synthError } from './synth-error';

const ADMINS = 'arn:aws:iam::111122223333:role/platform-admins';
const DEV = 'arn:aws:iam::111122223333:role/dev';
const NODES = 'arn:aws:iam::111122223333:role/nodes';

const partitionArn = (name: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:eks::aws:cluster-access-policy/${name}`]],
});

/** The quick-start map, as plain strings (as it would come from JSON or YAML). */
const QUICK_START: Record<string, PrincipalAccess> = JSON.parse(JSON.stringify({
  [ADMINS]: { accessPolicies: [{ policy: 'AmazonEKSClusterAdminPolicy', accessScope: { type: 'cluster' } }] },
  [DEV]: {
    kubernetesGroups: ['dev-team'],
    username: 'dev:{{SessionName}}',
    accessPolicies: [
      { policy: 'AmazonEKSEditPolicy', accessScope: { type: 'namespace', namespaces: ['dev', 'feature-*'] } },
      { policy: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster' } },
    ],
    tags: { team: 'dev' },
  },
  [NODES]: { type: 'EC2_LINUX' },
}));

function managerIn(props: Partial<EksAccessManagerProps> = {}): { stack: Stack; manager: EksAccessManager } {
  const stack = new Stack(new App(), 'Stack');
  const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', ...props });
  return { stack, manager };
}


function logicalIds(stack: Stack): string[] {
  return Object.keys(Template.fromStack(stack).findResources('AWS::EKS::AccessEntry')).sort();
}

describe('EksAccessManager', () => {
  test('creates one entry per principal, with all its policies inside it', () => {
    // GIVEN / WHEN
    const { stack } = managerIn({ authenticationMode: AuthenticationMode.API_AND_CONFIG_MAP, principals: QUICK_START });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EKS::AccessEntry', 3);
    template.hasResourceProperties('AWS::EKS::AccessEntry', {
      ClusterName: 'prod',
      PrincipalArn: ADMINS,
      Type: 'STANDARD',
      AccessPolicies: [{ PolicyArn: partitionArn('AmazonEKSClusterAdminPolicy'), AccessScope: { Type: 'cluster' } }],
    });
    template.hasResourceProperties('AWS::EKS::AccessEntry', {
      PrincipalArn: DEV,
      Type: 'STANDARD',
      Username: 'dev:{{SessionName}}',
      KubernetesGroups: ['dev-team'],
      AccessPolicies: [
        { PolicyArn: partitionArn('AmazonEKSEditPolicy'), AccessScope: { Type: 'namespace', Namespaces: ['dev', 'feature-*'] } },
        { PolicyArn: partitionArn('AmazonEKSViewPolicy'), AccessScope: { Type: 'cluster', Namespaces: Match.absent() } },
      ],
      Tags: [{ Key: 'team', Value: 'dev' }],
    });
  });

  test('creates a node entry with no username, groups or policies', () => {
    const { stack } = managerIn({ principals: QUICK_START });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', {
      PrincipalArn: NODES,
      Type: 'EC2_LINUX',
      Username: Match.absent(),
      KubernetesGroups: Match.absent(),
      AccessPolicies: Match.absent(),
    });
  });

  test('creates an Auto Mode node entry with the Auto Mode node policy', () => {
    const { stack } = managerIn({
      principals: {
        [NODES]: {
          type: AccessEntryType.EC2,
          accessPolicies: [{ policy: EksAccessPolicy.AUTO_NODE, accessScope: { type: AccessScopeType.CLUSTER } }],
        },
      },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', {
      Type: 'EC2',
      AccessPolicies: [{ PolicyArn: partitionArn('AmazonEKSAutoNodePolicy'), AccessScope: { Type: 'cluster' } }],
    });
  });

  test('creates an entry with only groups (no policies)', () => {
    const { stack, manager } = managerIn();
    manager.grant('arn:aws:iam::111122223333:user/alice', { kubernetesGroups: ['readers'] });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', {
      PrincipalArn: 'arn:aws:iam::111122223333:user/alice',
      KubernetesGroups: ['readers'],
      AccessPolicies: Match.absent(),
    });
  });

  test('keeps a policy written as an ARN as it is', () => {
    const arn = 'arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
    const { stack } = managerIn({ principals: { [DEV]: { accessPolicies: [{ policy: arn, accessScope: { type: AccessScopeType.CLUSTER } }] } } });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', {
      AccessPolicies: [{ PolicyArn: arn, AccessScope: { Type: 'cluster' } }],
    });
  });

  test('builds policy ARNs in the partition the stack is deployed to, never a hard-coded aws', () => {
    const view = { policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } };
    const { stack } = managerIn({ principals: { [DEV]: { accessPolicies: [view] } } });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', {
      AccessPolicies: [{ PolicyArn: partitionArn('AmazonEKSViewPolicy') }],
    });
  });

  test('fails when a policy ARN names another partition than the stack region\'s', () => {
    const stack = new Stack(new App(), 'China', { env: { region: 'cn-north-1', account: '111122223333' } });
    const policy = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
    new EksAccessManager(stack, 'Access', {
      clusterName: 'prod',
      principals: { ['arn:aws-cn:iam::111122223333:role/dev']: { accessPolicies: [{ policy, accessScope: { type: AccessScopeType.CLUSTER } }] } },
    });
    expect(synthError(stack)).toContain(
      `[EAM018] arn:aws-cn:iam::111122223333:role/dev: accessPolicies[0].policy: "${policy}" is in partition "aws", but the stack is in "aws-cn"`,
    );
  });

  test('takes the cluster name from a token', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = new CfnCluster(stack, 'Cluster', {
      roleArn: 'arn:aws:iam::111122223333:role/cluster',
      resourcesVpcConfig: { subnetIds: ['subnet-1'] },
      accessConfig: { authenticationMode: 'API' },
    });
    new EksAccessManager(stack, 'Access', { clusterName: cluster.ref, principals: { [DEV]: { kubernetesGroups: ['dev'] } } });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', { ClusterName: { Ref: 'Cluster' } });
  });

  describe('logical ids', () => {
    test('derive from the principal alone: adding, removing and reordering others renames nothing', () => {
      const { stack: before } = managerIn({ principals: QUICK_START });
      const reordered = Object.fromEntries(Object.entries(QUICK_START).reverse().filter(([k]) => k !== ADMINS));
      const { stack: after, manager } = managerIn({ principals: { 'arn:aws:iam::111122223333:role/new': {}, ...reordered } });
      manager.grant(ADMINS, QUICK_START[ADMINS]);

      const beforeIds = logicalIds(before);
      const afterIds = logicalIds(after);
      expect(afterIds).toEqual(expect.arrayContaining(beforeIds));
      expect(afterIds).toHaveLength(beforeIds.length + 1);
    });

    test('read like the principal', () => {
      const { stack } = managerIn({ principals: { [ADMINS]: {} } });
      expect(logicalIds(stack)).toEqual([expect.stringMatching(/^Accessroleplatformadmins[0-9a-f]{8}[0-9A-F]{8}$/)]);
    });

    test('differ for principals that differ only in punctuation', () => {
      const { stack } = managerIn({ principals: { 'arn:aws:iam::111122223333:role/a-b': {}, 'arn:aws:iam::111122223333:role/a_b': {} } });
      expect(new Set(logicalIds(stack)).size).toBe(2);
    });

    test('of a token principal derive from the resource it refers to, not from token order', () => {
      const idsFor = (extraTokensFirst: number) => {
        const stack = new Stack(new App(), 'Stack');
        for (let i = 0; i < extraTokensFirst; i++) {
          new iam.Role(stack, `Other${i}`, { assumedBy: new iam.AccountRootPrincipal() }).roleArn;
        }
        const role = new iam.Role(stack, 'DevRole', { assumedBy: new iam.AccountRootPrincipal() });
        new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [role.roleArn]: { kubernetesGroups: ['dev'] } } });
        Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', {
          PrincipalArn: { 'Fn::GetAtt': [stack.getLogicalId(role.node.defaultChild as iam.CfnRole), 'Arn'] },
        });
        return logicalIds(stack);
      };
      const ids = idsFor(0);
      expect(ids).toEqual([expect.stringMatching(/^AccessStackDevRole/)]);
      expect(idsFor(3)).toEqual(ids);
    });
  });

  describe('entries', () => {
    test('are exposed in declaration order, and by principal', () => {
      const { manager } = managerIn({ principals: QUICK_START });
      const late = manager.grant('arn:aws:iam::111122223333:role/late', { kubernetesGroups: ['readers'] });
      expect(manager.entries.map((e) => e.principalArn)).toEqual([ADMINS, DEV, NODES, 'arn:aws:iam::111122223333:role/late']);
      expect(manager.entryFor('arn:aws:iam::111122223333:role/late')).toBe(late);
      expect(manager.entryFor('arn:aws:iam::111122223333:role/unknown')).toBeUndefined();
    });

    test('can be found by the same token', () => {
      const { stack, manager } = managerIn();
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      const entry = manager.grant(role.roleArn, {});
      expect(manager.entryFor(role.roleArn)).toBe(entry);
    });
  });

  describe('validation', () => {
    test('synthesizes a valid map with no error and no warning', () => {
      const { stack } = managerIn({ principals: QUICK_START });
      expect(synthError(stack)).toBeUndefined();
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    });

    test('fails synth with every problem at once, each naming principal, field, rule id and fix', () => {
      // GIVEN a map with three problems in two principals
      const { stack } = managerIn({
        principals: JSON.parse(JSON.stringify({
          [DEV]: { accessPolicies: [{ policy: 'AmazonEKSEditPolicy', accessScope: { type: 'namespace', namespaces: [] } }] },
          [ADMINS]: { type: 'Standard', accessPolicy: [] },
        })),
      });

      // WHEN
      const error = synthError(stack);

      // THEN
      expect(error).toContain(`[EAM016] ${DEV}: accessPolicies[0].accessScope.namespaces: a namespace scope has an empty namespace list`);
      expect(error).toContain(`[EAM001] ${ADMINS}: type: "Standard" is not an access entry type: types are case-sensitive`);
      expect(error).toContain('. Fix: write "STANDARD".');
      expect(error).toContain(`[EAM100] ${ADMINS}: accessPolicy: "accessPolicy" is not a known field. Fix: did you mean "accessPolicies"?`);
    });

    test('fails synth of the whole app: no template is written', () => {
      const app = new App();
      const good = new Stack(app, 'Good');
      new EksAccessManager(good, 'Access', { clusterName: 'prod', principals: { [DEV]: {} } });
      const bad = new Stack(app, 'Bad');
      new EksAccessManager(bad, 'Access', { clusterName: 'prod', principals: { [DEV]: { type: 'standard' as AccessEntryType } } });
      expect(() => app.synth()).toThrow(/EAM001/);
    });

    test('fails when a principal is granted twice', () => {
      const { stack, manager } = managerIn({ principals: { [DEV]: { kubernetesGroups: ['a'] } } });
      const again = manager.grant(DEV, { kubernetesGroups: ['b'] });
      expect(again).toBe(manager.entryFor(DEV));
      expect(synthError(stack)).toContain(`[EAM002] ${DEV}: is declared twice for this cluster: at Stack/Access grant() and at Stack/Access principals`);
    });

    test('fails when the same in-app role is granted twice through its token', () => {
      const { stack, manager } = managerIn();
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      manager.grant(role.roleArn, {});
      manager.grant(role.roleArn, {});
      expect(synthError(stack)).toContain('[EAM002] (token) Stack/Role.Arn');
    });

    test('does not check tokens as literals, and does not crash on them', () => {
      const stack = new Stack(new App(), 'Stack');
      const param = (name: string) => new CfnParameter(stack, name).valueAsString;
      new EksAccessManager(stack, 'Access', {
        clusterName: param('ClusterName'),
        authenticationMode: param('Mode') as AuthenticationMode,
        principals: {
          [Fn.importValue('AdminRoleArn')]: {
            type: param('Type') as AccessEntryType,
            username: param('Username'),
            kubernetesGroups: Token.asList(Fn.split(',', param('Groups'))),
            accessPolicies: [
              { policy: param('Policy'), accessScope: { type: param('ScopeType') as AccessScopeType, namespaces: Token.asList(Fn.split(',', param('Namespaces'))) } },
            ],
            tags: { [param('TagKey')]: param('TagValue') },
          },
        },
      });
      expect(synthError(stack)).toBeUndefined();
    });

    test('fails when the cluster uses CONFIG_MAP authentication', () => {
      const { stack } = managerIn({ authenticationMode: AuthenticationMode.CONFIG_MAP, principals: { [DEV]: {} } });
      expect(synthError(stack)).toContain('[EAM022] (cluster settings): authenticationMode:');
    });

    test('fails on an unknown or empty manager setting', () => {
      const { stack } = managerIn({ clusterName: '', principalz: {} } as unknown as EksAccessManagerProps);
      const error = synthError(stack);
      expect(error).toContain('[EAM100] (cluster settings): principalz: "principalz" is not a known field. Fix: did you mean "principals"?');
      expect(error).toContain('[EAM101] (cluster settings): clusterName: must be a non-empty string');
    });

    test('fails, without crashing, on props that are not an object or a flag that is not a boolean', () => {
      const stack = new Stack(new App(), 'Stack');
      new EksAccessManager(stack, 'Missing', undefined as unknown as EksAccessManagerProps);
      new EksAccessManager(stack, 'Flag', { clusterName: 'prod', skipEksManagedPrincipals: 'yes' } as unknown as EksAccessManagerProps);
      const error = synthError(stack);
      expect(error).toContain('[Stack/Missing] [EAM101] (cluster settings): (props): is required but missing');
      expect(error).toContain('[Stack/Flag] [EAM101] (cluster settings): skipEksManagedPrincipals: must be true or false, got the string "yes"');
    });

    test('fails, without crashing, on principals of the wrong shape', () => {
      const { stack } = managerIn({ principals: [] as unknown as EksAccessManagerProps['principals'] });
      expect(synthError(stack)).toContain('[EAM101] (cluster settings): principals: must be an object, got a list of 0');
    });
  });
});
