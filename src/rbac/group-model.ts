/**
 * The plain model of the `groups` of a manager or a map file: what the rules check and
 * what the manifests are built from. Nothing in it is a construct.
 */
import { FieldPath, MalformedField, UnknownField } from '../private/model';
import { FieldReader } from '../private/normalize';
import { isToken } from '../private/tokens';

/** The keys a group may have; anything else is reported, never ignored. */
const GROUP_KEYS = ['clusterRole', 'rules', 'namespaces'];
const RULE_KEYS = ['apiGroups', 'resources', 'verbs', 'resourceNames'];

/** One rule of the ClusterRole of a group, as written. */
export interface RbacRuleModel {
  /** Its field path within the group (`rules[0]`). */
  readonly field: FieldPath;
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly verbs?: readonly string[];
  readonly resourceNames?: readonly string[];
}

/** One group's binding, normalized. Field paths are relative to the group. */
export interface GroupModel {
  /** The Kubernetes group, as written (the key of `groups`). */
  readonly group: string;
  readonly clusterRole?: string;
  readonly rules?: readonly RbacRuleModel[];
  readonly namespaces?: readonly string[];
  readonly unknownFields: readonly UnknownField[];
  readonly malformedFields: readonly MalformedField[];
  /** Where the group was declared (the manager's construct path, a file, ...). */
  readonly source: string;
}

/**
 * Turns one group's access, as given (typed props, or anything parsed from JSON or YAML),
 * into the model. Never throws: what it does not know, or what has the wrong shape, is
 * kept for the rules (EAM100, EAM101).
 */
export function normalizeGroup(group: string, access: unknown, source: string): GroupModel {
  const reader = new FieldReader();
  const obj = reader.object(access, '(group)');
  reader.unknownKeys(obj, GROUP_KEYS, '');
  if (isToken(group)) {
    reader.malformed.push({ field: '(group name)', expected: 'a literal group name (the names of RBAC objects derive from it)', got: 'a token' });
  }
  if (obj && (obj.clusterRole === undefined) === (obj.rules === undefined)) {
    reader.malformed.push({
      field: 'clusterRole',
      expected: 'exactly one of `clusterRole` (a ClusterRole of the cluster) and `rules` (the rules of a ClusterRole this library creates)',
      got: obj.clusterRole === undefined ? 'neither' : 'both',
    });
  }
  const rules = reader.list(obj, 'rules', '');
  const clusterRole = reader.string(obj, 'clusterRole', '');
  const namespaces = reader.stringList(obj, 'namespaces', '');
  // The names of the RBAC objects derive from the role and the namespaces, so they are
  // known at synth time; a token (a parameter, say) would rename them at every value.
  if (clusterRole !== undefined && isToken(clusterRole)) {
    reader.malformed.push({ field: 'clusterRole', expected: 'a literal ClusterRole name (the binding\'s name derives from it)', got: 'a token' });
  }
  namespaces?.forEach((namespace, i) => {
    if (isToken(namespace)) {
      reader.malformed.push({ field: `namespaces[${i}]`, expected: 'a literal namespace (the binding\'s name derives from it)', got: 'a token' });
    }
  });
  return {
    group,
    clusterRole,
    rules: rules?.map((rule, i) => normalizeRule(reader, rule, `rules[${i}]`)),
    namespaces,
    unknownFields: reader.unknown,
    malformedFields: reader.malformed,
    source,
  };
}

function normalizeRule(reader: FieldReader, rule: unknown, field: FieldPath): RbacRuleModel {
  const obj = reader.object(rule, field);
  reader.unknownKeys(obj, RULE_KEYS, field);
  for (const key of ['apiGroups', 'resources', 'verbs']) { reader.required(obj, key, field); }
  return {
    field,
    apiGroups: reader.stringList(obj, 'apiGroups', field),
    resources: reader.stringList(obj, 'resources', field),
    verbs: reader.stringList(obj, 'verbs', field),
    resourceNames: reader.stringList(obj, 'resourceNames', field),
  };
}

/** Every group of a `groups` map, in the order of its keys (its shape is checked by whoever read it). */
export function normalizeGroups(groups: Record<string, unknown>, source: string): GroupModel[] {
  return Object.keys(groups).map((group) => normalizeGroup(group, groups[group], source));
}

/**
 * Where a group is bound: `cluster-wide` for a ClusterRoleBinding, or `in namespace "x"`
 * for each RoleBinding; equal for two declarations that would bind the group in the same place.
 */
export function bindingPlaces(group: GroupModel): string[] {
  return group.namespaces === undefined ? ['cluster-wide'] : group.namespaces.map((ns) => `in namespace ${JSON.stringify(ns)}`);
}

/** How a finding names a group: `group "dev-team"`. */
export function groupDisplay(group: string): string {
  return `group ${JSON.stringify(group)}`;
}
