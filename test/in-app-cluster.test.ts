import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CfnCluster } from 'aws-cdk-lib/aws-eks';
import * as eksV1 from 'aws-cdk-lib/aws-eks';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AccessScopeType, AuthenticationMode, EksAccessManager, EksAccessPolicy } from '../src';
import { synthError } from './synth-error';

const DEV = 'arn:aws:iam::111122223333:role/dev';


function cfnCluster(stack: Stack, accessConfig?: CfnCluster.AccessConfigProperty): CfnCluster {
  return new CfnCluster(stack, 'Cluster', {
    roleArn: 'arn:aws:iam::111122223333:role/cluster',
    resourcesVpcConfig: { subnetIds: ['subnet-1'] },
    accessConfig,
  });
}

describe('a cluster defined in the app', () => {
  test('fails when a CfnCluster keeps the CloudFormation default mode, CONFIG_MAP', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = cfnCluster(stack);
    new EksAccessManager(stack, 'Access', { clusterName: cluster.ref, principals: { [DEV]: {} } });
    expect(synthError(stack)).toContain('[EAM022] (cluster settings): authenticationMode: the cluster Stack/Cluster authenticates with the aws-auth ConfigMap only');
  });

  test('fails when the authenticationMode prop disagrees with the cluster', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = cfnCluster(stack, { authenticationMode: 'API' });
    new EksAccessManager(stack, 'Access', {
      clusterName: cluster.ref,
      authenticationMode: AuthenticationMode.API_AND_CONFIG_MAP,
      principals: { [DEV]: {} },
    });
    expect(synthError(stack)).toContain('[EAM022] (cluster settings): authenticationMode: is "API_AND_CONFIG_MAP", but the cluster Stack/Cluster in this app has "API"');
  });

  test('accepts a prop that agrees with the cluster', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = cfnCluster(stack, { authenticationMode: 'API_AND_CONFIG_MAP' });
    new EksAccessManager(stack, 'Access', { clusterName: cluster.ref, authenticationMode: AuthenticationMode.API_AND_CONFIG_MAP, principals: { [DEV]: {} } });
    expect(synthError(stack)).toBeUndefined();
  });

  test('warns on the CDK execution role while the cluster gives its creator admin access', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = cfnCluster(stack, { authenticationMode: 'API' });
    const creator = 'arn:aws:iam::111122223333:role/cdk-hnb659fds-cfn-exec-role-111122223333-eu-west-1';
    new EksAccessManager(stack, 'Access', { clusterName: cluster.ref, principals: { [creator]: {} } });
    // Who creates the cluster depends on how it is deployed: a warning, not an error.
    expect(synthError(stack)).toBeUndefined();
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp(`^\\[EAM205\\] ${creator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: looks like the CDK CloudFormation execution role, which creates the cluster Stack/Cluster`));
  });

  test('accepts the CDK execution role when the creator gets no admin entry', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = cfnCluster(stack, { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false });
    const creator = 'arn:aws:iam::111122223333:role/cdk-hnb659fds-cfn-exec-role-111122223333-eu-west-1';
    new EksAccessManager(stack, 'Access', { clusterName: cluster.ref, principals: { [creator]: {} } });
    expect(synthError(stack)).toBeUndefined();
  });

  describe('with an aws-eks-v2 cluster', () => {
    function v2App() {
      const stack = new Stack(new App(), 'Stack');
      const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
      const nodegroup = cluster.addNodegroupCapacity('Workers', { minSize: 1 });
      return { stack, cluster, nodegroup };
    }

    test('reads the mode (API) from the cluster and accepts the map', () => {
      const { stack, cluster } = v2App();
      new EksAccessManager(stack, 'Access', {
        clusterName: cluster.clusterName,
        principals: { [DEV]: { accessPolicies: [{ policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } }] } },
      });
      expect(synthError(stack)).toBeUndefined();
    });

    test('fails on a managed node group role, and says EKS creates its entry', () => {
      const { stack, cluster, nodegroup } = v2App();
      new EksAccessManager(stack, 'Access', { clusterName: cluster.clusterName, principals: { [nodegroup.role.roleArn]: { type: 'EC2_LINUX' as never } } });
      expect(synthError(stack)).toContain('[EAM025] (token) Stack/Cluster/NodegroupWorkers/NodeGroupRole.Arn: EKS already creates this entry: it is the node role of managed node group Stack/Cluster/NodegroupWorkers');
    });

    test('fails on the Auto Mode node role', () => {
      const { stack, cluster } = v2App();
      const autoModeRoleArn = (cluster.node.defaultChild as CfnCluster).computeConfig as CfnCluster.ComputeConfigProperty;
      new EksAccessManager(stack, 'Access', { clusterName: cluster.clusterName, principals: { [autoModeRoleArn.nodeRoleArn!]: {} } });
      expect(synthError(stack)).toContain('EKS already creates this entry: it is the Auto Mode node role of cluster Stack/Cluster');
    });

    test('leaves EKS-managed principals out with skipEksManagedPrincipals, and says so', () => {
      const { stack, cluster, nodegroup } = v2App();
      const manager = new EksAccessManager(stack, 'Access', {
        clusterName: cluster.clusterName,
        skipEksManagedPrincipals: true,
        principals: { [nodegroup.role.roleArn]: { type: 'EC2_LINUX' as never }, [DEV]: {} },
      });
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EKS::AccessEntry', 1);
      template.hasResourceProperties('AWS::EKS::AccessEntry', { PrincipalArn: DEV });
      expect(manager.entries).toHaveLength(1);
      Annotations.fromStack(stack).hasInfo('/Stack/Access', Match.stringLikeRegexp('NodeGroupRole.Arn left out \\(skipEksManagedPrincipals\\)'));
    });

    test('fails on a Fargate profile\'s pod execution role', () => {
      const { stack, cluster } = v2App();
      const podRole = new iam.Role(stack, 'PodRole', { assumedBy: new iam.ServicePrincipal('eks-fargate-pods.amazonaws.com') });
      cluster.addFargateProfile('Apps', { selectors: [{ namespace: 'apps' }], podExecutionRole: podRole });
      new EksAccessManager(stack, 'Access', { clusterName: cluster.clusterName, principals: { [podRole.roleArn]: { type: 'FARGATE_LINUX' as never } } });
      expect(synthError(stack)).toContain('it is the pod execution role of Fargate profile Stack/Cluster/fargate-profile-Apps');
    });
  });

  describe('with an aws-eks cluster', () => {
    function v1App(authenticationMode?: eksV1.AuthenticationMode, bootstrapClusterCreatorAdminPermissions?: boolean) {
      const stack = new Stack(new App(), 'Stack');
      const cluster = new eksV1.Cluster(stack, 'Cluster', {
        version: eksV1.KubernetesVersion.V1_31,
        defaultCapacity: 0,
        authenticationMode,
        bootstrapClusterCreatorAdminPermissions,
      } as eksV1.ClusterProps);
      return { stack, cluster };
    }

    test('fails when the cluster keeps the default mode, CONFIG_MAP', () => {
      const { stack, cluster } = v1App();
      new EksAccessManager(stack, 'Access', { clusterName: cluster.clusterName, principals: { [DEV]: {} } });
      expect(synthError(stack)).toContain('[EAM022] (cluster settings): authenticationMode: the cluster Stack/Cluster authenticates with the aws-auth ConfigMap only');
    });

    test('fails on its creation role, which EKS makes cluster admin', () => {
      const { stack, cluster } = v1App(eksV1.AuthenticationMode.API);
      new EksAccessManager(stack, 'Access', { clusterName: cluster.clusterName, principals: { [cluster.adminRole.roleArn]: {}, [DEV]: {} } });
      const error = synthError(stack);
      expect(error).toContain('[EAM024] (token) Stack/Cluster/Resource/CreationRole.Arn: is the role that creates cluster Stack/Cluster; EKS already gives it an admin entry');
      expect(error).not.toContain(DEV);
    });

    test('accepts its creation role when the creator gets no admin entry', () => {
      const { stack, cluster } = v1App(eksV1.AuthenticationMode.API_AND_CONFIG_MAP, false);
      new EksAccessManager(stack, 'Access', { clusterName: cluster.clusterName, principals: { [cluster.adminRole.roleArn]: {} } });
      expect(synthError(stack)).toBeUndefined();
    });
  });
});
