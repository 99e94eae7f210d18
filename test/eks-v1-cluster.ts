import * as eksV1 from 'aws-cdk-lib/aws-eks';
import { Construct } from 'constructs';

/**
 * An aws-eks (v1) cluster without a kubectl layer. Its props type asks for one
 * (`@aws-cdk/lambda-layer-kubectl-v31`, not a dependency here), but synth does not need
 * it: only deploying kubectl resources does.
 */
export function v1Cluster(scope: Construct, id: string, props: Omit<eksV1.ClusterProps, 'kubectlLayer'>): eksV1.Cluster {
  return new eksV1.Cluster(scope, id, props as eksV1.ClusterProps);
}
