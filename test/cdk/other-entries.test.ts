import { App, Stack } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import * as eksV1 from 'aws-cdk-lib/aws-eks';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AccessScopeType, EksAccessManager, EksAccessPolicy } from '../../src';
import { v1Cluster } from '../eks-v1-cluster';
import { synthError } from '../synth-error';

const DEV = 'arn:aws:iam::111122223333:role/dev';
const VIEW = { accessPolicies: [{ policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } }] };

describe('access entries the manager did not create', () => {
  test('fails when the map grants the mastersRole that aws-eks already gives an entry', () => {
    // GIVEN an aws-eks cluster whose mastersRole gets an entry from aws-cdk-lib itself
    const stack = new Stack(new App(), 'Stack');
    const masters = new iam.Role(stack, 'Masters', { assumedBy: new iam.AccountRootPrincipal() });
    const cluster = v1Cluster(stack, 'Cluster', {
      version: eksV1.KubernetesVersion.V1_31, defaultCapacity: 0, authenticationMode: eksV1.AuthenticationMode.API, mastersRole: masters,
    });

    // WHEN the map grants the same role
    new EksAccessManager(stack, 'Access', { cluster, principals: { [masters.roleArn]: VIEW } });

    // THEN synth names both entries instead of a deploy failing with 409
    expect(synthError(stack)).toContain('[EAM002] (token) Stack/Masters.Arn: is declared twice for this cluster: at Stack/Access principals and at Stack/Cluster/mastersRoleAccess');
  });

  test('accepts another role on a cluster whose mastersRole has an entry', () => {
    const stack = new Stack(new App(), 'Stack');
    const masters = new iam.Role(stack, 'Masters', { assumedBy: new iam.AccountRootPrincipal() });
    const cluster = v1Cluster(stack, 'Cluster', {
      version: eksV1.KubernetesVersion.V1_31, defaultCapacity: 0, authenticationMode: eksV1.AuthenticationMode.API, mastersRole: masters,
    });
    new EksAccessManager(stack, 'Access', { cluster, principals: { [DEV]: VIEW } });
    expect(synthError(stack)).toBeUndefined();
  });

  test('fails when aws-eks-v2 grantAccess gives the same principal an entry', () => {
    const stack = new Stack(new App(), 'Stack');
    const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
    cluster.grantAccess('DevAccess', DEV, [eks.AccessPolicy.fromAccessPolicyName('AmazonEKSViewPolicy', { accessScopeType: eks.AccessScopeType.CLUSTER })]);
    new EksAccessManager(stack, 'Access', { cluster, principals: { [DEV]: VIEW } });
    expect(synthError(stack)).toContain(`[EAM002] ${DEV}: is declared twice for this cluster: at Stack/Access principals and at Stack/Cluster/DevAccess`);
  });

  test('fails when an aws-eks-v2 AccessEntry in another stack names the same principal', () => {
    const app = new App();
    const env = { account: '111122223333', region: 'eu-west-1' };
    const clusterStack = new Stack(app, 'Cluster', { env });
    const cluster = new eks.Cluster(clusterStack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
    new eks.AccessEntry(clusterStack, 'Dev', { cluster, principal: DEV, accessPolicies: [] });
    new EksAccessManager(new Stack(app, 'Access', { env }), 'Access', { cluster, principals: { [DEV]: VIEW } });
    expect(synthError(app)).toContain(`[EAM002] ${DEV}: is declared twice for this cluster: at Access/Access principals and at Cluster/Dev`);
  });

  test('fails on a raw CfnAccessEntry for the same cluster name, and accepts one for another cluster', () => {
    const stack = new Stack(new App(), 'Stack');
    new CfnAccessEntry(stack, 'Raw', { clusterName: 'prod', principalArn: DEV });
    new CfnAccessEntry(stack, 'Elsewhere', { clusterName: 'staging', principalArn: DEV });
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [DEV]: VIEW } });
    const error = synthError(stack);
    expect(error).toContain(`[EAM002] ${DEV}: is declared twice for this cluster: at Stack/Access principals and at Stack/Raw`);
    expect(error).not.toContain('Stack/Elsewhere');
  });

  test('treats a literal name and the in-app cluster of that name in the same environment as one cluster', () => {
    const env = { account: '111122223333', region: 'eu-west-1' };
    const stack = new Stack(new App(), 'Stack', { env });
    const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34, clusterName: 'prod' });
    new EksAccessManager(stack, 'ByConstruct', { cluster, principals: { [DEV]: VIEW } });
    new EksAccessManager(stack, 'ByName', { clusterName: 'prod', principals: { [DEV]: VIEW } });
    expect(synthError(stack)).toContain(`[Stack/ByName] [EAM002] ${DEV}: is declared twice for this cluster: at Stack/ByName principals and at Stack/ByConstruct principals`);
  });
});
