/**
 * The Kubernetes groups of the access report: what the bindings of each group allow, and
 * what each principal gets through its groups, read from the manifests the managers made.
 */
import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { AccessLevel, AccessReport, ReportEntry } from './access-report';
import { compare } from './access-report';
import type { AccessChange } from './report-diff';
import { ChangeKind } from './report-diff';
import { groupDisplay } from '../rbac/group-model';
import { groupSubjectsOf, manifestObjects } from '../rbac/rbac-facts';

/** What one binding of a group allows. */
export interface ReportGroupGrant {
  /** The bound ClusterRole. */
  readonly role: string;
  /** `cluster` for a ClusterRoleBinding, `namespace` for RoleBindings. */
  readonly scope: string;
  /** Sorted; empty for a cluster scope. */
  readonly namespaces: string[];
  readonly level: AccessLevel;
  /**
   * The rules of a ClusterRole the manager created, each as `verbs on resources` (API
   * group and names after them); absent for a ClusterRole of the cluster.
   */
  readonly rules?: string[];
}

/** One Kubernetes group bound by the managers of the cluster. */
export interface ReportGroup {
  readonly group: string;
  /** Sorted by role, then scope. */
  readonly grants: ReportGroupGrant[];
  /** The principals whose entry carries the group, sorted. */
  readonly members: string[];
}

/** What a principal gets through one of its groups. */
export interface ReportGroupAccess extends ReportGroupGrant {
  readonly group: string;
}

/** How much Kubernetes' own ClusterRoles allow, coarsely. */
const LEVEL_OF_ROLE: Record<string, AccessLevel> = { 'cluster-admin': 'admin', 'admin': 'admin', 'edit': 'write', 'view': 'read' };
const READ_VERBS = new Set(['get', 'list', 'watch']);
const ADMIN_VERBS = new Set(['*', 'escalate', 'bind', 'impersonate']);

type K8sObject = Record<string, any>;

/**
 * The report with its groups: each group the manifests bind, what it allows and who
 * carries it, and on each entry what it gets through its groups. The report is returned
 * as it is when there are no manifests.
 *
 * @param report the report of the cluster's entries
 * @param manifests the managers' manifests on the cluster (their constructs)
 */
export function withGroups(report: AccessReport, manifests: readonly IConstruct[]): AccessReport {
  if (manifests.length === 0) { return report; }
  const objects = manifests.flatMap(objectsOf);
  const roles = new Map<string, K8sObject>();
  for (const o of objects) {
    if (o.kind === 'ClusterRole' && typeof o.metadata?.name === 'string') { roles.set(o.metadata.name, o); }
  }
  const grantsByGroup = new Map<string, Map<string, { role: string; scope: string; namespaces: string[] }>>();
  for (const o of objects) {
    const bound = groupSubjectsOf(o);
    if (bound.length === 0) { continue; }
    const role = String(o.roleRef?.name);
    const scope = o.kind === 'RoleBinding' ? 'namespace' : 'cluster';
    for (const group of bound) {
      const grants = grantsByGroup.get(group) ?? new Map();
      grantsByGroup.set(group, grants);
      const key = `${role}\u0000${scope}`;
      const grant = grants.get(key) ?? { role, scope, namespaces: [] };
      grants.set(key, grant);
      if (scope === 'namespace') { grant.namespaces.push(String(o.metadata?.namespace)); }
    }
  }
  const groups: ReportGroup[] = [...grantsByGroup.keys()].sort(compare).map((group) => ({
    group,
    grants: [...grantsByGroup.get(group)!.values()]
      .map((g) => describeGrant(g, roles.get(g.role)))
      .sort((a, b) => compare(a.role, b.role) || compare(a.scope, b.scope)),
    members: report.entries.filter((e) => e.kubernetesGroups.includes(group)).map((e) => e.principal),
  }));
  const byName = new Map(groups.map((g) => [g.group, g]));
  const entries = report.entries.map((entry): ReportEntry => {
    const access = entry.kubernetesGroups.flatMap((group) => (byName.get(group)?.grants ?? []).map((g) => ({ group, ...g })));
    return access.length === 0 ? entry : { ...entry, groupAccess: access };
  });
  return { ...report, entries, groups };
}

