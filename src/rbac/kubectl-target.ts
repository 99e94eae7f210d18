/**
 * Which manifest mechanism a manager's `cluster` offers: aws-eks-v2's or aws-eks's
 * `KubernetesManifest`, each applied by the cluster's kubectl provider; or why it offers
 * none, with what to pass instead.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as eksV1 from 'aws-cdk-lib/aws-eks';
import * as eksV2 from 'aws-cdk-lib/aws-eks-v2';
import { Construct } from 'constructs';

/** A cluster that can apply manifests, and the role its kubectl provider acts as, when known. */
export interface KubectlTarget {
  /** Creates one manifest in `scope`, applied by the cluster's kubectl provider. */
  readonly addManifest: (scope: Construct, id: string, object: Record<string, unknown>, removalPolicy?: RemovalPolicy) => Construct;
  /** The ARN of the role kubectl runs as, when the cluster says (an entry of the app may grant it). */
  readonly kubectlRoleArn?: string;
}

/** What the manager can do with its cluster's RBAC. */
export type KubectlSupport =
  | { readonly target: KubectlTarget; readonly problem?: undefined }
  | { readonly target?: undefined; readonly problem: { readonly message: string; readonly fix: string } };

const V2_KUBECTL = 'create it with `kubectlProviderOptions: { kubectlLayer: new KubectlV34Layer(this, \'Kubectl\') }` (`@aws-cdk/lambda-layer-kubectl-v34`, the layer of its Kubernetes version)';
const IMPORT_V2 = 'pass an aws-eks-v2 `Cluster` created with `kubectlProviderOptions`, or one imported with `Cluster.fromClusterAttributes(this, \'Cluster\', { clusterName, kubectlProvider: KubectlProvider.fromKubectlProviderAttributes(...) })`';

/**
 * What the `cluster` prop of a manager offers. A cluster of either module is recognized
 * by its `addManifest` (its class's own method, shared by the module's imported
 * clusters); anything else (a `CfnCluster`, a name) offers no manifests.
 *
 * @param cluster the `cluster` prop, whatever it is
 */
export function kubectlSupportOf(cluster: unknown): KubectlSupport {
  if (cluster === undefined) {
    return {
      problem: {
        message: 'the manager knows its cluster by `clusterName` only',
        fix: `give \`cluster\` instead of \`clusterName\`: ${IMPORT_V2}`,
      },
    };
  }
  const addManifest = (cluster as { addManifest?: unknown }).addManifest;
  const path = (cluster as Construct).node?.path ?? 'the cluster';
  if (addManifest !== undefined && addManifest === eksV2.Cluster.prototype.addManifest) {
    const v2 = cluster as eksV2.ICluster;
    if (!v2.kubectlProvider) {
      return {
        problem: {
          message: `the aws-eks-v2 cluster ${path} has no kubectl provider`,
          fix: cluster instanceof eksV2.Cluster ? V2_KUBECTL : `import it with \`kubectlProvider\`: ${IMPORT_V2}`,
        },
      };
    }
    return {
      target: {
        addManifest: (scope, id, object, removalPolicy) =>
          new eksV2.KubernetesManifest(scope, id, { cluster: v2, manifest: [object], prune: false, removalPolicy }),
        kubectlRoleArn: v2.kubectlProvider.role?.roleArn,
      },
    };
  }
  if (addManifest !== undefined && addManifest === eksV1.Cluster.prototype.addManifest) {
    const v1 = cluster as eksV1.ICluster;
    // A cluster of the app makes its own kubectl provider; an imported one needs a role
    // that may use the cluster, or a provider.
    if (!(cluster instanceof eksV1.Cluster) && !v1.kubectlProvider && !v1.kubectlRole) {
      return {
        problem: {
          message: `the imported aws-eks cluster ${path} has no kubectl role or provider`,
          fix: 'import it with `kubectlRoleArn` (a role with cluster admin access) or `kubectlProvider`, or pass the aws-eks `Cluster` of this app',
        },
      };
    }
    return {
      target: {
        addManifest: (scope, id, object, removalPolicy) =>
          new eksV1.KubernetesManifest(scope, id, { cluster: v1, manifest: [object], prune: false, removalPolicy }),
        kubectlRoleArn: v1.kubectlProvider?.roleArn ?? (cluster instanceof eksV1.Cluster ? undefined : v1.kubectlRole?.roleArn),
      },
    };
  }
  return {
    problem: {
      message: `${path} is a ${typeNameOf(cluster)}, which has no kubectl provider to apply Kubernetes manifests`,
      fix: IMPORT_V2,
    },
  };
}

function typeNameOf(cluster: unknown): string {
  return (cluster as { cfnResourceType?: unknown }).cfnResourceType === 'AWS::EKS::Cluster' ? 'CfnCluster' : 'cluster reference of another kind';
}
