import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { GroupModel } from './group-model';
import { KubectlSupport } from './kubectl-target';
import { propertiesOf } from '../private/cfn-properties';
import { EntryModel } from '../private/model';
import { RbacFacts } from '../validation/rule';
import { grantsOnlyThroughUnboundGroups } from '../validation/rules/eam207-entry-grants-nothing';

/** The resource type of aws-eks-v2's and aws-eks's `KubernetesManifest`. */
const KUBERNETES_RESOURCE_TYPE = 'Custom::AWSCDK-EKS-KubernetesResource';

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
  if (entries.some((e) => grantsOnlyThroughUnboundGroups(e, boundGroups))) {
    for (const group of otherBindings()) { boundGroups.add(group); }
  }
  return { groups: own, clusterGroups, boundGroups, kubectlProblem: support.problem };
}

/**
 * What the rules know of the bindings of a map checked outside a CDK app (a file, a
 * migration): its groups are all the bindings it knows of, and all it can tell is bound.
 */
export function mapRbacFacts(groups: readonly GroupModel[]): RbacFacts {
  return { groups, clusterGroups: groups, boundGroups: new Set(groups.map((g) => g.group)) };
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
    if (!onCluster(node, propertiesOf(node).ClusterName)) { continue; }
    for (const object of manifestObjects(node)) {
      for (const group of groupSubjectsOf(object)) { groups.add(group); }
    }
  }
  return groups;
}

/**
 * The Kubernetes objects of a manifest's resource: its `Manifest` property, resolved and
 * parsed (the resource's properties as made, not overrides); none when the text is not
 * plain JSON (it holds a token, unknown until deploy).
 */
export function manifestObjects(resource: CfnResource): unknown[] {
  const text = resolvedText(resource, propertiesOf(resource).Manifest);
  if (text === undefined) { return []; }
  let objects: unknown;
  try {
    objects = JSON.parse(text);
  } catch {
    return [];
  }
  return Array.isArray(objects) ? objects : [objects];
}

/** The groups a RoleBinding or ClusterRoleBinding binds (its subjects of kind `Group`); none for any other object. */
export function groupSubjectsOf(object: unknown): string[] {
  const o = object as { kind?: unknown; subjects?: unknown } | null;
  if (!o || (o.kind !== 'RoleBinding' && o.kind !== 'ClusterRoleBinding') || !Array.isArray(o.subjects)) { return []; }
  const groups: string[] = [];
  for (const subject of o.subjects as Array<{ kind?: unknown; name?: unknown } | null>) {
    if (subject?.kind === 'Group' && typeof subject.name === 'string') { groups.push(subject.name); }
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
