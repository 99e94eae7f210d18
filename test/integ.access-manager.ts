/**
 * Integration test of the example scenario: an aws-eks-v2 cluster and a realistic map.
 *
 * CI verifies the committed snapshot offline (`npx projen integ`). A maintainer with an
 * AWS account deploys it with `npx integ-runner --directory test --update-on-failed`
 * (see the README): the assertions then check the entries EKS reports.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AccessEntryType, AccessScopeType, EksAccessManager, EksAccessPolicy, PermissionSetRole } from '../src';

const app = new App();
const stack = new Stack(app, 'EksAccessManagerInteg');

// Group bindings are applied by the cluster's kubectl provider, which runs with a kubectl
// layer and an AWS CLI layer. Imported layers keep the snapshot free of their large assets;
// a deploy needs both published in the account (`@aws-cdk/lambda-layer-kubectl-v34`,
// `@aws-cdk/asset-awscli-v1`): `-c integ:kubectlLayerArn=<arn> -c integ:awscliLayerArn=<arn>`.
const layer = (id: string, context: string) => lambda.LayerVersion.fromLayerVersionArn(stack, id,
  app.node.tryGetContext(context) ?? `arn:aws:lambda:us-east-1:123456789012:layer:${id}:1`);
const cluster = new eks.Cluster(stack, 'Cluster', {
  version: eks.KubernetesVersion.V1_34,
  kubectlProviderOptions: { kubectlLayer: layer('kubectl', 'integ:kubectlLayerArn'), awscliLayer: layer('awscli', 'integ:awscliLayerArn') },
});
const viewers = new iam.Role(stack, 'Viewers', { assumedBy: new iam.AccountRootPrincipal() });
const nodes = new iam.Role(stack, 'SelfManagedNodes', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });

const access = new EksAccessManager(stack, 'Access', { cluster });
access.addRole(viewers, {
  kubernetesGroups: ['viewers'],
  accessPolicies: [
    { policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } },
    { policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['sandbox', 'feature-*'] } },
  ],
  tags: { purpose: 'integ' },
});
access.addRole(nodes, { type: AccessEntryType.EC2_LINUX });
// The viewers' group, bound to Kubernetes' own `view` role in one namespace.
access.addGroup('viewers', { clusterRole: 'view', namespaces: ['default'] });

// An IAM Identity Center permission set, looked up at deploy time: the deploying account
// needs it assigned (`-c integ:permissionSet=<name>`; AdministratorAccess by default). The
// fixed nonce keeps the snapshot the same at every synth.
const permissionSet = app.node.tryGetContext('integ:permissionSet') ?? 'AdministratorAccess';
access.addRole(PermissionSetRole.lookup(stack, 'PermissionSet', { permissionSetName: permissionSet, lookupNonce: 'integ' }), {
  accessPolicies: [{ policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } }],
});

const integ = new IntegTest(app, 'EksAccessManagerTest', { testCases: [stack] });

// After a deploy, EKS must report the viewer's entry with both policies.
integ.assertions.awsApiCall('EKS', 'listAssociatedAccessPolicies', {
  clusterName: cluster.clusterName,
  principalArn: viewers.roleArn,
}).expect(ExpectedResult.objectLike({
  associatedAccessPolicies: [
    { policyArn: `arn:${stack.partition}:eks::aws:cluster-access-policy/AmazonEKSEditPolicy` },
    { policyArn: `arn:${stack.partition}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy` },
  ],
}));

