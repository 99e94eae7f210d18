import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as eksV1 from 'aws-cdk-lib/aws-eks';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { v1Cluster } from '../eks-v1-cluster';

export const KUBERNETES_RESOURCE = 'Custom::AWSCDK-EKS-KubernetesResource';
export const DEV = 'arn:aws:iam::111122223333:role/dev';

/** A kubectl layer for synth: an imported layer needs no asset (deploying needs a real one). */
export function kubectlLayer(stack: Stack): lambda.ILayerVersion {
  return lambda.LayerVersion.fromLayerVersionArn(stack, 'KubectlLayer', 'arn:aws:lambda:eu-west-1:111122223333:layer:kubectl-v34:1');
}

/** An aws-eks-v2 cluster with a kubectl provider, in a stack of a new app. */
export function v2App(): { app: App; stack: Stack; cluster: eks.Cluster } {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const cluster = new eks.Cluster(stack, 'Cluster', {
    version: eks.KubernetesVersion.V1_34,
    kubectlProviderOptions: { kubectlLayer: kubectlLayer(stack) },
  });
  return { app, stack, cluster };
}

/** An aws-eks (v1) cluster that takes access entries, in a stack of a new app. */
export function v1App(): { app: App; stack: Stack; cluster: eksV1.Cluster } {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const cluster = v1Cluster(stack, 'Cluster', { version: eksV1.KubernetesVersion.V1_31, authenticationMode: eksV1.AuthenticationMode.API_AND_CONFIG_MAP });
  return { app, stack, cluster };
}

/** A manifest resource of a template: its logical id, its objects, its other properties. */
export interface ManifestResource {
  readonly logicalId: string;
  readonly objects: Array<Record<string, any>>;
  readonly properties: Record<string, unknown>;
  readonly dependsOn: string[];
  readonly deletionPolicy?: string;
}

/** The manifests of a stack that this library made (their objects carry its label). */
export function rbacManifests(stack: Stack): ManifestResource[] {
  const resources = Template.fromStack(stack).findResources(KUBERNETES_RESOURCE);
  return Object.entries(resources)
    .map(([logicalId, r]) => ({
      logicalId,
      objects: typeof r.Properties.Manifest === 'string' ? JSON.parse(r.Properties.Manifest) : [],
      properties: r.Properties,
      dependsOn: r.DependsOn ?? [],
      deletionPolicy: r.DeletionPolicy,
    }))
    .filter((m) => m.objects.some((o: any) => o.metadata?.labels?.['app.kubernetes.io/managed-by'] === 'eks-access-manager'));
}

/** The objects of the library's manifests, each as `kind namespace/name`. */
export function objectNames(stack: Stack): string[] {
  return rbacManifests(stack).flatMap((m) => m.objects.map((o) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`)).sort();
}
