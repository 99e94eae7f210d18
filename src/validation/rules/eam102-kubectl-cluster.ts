import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/**
 * Group bindings are Kubernetes objects, applied by the cluster's kubectl provider: the
 * manager needs the cluster object (not a name), and a cluster with a kubectl provider.
 */
export const EAM102: Rule = {
  id: 'EAM102',
  severity: Severity.ERROR,
  summary: '`groups` needs a `cluster` that can apply Kubernetes manifests: an aws-eks-v2 `Cluster` with `kubectlProviderOptions`, an aws-eks `Cluster`, or one imported with a kubectl provider (not a `clusterName`, nor a `CfnCluster`).',
  source: 'This library\'s input schema; aws-cdk-lib aws-eks-v2 and aws-eks (KubernetesManifest needs a kubectl provider)',
  checkAll: (_entries, context) => {
    const problem = context.rbac?.kubectlProblem;
    if (!problem || context.rbac!.groups.length === 0) { return NO_VIOLATIONS; }
    return [{ field: 'groups', message: `${problem.message}, so the group bindings cannot be applied to it`, fix: problem.fix }];
  },
};
