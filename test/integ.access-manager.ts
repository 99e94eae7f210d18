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
import { AccessEntryType, AccessScopeType, EksAccessManager, EksAccessPolicy } from '../src';

const app = new App();
const stack = new Stack(app, 'EksAccessManagerInteg');

const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
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

