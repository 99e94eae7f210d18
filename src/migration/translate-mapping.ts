import { MIGRATION_RULES, MigrationRule } from './migration-rules';
import { RawMapping } from './read-config-map';
import { RolePathTable } from './role-paths';
import { AccessEntryType } from '../access-entry-type';
import { AccessScopeType } from '../access-scope';
import { EksAccessPolicy } from '../policy';
import { PrincipalAccess } from '../principal-access';
import { closestMatch } from '../private/closest';
import { describeValue, quote } from '../private/describe-value';
import { parseIamPrincipal } from '../private/principal-arn';
import { YamlPath } from '../private/yaml-source';
import { Severity } from '../severity';

/** One problem of one mapping, before it gets its location. */
export interface MappingNote {
  readonly rule: MigrationRule;
  readonly severity: Severity;
  readonly message: string;
  /** The key (or group) of the mapping it is about, for its line and column. */
  readonly path?: YamlPath;
  /** True when this problem keeps the mapping out of the map. */
  readonly drops?: boolean;
}

/** What one aws-auth mapping becomes. */
export interface TranslatedMapping {
  /** The principal ARN of the entry, or the ARN as written when the mapping is not migrated. */
  readonly principalArn?: string;
  /** The entry's access; undefined when the mapping is not migrated. */
  readonly access?: PrincipalAccess;
  readonly notes: MappingNote[];
}

const NODE_GROUPS = new Set(['system:bootstrappers', 'system:nodes', 'system:node-proxier', 'eks:kube-proxy-windows']);
const EC2_NODE_USERNAME = 'system:node:{{EC2PrivateDNSName}}';
const SESSION_NODE_USERNAME = 'system:node:{{SessionName}}';
const ROLE_NAME_IN_SSO = /^AWSReservedSSO_/;
/** Kubernetes puts every authenticated user in this group; listing it grants nothing. */
const IMPLICIT_GROUP = 'system:authenticated';

/**
 * Translates one aws-auth mapping into an access entry, following the translation table
 * of the rules reference: `system:masters` becomes the cluster admin policy, node
 * mappings become node entry types, other groups are kept. What cannot be expressed
 * comes back as a note, never dropped silently; a key aws-auth does not have, or a value
 * of the wrong type, keeps the mapping out of the map (as an unknown field fails synth).
 */
export function translateMapping(mapping: RawMapping, paths: RolePathTable): TranslatedMapping {
  const value = mapping.value;
  if (mapping.section === 'mapAccounts') {
    return notMigrated(MIGRATION_RULES.UNEXPRESSIBLE, `maps the whole account ${typeof value === 'string' ? value : describeValue(value)}; access entries name roles and users, not accounts`);
  }
  const shape = readShape(mapping);
  if (shape.fields === undefined) { return { principalArn: shape.arn, notes: shape.notes }; }
  const { arn: rawArn, username, groups } = shape.fields;
  const notes: MappingNote[] = [];

  const principal = parseIamPrincipal(rawArn);
  if (principal?.path.startsWith('/aws-service-role/')) {
    return notMigrated(MIGRATION_RULES.UNEXPRESSIBLE, `${quote(rawArn)} is a service-linked role; EKS manages its access itself`, rawArn);
  }
  const restored = mapping.section === 'mapRoles' ? paths.restore(rawArn) : { arn: rawArn, pathKnown: true };
  if (!restored.pathKnown) {
    const name = principal?.name ?? '';
    if (ROLE_NAME_IN_SSO.test(name)) {
      // Without its path the ARN names no role (EAM004): such an entry would fail synth
      // (an error, as every note that keeps a mapping out is).
      return notMigrated(MIGRATION_RULES.ROLE_PATH,
        `the IAM Identity Center role ${name} has a path that aws-auth strips (aws-reserved/sso.amazonaws.com/<region>/); give its full ARN in the role table`, rawArn);
    }
    notes.push({ rule: MIGRATION_RULES.ROLE_PATH, severity: Severity.WARNING, message: `the path of role ${name} could not be restored (not in the role table); kept as ${quote(rawArn)}, which is right only if the role has no path` });
  }

  const nodeType = nodeTypeOf(username, groups);
  if (nodeType) {
    if (mapping.section === 'mapUsers') {
      return { principalArn: rawArn, notes: [...notes, dropping(MIGRATION_RULES.UNEXPRESSIBLE, 'maps an IAM user as a node; node entries need a role')] };
    }
    const extraGroups = groups.filter((g) => !NODE_GROUPS.has(g));
    if (extraGroups.length > 0) {
      notes.push({ rule: MIGRATION_RULES.GROUPS_DROPPED, severity: Severity.ERROR, path: ['groups'], message: `node entries take no groups; dropped ${extraGroups.join(', ')}` });
    }
    const eksManaged = eksManagedNote(nodeType);
    if (eksManaged) { notes.push(eksManaged); }
    return { principalArn: restored.arn, access: { type: nodeType }, notes };
  }

  const isAdmin = groups.includes('system:masters');
  if (groups.includes(IMPLICIT_GROUP)) {
    notes.push({ rule: MIGRATION_RULES.GROUPS_DROPPED, severity: Severity.WARNING, path: ['groups'], message: `group ${IMPLICIT_GROUP} dropped: every authenticated principal is in it anyway` });
  }
  const otherSystemGroups = groups.filter((g) => g.startsWith('system:') && g !== 'system:masters' && g !== IMPLICIT_GROUP);
  if (otherSystemGroups.length > 0) {
    notes.push({ rule: MIGRATION_RULES.GROUPS_DROPPED, severity: Severity.ERROR, path: ['groups'], message: `groups ${otherSystemGroups.join(', ')} start with "system:" and cannot be expressed; dropped` });
  }
  const keptGroups = groups.filter((g) => !g.startsWith('system:'));
  if (!isAdmin && keptGroups.length === 0 && username === undefined) {
    notes.push({
      rule: MIGRATION_RULES.GRANTS_NOTHING,
      severity: Severity.WARNING,
      message: 'grants nothing: no group and no username; its entry would let the principal authenticate and authorize nothing. Give it groups or an access policy, or leave it out',
    });
  }
  const access: PrincipalAccess = {
    ...(username !== undefined ? { username } : {}),
    ...(keptGroups.length > 0 ? { kubernetesGroups: keptGroups } : {}),
    ...(isAdmin ? { accessPolicies: [{ policy: EksAccessPolicy.CLUSTER_ADMIN, accessScope: { type: AccessScopeType.CLUSTER } }] } : {}),
  };
  return { principalArn: restored.arn, access, notes };
}

