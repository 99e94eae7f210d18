import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { GroupModel } from './group-model';
import { KubectlSupport } from './kubectl-target';
import { AccessEntryType } from '../access-entry-type';
import { EntryModel } from '../private/model';
import { RbacFacts } from '../validation/rule';

/** The resource type of aws-eks-v2's and aws-eks's `KubernetesManifest`. */
export const KUBERNETES_RESOURCE_TYPE = 'Custom::AWSCDK-EKS-KubernetesResource';

/**
 * What the rules know of the cluster's group bindings, for one manager.
 *
 * @param own the manager's groups
 * @param clusterGroups every manager's groups on the cluster
 * @param support what the manager's cluster offers
 * @param entries the manager's entries: the manifests of the app are read (one walk) only
 * when one of them could be bound by nothing else (rule EAM207)
 * @param otherBindings the groups bound by the app's other manifests on the cluster
 */
export function rbacFactsFor(
  own: readonly GroupModel[],
  clusterGroups: readonly GroupModel[],
  support: KubectlSupport,
  entries: readonly EntryModel[],
  otherBindings: () => Iterable<string>,
): RbacFacts {
  const boundGroups = new Set(clusterGroups.map((g) => g.group));
  const unbound = entries.some((e) => e.type === AccessEntryType.STANDARD && e.accessPolicies.length === 0
    && (e.kubernetesGroups ?? []).length > 0 && !e.kubernetesGroups!.some((g) => boundGroups.has(g)));
  if (unbound) {
    for (const group of otherBindings()) { boundGroups.add(group); }
  }
  return { groups: own, clusterGroups, boundGroups, kubectlProblem: support.problem };
}

/**
 * The groups that the Kubernetes manifests of an app bind (the subjects of kind `Group`
 * of their RoleBindings and ClusterRoleBindings), on the clusters `onCluster` accepts. A
 * manifest whose text holds a token (unknown until deploy) is skipped.
 *
 * @param root the app
 * @param onCluster true when a manifest's `ClusterName` names the cluster
 */
export function groupsBoundByManifests(root: IConstruct, onCluster: (manifest: CfnResource, clusterName: unknown) => boolean): Set<string> {
  const groups = new Set<string>();
  for (const node of root.node.findAll()) {
    if (!CfnResource.isCfnResource(node) || node.cfnResourceType !== KUBERNETES_RESOURCE_TYPE) { continue; }
    const props = (node as unknown as { cfnProperties?: Record<string, unknown> }).cfnProperties ?? {};
    if (!onCluster(node, props.ClusterName)) { continue; }
    for (const group of boundGroupsOf(resolvedText(node, props.Manifest))) { groups.add(group); }
  }
  return groups;
}

/** The groups a manifest's JSON text binds; none when it is not plain JSON. */
export function boundGroupsOf(text: string | undefined): string[] {
  if (text === undefined) { return []; }
  let objects: unknown;
  try {
    objects = JSON.parse(text);
  } catch {
    return [];
  }
  const groups: string[] = [];
  for (const object of Array.isArray(objects) ? objects : [objects]) {
    const o = object as { kind?: unknown; subjects?: unknown } | null;
    if (!o || (o.kind !== 'RoleBinding' && o.kind !== 'ClusterRoleBinding') || !Array.isArray(o.subjects)) { continue; }
    for (const subject of o.subjects as Array<{ kind?: unknown; name?: unknown } | null>) {
      if (subject?.kind === 'Group' && typeof subject.name === 'string') { groups.push(subject.name); }
    }
  }
  return groups;
}

function resolvedText(scope: IConstruct, value: unknown): string | undefined {
  try {
    const resolved = Stack.of(scope).resolve(value);
    return typeof resolved === 'string' ? resolved : undefined;
  } catch {
    return undefined;
  }
}
