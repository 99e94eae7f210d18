import { RawMapping } from './read-config-map';
import { RolePathTable } from './role-paths';
import { AccessEntryType } from '../access-entry-type';
import { AccessScopeType } from '../access-scope';
import { EksAccessPolicy } from '../policy';
import { PrincipalAccess } from '../principal-access';
import { describeValue, quote } from '../private/describe-value';
import { parseIamPrincipal } from '../private/principal-arn';
import { Severity } from '../severity';

/** One problem of one mapping, before it gets its location. */
export interface MappingNote {
  readonly severity: Severity;
  readonly message: string;
}

/** What one aws-auth mapping becomes. */
export interface TranslatedMapping {
  /** The principal ARN of the entry; undefined when the mapping cannot be expressed. */
  readonly principalArn?: string;
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
 * comes back as a note, never dropped silently.
 */
export function translateMapping(mapping: RawMapping, paths: RolePathTable): TranslatedMapping {
  const value = mapping.value;
  if (mapping.section === 'mapAccounts') {
    return unexpressible(`maps the whole account ${typeof value === 'string' ? value : describeValue(value)}; access entries name roles and users, not accounts`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return unexpressible(`must be a mapping with ${arnKey(mapping)}, username and groups, got ${describeValue(value)}`);
  }
  const fields = value as Record<string, unknown>;
  const rawArn = fields[arnKey(mapping)];
  if (typeof rawArn !== 'string' || rawArn === '') {
    return unexpressible(`has no ${arnKey(mapping)}`);
  }
  const groups = Array.isArray(fields.groups) ? fields.groups.filter((g): g is string => typeof g === 'string') : [];
  const username = typeof fields.username === 'string' ? fields.username : undefined;
  const notes: MappingNote[] = [];

  const principal = parseIamPrincipal(rawArn);
  if (principal?.path.startsWith('/aws-service-role/')) {
    return unexpressible(`${quote(rawArn)} is a service-linked role; EKS manages its access itself`);
  }
  const restored = mapping.section === 'mapRoles' ? paths.restore(rawArn) : { arn: rawArn, pathKnown: true };
  if (!restored.pathKnown) {
    const name = principal?.name ?? '';
    notes.push(ROLE_NAME_IN_SSO.test(name)
      ? { severity: Severity.ERROR, message: `the IAM Identity Center role ${name} has a path that aws-auth strips (aws-reserved/sso.amazonaws.com/<region>/); give its full ARN in the role table` }
      : { severity: Severity.WARNING, message: `the path of role ${name} could not be restored (not in the role table); kept as ${quote(rawArn)}, which is right only if the role has no path` });
  }

  const nodeType = nodeTypeOf(username, groups);
  if (nodeType) {
    if (mapping.section === 'mapUsers') {
      return { ...unexpressible('maps an IAM user as a node; node entries need a role'), notes };
    }
    const extraGroups = groups.filter((g) => !NODE_GROUPS.has(g));
    if (extraGroups.length > 0) {
      notes.push({ severity: Severity.ERROR, message: `node entries take no groups; dropped ${extraGroups.join(', ')}` });
    }
    const eksManaged = eksManagedNote(nodeType);
    if (eksManaged) { notes.push(eksManaged); }
    return { principalArn: restored.arn, access: { type: nodeType }, notes };
  }

  const isAdmin = groups.includes('system:masters');
  if (groups.includes(IMPLICIT_GROUP)) {
    notes.push({ severity: Severity.WARNING, message: `group ${IMPLICIT_GROUP} dropped: every authenticated principal is in it anyway` });
  }
  const otherSystemGroups = groups.filter((g) => g.startsWith('system:') && g !== 'system:masters' && g !== IMPLICIT_GROUP);
  if (otherSystemGroups.length > 0) {
    notes.push({ severity: Severity.ERROR, message: `groups ${otherSystemGroups.join(', ')} start with "system:" and cannot be expressed; dropped` });
  }
  const keptGroups = groups.filter((g) => !g.startsWith('system:'));
  const access: PrincipalAccess = {
    ...(username !== undefined ? { username } : {}),
    ...(keptGroups.length > 0 ? { kubernetesGroups: keptGroups } : {}),
    ...(isAdmin ? { accessPolicies: [{ policy: EksAccessPolicy.CLUSTER_ADMIN, accessScope: { type: AccessScopeType.CLUSTER } }] } : {}),
  };
  return { principalArn: restored.arn, access, notes };
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
    severity: Severity.WARNING,
    message: `became an entry of type ${type}; if this is the role of ${owner}, EKS creates its entry itself: remove it, or set skipEksManagedPrincipals`,
  };
}

function arnKey(mapping: RawMapping): string {
  return mapping.section === 'mapUsers' ? 'userarn' : 'rolearn';
}

function unexpressible(message: string): TranslatedMapping {
  return { notes: [{ severity: Severity.ERROR, message: `${message}; not migrated` }] };
}