interface MappingFields {
  readonly arn: string;
  readonly username?: string;
  readonly groups: readonly string[];
}

/**
 * The fields of a mapping, or the notes that say why it has the wrong shape: a key
 * aws-auth does not have, an ARN, username or group that is not a string, groups that
 * are not a list.
 */
function readShape(mapping: RawMapping): { fields?: MappingFields; arn?: string; notes: MappingNote[] } {
  const arnKey = mapping.section === 'mapUsers' ? 'userarn' : 'rolearn';
  const value = mapping.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { notes: [dropping(MIGRATION_RULES.SHAPE, `must be a mapping with ${arnKey}, username and groups, got ${describeValue(value)}; not migrated`)] };
  }
  const fields = value as Record<string, unknown>;
  const keys = [arnKey, 'username', 'groups'];
  const notes: MappingNote[] = [];
  for (const key of Object.keys(fields)) {
    if (keys.includes(key)) { continue; }
    const closest = closestMatch(key, keys);
    notes.push(dropping(MIGRATION_RULES.SHAPE, `${quote(key)} is not a key of a ${mapping.section} mapping${closest ? ` (did you mean "${closest}"?)` : `; it has ${keys.join(', ')}`}; not migrated`, [key]));
  }
  const arn = own(fields, arnKey);
  if (arn === undefined) {
    notes.push(dropping(MIGRATION_RULES.SHAPE, `has no ${arnKey}; not migrated`));
  } else if (typeof arn !== 'string' || arn === '') {
    notes.push(dropping(MIGRATION_RULES.SHAPE, `${arnKey}: must be an IAM ARN (a string), got ${describeValue(arn)}; not migrated`, [arnKey]));
  }
  const username = own(fields, 'username');
  if (username !== undefined && typeof username !== 'string') {
    notes.push(dropping(MIGRATION_RULES.SHAPE, `username: must be a string, got ${describeValue(username)}; not migrated`, ['username']));
  }
  const groups = own(fields, 'groups') ?? [];
  if (!Array.isArray(groups)) {
    notes.push(dropping(MIGRATION_RULES.SHAPE, `groups: must be a list of group names, got ${describeValue(groups)}; not migrated`, ['groups']));
  } else {
    groups.forEach((group, i) => {
      if (typeof group !== 'string') {
        notes.push(dropping(MIGRATION_RULES.SHAPE, `groups[${i}]: must be a group name (a string), got ${describeValue(group)}; not migrated`, ['groups', i]));
      }
    });
  }
  const arnText = typeof arn === 'string' && arn !== '' ? arn : undefined;
  if (notes.length > 0) { return { arn: arnText, notes }; }
  return { fields: { arn: arnText!, username: username as string | undefined, groups: groups as string[] }, notes };
}

function nodeTypeOf(username: string | undefined, groups: readonly string[]): AccessEntryType | undefined {
  if (groups.includes('system:node-proxier')) { return AccessEntryType.FARGATE_LINUX; }
  if (username === SESSION_NODE_USERNAME) { return AccessEntryType.HYBRID_LINUX; }
  const isEc2Node = username === EC2_NODE_USERNAME || groups.includes('system:nodes');
  if (!isEc2Node) { return undefined; }
  return groups.includes('eks:kube-proxy-windows') ? AccessEntryType.EC2_WINDOWS : AccessEntryType.EC2_LINUX;
}

/** Node roles of managed node groups and Fargate profiles get their entries from EKS. */
function eksManagedNote(type: AccessEntryType): MappingNote | undefined {
  const owner = type === AccessEntryType.FARGATE_LINUX ? 'a Fargate profile'
    : type === AccessEntryType.EC2_LINUX || type === AccessEntryType.EC2_WINDOWS ? 'a managed node group' : undefined;
  if (!owner) { return undefined; }
  return {
    rule: MIGRATION_RULES.EKS_MANAGED,
    severity: Severity.WARNING,
    message: `became an entry of type ${type}; if this is the role of ${owner}, EKS creates its entry itself: remove it, or set skipEksManagedPrincipals`,
  };
}

function dropping(rule: MigrationRule, message: string, path?: YamlPath): MappingNote {
  return { rule, severity: Severity.ERROR, message, drops: true, ...(path ? { path } : {}) };
}

function notMigrated(rule: MigrationRule, message: string, principalArn?: string): TranslatedMapping {
  return { principalArn, notes: [dropping(rule, `${message}; not migrated`)] };
}

/** An own property only: `__proto__` or `constructor` in input never reach the prototype. */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}
