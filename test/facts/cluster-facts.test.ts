import { Token } from 'aws-cdk-lib';
import { ClusterAdapter, clusterKey, clusterRefOf, describeCluster, literalClusterNameOf, nameLabel, ResourceView } from '../../src/facts/cluster-facts';

const NODE_ROLE = 'arn:aws:iam::111122223333:role/nodes';
const POD_ROLE = 'arn:aws:iam::111122223333:role/pods';

/** An adapter of a world where literals are keys and a cluster is named `prod`. */
const ADAPTER: ClusterAdapter = {
  principalKeyOf: (value) => typeof value === 'string' ? value : undefined,
  sameCluster: (name) => name === 'prod',
};

function cfnCluster(properties: Record<string, unknown>): ResourceView {
  return { type: 'AWS::EKS::Cluster', path: 'App/Cluster', properties: { Name: 'prod', ...properties } };
}

describe('describeCluster', () => {
  test('creates an unknown mode for a token mode, not CONFIG_MAP', () => {
    // GIVEN a cluster whose mode is a parameter
    const cluster = cfnCluster({ AccessConfig: { AuthenticationMode: Token.asString({ Ref: 'Mode' }) } });
    // WHEN
    const described = describeCluster(cluster, [], ADAPTER);
    // THEN
    expect(described.authenticationMode).toBeUndefined();
  });

  test('creates an unknown mode for a token accessConfig, and does not take the creator\'s admin entry as on', () => {
    const cluster = cfnCluster({ AccessConfig: Token.asAny({ 'Fn::If': ['C', {}, {}] }) });
    const described = describeCluster(cluster, [], ADAPTER);
    expect(described.authenticationMode).toBeUndefined();
    expect(described.bootstrapCreatorAdmin).toBe(false);
  });

  test.each([
    ['no accessConfig', {}],
    ['an accessConfig without a mode', { AccessConfig: { BootstrapClusterCreatorAdminPermissions: true } }],
  ])('creates CloudFormation\'s default mode, CONFIG_MAP, for %s', (_, properties) => {
    const described = describeCluster(cfnCluster(properties), [], ADAPTER);
    expect(described.authenticationMode).toBe('CONFIG_MAP');
    expect(described.bootstrapCreatorAdmin).toBe(true);
  });

  test('creates the literal mode and the creator setting as written', () => {
    const cluster = cfnCluster({ AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: false } });
    expect(describeCluster(cluster, [], ADAPTER)).toEqual({
      path: 'App/Cluster', authenticationMode: 'API', bootstrapCreatorAdmin: false, creator: undefined, eksManaged: [],
    });
  });

  test('creates the Auto Mode node role as EKS-managed', () => {
    const cluster = cfnCluster({ ComputeConfig: { Enabled: true, NodeRoleArn: NODE_ROLE } });
    expect(describeCluster(cluster, [], ADAPTER).eksManaged).toEqual([
      { key: NODE_ROLE, reason: 'the Auto Mode node role of cluster App/Cluster' },
    ]);
  });

  test('creates no Auto Mode node role when Auto Mode is off or unknown', () => {
    for (const enabled of [false, Token.asAny({ Ref: 'Auto' })]) {
      const cluster = cfnCluster({ ComputeConfig: { Enabled: enabled, NodeRoleArn: NODE_ROLE } });
      expect(describeCluster(cluster, [], ADAPTER).eksManaged).toEqual([]);
    }
  });

  test('creates the roles of node groups and Fargate profiles of this cluster only', () => {
    const others: ResourceView[] = [
      { type: 'AWS::EKS::Nodegroup', path: 'App/Nodes', properties: { ClusterName: 'prod', NodeRole: NODE_ROLE } },
      { type: 'AWS::EKS::Nodegroup', path: 'App/Other', properties: { ClusterName: 'other', NodeRole: 'arn:aws:iam::111122223333:role/other' } },
      { type: 'AWS::EKS::FargateProfile', path: 'App/Pods', properties: { ClusterName: 'prod', PodExecutionRoleArn: POD_ROLE } },
      { type: 'AWS::IAM::Role', path: 'App/Role', properties: { ClusterName: 'prod', NodeRole: 'ignored' } },
    ];
    expect(describeCluster(cfnCluster({}), others, ADAPTER).eksManaged).toEqual([
      { key: NODE_ROLE, reason: 'the node role of managed node group App/Nodes' },
      { key: POD_ROLE, reason: 'the pod execution role of Fargate profile App/Pods' },
    ]);
  });

  describe('with aws-eks\'s custom resources', () => {
    const v1ClusterView: ResourceView = {
      type: 'Custom::AWSCDK-EKS-Cluster',
      path: 'App/Cluster',
      properties: { Config: { name: 'prod', accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' } }, AssumeRoleArn: 'arn:aws:iam::111122223333:role/creator' },
    };

    test('creates the mode from Config and the creator from AssumeRoleArn', () => {
      const described = describeCluster(v1ClusterView, [], ADAPTER);
      expect(described.authenticationMode).toBe('API_AND_CONFIG_MAP');
      expect(described.creator).toEqual({ key: 'arn:aws:iam::111122223333:role/creator', reason: 'the role that creates cluster App/Cluster' });
    });

    test('creates the pod execution role of an aws-eks Fargate profile (camelCase Config)', () => {
      const profile: ResourceView = {
        type: 'Custom::AWSCDK-EKS-FargateProfile',
        path: 'App/Cluster/fargate-profile-Apps',
        properties: { Config: { clusterName: 'prod', podExecutionRoleArn: POD_ROLE } },
      };
      expect(describeCluster(v1ClusterView, [profile], ADAPTER).eksManaged).toEqual([
        { key: POD_ROLE, reason: 'the pod execution role of Fargate profile App/Cluster/fargate-profile-Apps' },
      ]);
    });

    test('creates an unknown mode when Config is a token', () => {
      const cluster = { ...v1ClusterView, properties: { Config: Token.asAny({ Ref: 'Config' }) } };
      expect(describeCluster(cluster, [], ADAPTER).authenticationMode).toBeUndefined();
    });
  });

  test('fails on a resource that is not a cluster, naming it', () => {
    const role: ResourceView = { type: 'AWS::IAM::Role', path: 'App/Role', properties: {} };
    expect(() => describeCluster(role, [], ADAPTER)).toThrow('describeCluster: App/Role is a AWS::IAM::Role, not one of AWS::EKS::Cluster, Custom::AWSCDK-EKS-Cluster');
  });
});

describe('cluster keys', () => {
  test('creates name:<account>:<region>:<name>, with ? for what is unknown', () => {
    expect(clusterKey({ name: 'prod', env: { account: '111122223333', region: 'eu-west-1' } })).toBe('name:111122223333:eu-west-1:prod');
    expect(clusterKey({ name: 'prod', env: {} })).toBe('name:?:?:prod');
    expect(clusterKey({ inApp: 'App/Cluster/Resource' })).toBe('cluster:App/Cluster/Resource');
    expect(clusterKey({ token: 'ref:App/Param#Ref' })).toBe('token:ref:App/Param#Ref');
  });

  test('creates the key of an in-app cluster from its literal name, so a literal name elsewhere means it', () => {
    const env = { account: '111122223333', region: 'eu-west-1' };
    expect(clusterRefOf(cfnCluster({}), env, 'id')).toEqual({ name: 'prod', env });
    expect(clusterRefOf(cfnCluster({ Name: Token.asString({ Ref: 'Name' }) }), env, 'id')).toEqual({ inApp: 'id' });
    expect(literalClusterNameOf(cfnCluster({ Name: '' }))).toBeUndefined();
  });

  test('creates a label with the environment only when both parts are known', () => {
    expect(nameLabel('prod', { account: '111122223333', region: 'eu-west-1' })).toBe('prod@111122223333-eu-west-1');
    expect(nameLabel('prod', { account: '111122223333' })).toBe('prod');
  });
});
