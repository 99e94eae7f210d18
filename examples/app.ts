/**
 * An example CDK app: an EKS cluster and the access map of a platform team.
 *
 * Synthesize it with `npx projen synth:example` (from the repository root). In your own
 * app, import from 'eks-access-manager' instead of '../src'.
 */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import {
  AccessEntryType,
  AccessScopeType,
  EksAccessManager,
  EksAccessPolicy,
} from '../src';

class PlatformStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // The group bindings below are Kubernetes objects, applied by the cluster's kubectl
    // provider. In your app the layer is `new KubectlV34Layer(this, 'Kubectl')`, from
    // @aws-cdk/lambda-layer-kubectl-v34; this example imports one, to synthesize offline.
    const cluster = new eks.Cluster(this, 'Cluster', {
      version: eks.KubernetesVersion.V1_34,
      kubectlProviderOptions: {
        kubectlLayer: lambda.LayerVersion.fromLayerVersionArn(this, 'KubectlLayer', 'arn:aws:lambda:eu-west-1:111122223333:layer:kubectl-v34:1'),
      },
    });

    // A role defined in this app: its ARN is a token, and the entry's id still derives
    // from the role it refers to.
    const ciDeployer = new iam.Role(this, 'CiDeployer', {
      assumedBy: new iam.AccountRootPrincipal(),
      description: 'Assumed by the CI pipeline to deploy workloads',
    });

    // The cluster of this app tells the rules its authentication mode (aws-eks-v2: API),
    // its creator and the roles EKS gives entries itself.
    const access = new EksAccessManager(this, 'Access', {
      cluster,
      principals: {
        'arn:aws:iam::111122223333:role/platform-admins': {
          accessPolicies: [{ policy: EksAccessPolicy.CLUSTER_ADMIN, accessScope: { type: AccessScopeType.CLUSTER } }],
        },
        'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Developers_0123456789abcdef': {
          kubernetesGroups: ['dev-team', 'pod-log-readers'],
          username: 'dev:{{SessionName}}',
          accessPolicies: [
            { policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['dev', 'feature-*'] } },
            { policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } },
          ],
          tags: { team: 'dev' },
        },
        'arn:aws:iam::111122223333:role/self-managed-nodes': { type: AccessEntryType.EC2_LINUX },
      },
      // What the entries' Kubernetes groups may do: RBAC bindings made on the cluster.
      groups: {
        // Kubernetes' own `edit` role, in one more namespace: a RoleBinding there.
        'dev-team': { clusterRole: 'edit', namespaces: ['staging'] },
        // A ClusterRole with exactly these rules, bound cluster-wide.
        'pod-log-readers': { rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }] },
      },
    });

    access.addRole(ciDeployer, {
      accessPolicies: [
        { policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['apps'] } },
      ],
    });

    access.addPrincipal('arn:aws:iam::111122223333:role/auditors', {
      kubernetesGroups: ['auditors'],
      accessPolicies: [{ policy: EksAccessPolicy.ADMIN_VIEW, accessScope: { type: AccessScopeType.CLUSTER } }],
    });
  }
}

const app = new App();
new PlatformStack(app, 'EksAccessExample');
app.synth();