function describeGrant(grant: { role: string; scope: string; namespaces: string[] }, ownRole?: K8sObject): ReportGroupGrant {
  const namespaces = [...grant.namespaces].sort(compare);
  if (!ownRole) {
    return { role: grant.role, scope: grant.scope, namespaces, level: LEVEL_OF_ROLE[grant.role] ?? 'unknown' };
  }
  const rules: K8sObject[] = Array.isArray(ownRole.rules) ? ownRole.rules : [];
  return { role: grant.role, scope: grant.scope, namespaces, level: levelOfRules(rules), rules: rules.map(ruleText) };
}

/** Admin for `*` or the verbs that grant more access, write for any other write, else read. */
function levelOfRules(rules: readonly K8sObject[]): AccessLevel {
  const verbs = rules.flatMap((r) => (Array.isArray(r.verbs) ? r.verbs : []) as string[]);
  if (verbs.some((v) => ADMIN_VERBS.has(v))) { return 'admin'; }
  if (verbs.some((v) => !READ_VERBS.has(v))) { return 'write'; }
  const secrets = rules.some((r) => Array.isArray(r.resources) && (r.resources.includes('secrets') || r.resources.includes('*')));
  return secrets ? 'read-secrets' : 'read';
}

/** `get, list on pods, pods/log` with `(apps)` for a named API group and `[web]` for names. */
function ruleText(rule: K8sObject): string {
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const groups = list(rule.apiGroups).filter((g) => g !== '');
  const names = list(rule.resourceNames);
  return `${list(rule.verbs).join(', ')} on ${list(rule.resources).join(', ')}`
    + (groups.length > 0 ? ` (${groups.join(', ')})` : '')
    + (names.length > 0 ? ` [${names.join(', ')}]` : '');
}

/**
 * The objects of a manifest (one each, for this library), read back from its resource's
 * resolved properties: what the template says, not what the manager asked for.
 */
function objectsOf(manifest: IConstruct): K8sObject[] {
  const resource = manifest.node.defaultChild;
  if (!resource || !CfnResource.isCfnResource(resource)) { return []; }
  return manifestObjects(resource).filter((o): o is K8sObject => typeof o === 'object' && o !== null);
}

/** A grant as text, one per namespace, so that a namespace added is a gain. */
function grantAtoms(group: ReportGroup): Set<string> {
  const atoms = new Set<string>();
  for (const g of group.grants) {
    const where = g.scope === 'namespace' ? g.namespaces.map((ns) => `in namespace ${ns}`) : ['cluster-wide'];
    const what = g.rules ? g.rules.map((r) => `${r} (ClusterRole ${g.role})`) : [`ClusterRole ${g.role}`];
    for (const w of where) {
      for (const x of what) { atoms.add(`${x} ${w}`); }
    }
  }
  return atoms;
}

/**
 * What changed in the groups' bindings between two reports: a group that gains a role,
 * a namespace or a rule has widened (for every member, present and future), one that
 * loses any has narrowed. Each change names the members the new report gives it.
 */
export function groupChanges(before: AccessReport, after: AccessReport): AccessChange[] {
  const old = new Map((before.groups ?? []).map((g) => [g.group, g]));
  const now = new Map((after.groups ?? []).map((g) => [g.group, g]));
  const changes: AccessChange[] = [];
  for (const name of new Set([...old.keys(), ...now.keys()])) {
    const was = old.has(name) ? grantAtoms(old.get(name)!) : new Set<string>();
    const is = now.has(name) ? grantAtoms(now.get(name)!) : new Set<string>();
    const members = (now.get(name) ?? old.get(name))!.members;
    const who = members.length === 0 ? 'no member' : `members: ${members.join(', ')}`;
    const gained = [...is].filter((a) => !was.has(a));
    const lost = [...was].filter((a) => !is.has(a));
    const principal = groupDisplay(name);
    if (gained.length > 0) { changes.push({ kind: ChangeKind.WIDENED, principal, detail: `gains ${gained.join('; ')} (${who})` }); }
    if (lost.length > 0) { changes.push({ kind: ChangeKind.NARROWED, principal, detail: `loses ${lost.join('; ')} (${who})` }); }
  }
  return changes;
}
