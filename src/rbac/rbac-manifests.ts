/**
 * The Kubernetes objects of a group's binding, as plain data: a ClusterRole for `rules`,
 * and one ClusterRoleBinding, or one RoleBinding per namespace. Each object is its own
 * manifest (its own CloudFormation resource), named from the group alone: the kubectl
 * handler updates a manifest with `kubectl apply --prune`, whose default allowlist has no
 * RBAC kind (kubernetes PR 35220), so a RoleBinding dropped from a shared manifest would
 * stay on the cluster; a manifest of its own is deleted with its resource.
 */
import { GroupModel, RbacRuleModel } from './group-model';
import { RBAC_API_GROUP } from './rbac-vocabulary';
import { shortHash } from '../private/short-hash';

/** The label every object made by this library carries, for `kubectl get -l`. */
const MANAGED_BY_LABEL = { 'app.kubernetes.io/managed-by': 'eks-access-manager' };

/** One Kubernetes object of a group, and the construct id of its manifest. */
export interface RbacManifest {
  /** The construct id of its manifest, under the group's construct. */
  readonly id: string;
  readonly object: Record<string, unknown>;
  /** True for a binding of the group's own ClusterRole: applied after it, deleted before it. */
  readonly afterRole: boolean;
}

/** A group's objects, and the id of the construct that holds their manifests. */
export interface GroupManifests {
  readonly groupId: string;
  readonly manifests: RbacManifest[];
}

/**
 * The objects of one group's binding.
 *
 * Ids and names derive from the group, its role and its namespace alone, so adding or
 * removing another group never renames an object. A change of role gives the binding a
 * new id: Kubernetes refuses to change a binding's `roleRef`, so the new binding is
 * created and the old one deleted. The name of each object ends with a hash of its
 * manifest's construct path (`groupsPath/groupId/id`): a manifest whose logical id changes
 * (a renamed manager) is created under a new name before the old one is deleted, never
 * deleting what it just created.
 *
 * @param group a group without malformed fields
 * @param groupsPath the construct path under which each group gets its construct
 */
export function groupManifests(group: GroupModel, groupsPath: string): GroupManifests {
  const groupId = idPart(group.group);
  const pathOf = (id: string) => `${groupsPath}/${groupId}/${id}`;
  const manifests: RbacManifest[] = [];
  let role: { name: string; id?: string };
  if (group.rules !== undefined) {
    const name = `eam-${groupId}-${shortHash(pathOf('ClusterRole'))}`;
    manifests.push({
      id: 'ClusterRole',
      object: {
        apiVersion: `${RBAC_API_GROUP}/v1`,
        kind: 'ClusterRole',
        metadata: { name, labels: { ...MANAGED_BY_LABEL } },
        rules: group.rules.map(ruleObject),
      },
      afterRole: false,
    });
    role = { name };
  } else {
    role = { name: group.clusterRole!, id: idPart(group.clusterRole!) };
  }
  const roleRef = { apiGroup: RBAC_API_GROUP, kind: 'ClusterRole', name: role.name };
  const subjects = [{ apiGroup: RBAC_API_GROUP, kind: 'Group', name: group.group }];
  const afterRole = group.rules !== undefined;
  const binding = (kind: string, id: string, namespace?: string): RbacManifest => ({
    id,
    object: {
      apiVersion: `${RBAC_API_GROUP}/v1`,
      kind,
      metadata: {
        name: ['eam', groupId, ...(role.id === undefined ? [] : [role.id]), shortHash(pathOf(id))].join('-'),
        ...(namespace === undefined ? {} : { namespace }),
        labels: { ...MANAGED_BY_LABEL },
      },
      roleRef: { ...roleRef },
      subjects: subjects.map((s) => ({ ...s })),
    },
    afterRole,
  });
  const roleSuffix = role.id === undefined ? '' : `-${role.id}`;
  if (group.namespaces === undefined) {
    manifests.push(binding('ClusterRoleBinding', `ClusterRoleBinding${roleSuffix}`));
  } else {
    for (const namespace of group.namespaces) {
      manifests.push(binding('RoleBinding', `RoleBinding${roleSuffix}-in-${idPart(namespace)}`, namespace));
    }
  }
  return { groupId, manifests };
}

/** A rule as Kubernetes takes it: the lists as written, `resourceNames` only when given. */
function ruleObject(rule: RbacRuleModel): Record<string, unknown> {
  return {
    apiGroups: [...rule.apiGroups ?? []],
    resources: [...rule.resources ?? []],
    verbs: [...rule.verbs ?? []],
    ...(rule.resourceNames === undefined ? {} : { resourceNames: [...rule.resourceNames] }),
  };
}

/**
 * A readable part of an id or a name: lower-case letters, digits and `-` (a DNS label).
 * Text that is one already stays as it is; any other gets a hash of the text after its
 * readable form, so that two texts never share a part (`Dev Team` and `dev-team`).
 */
export function idPart(text: string): string {
  const readable = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 50).replace(/-+$/, '');
  return readable !== '' && readable === text ? readable : `${readable || 'g'}-${shortHash(text)}`;
}
