import { AccessReport, compare, ReportEntry, ReportPolicy } from './access-report';
import { groupChanges } from './group-report';

/** What kind of change, most urgent first. */
export enum ChangeKind {
  /** The deploy will fail, or cut access while it runs. */
  DEPLOY_HAZARD = 'deploy-hazard',
  /**
   * More access than before: a grant or group the principal did not have (once per
   * principal, whatever it loses beside), a new entry that grants access, a new username.
   */
  WIDENED = 'widened',
  /** A new entry that grants nothing through EKS (no policy, no group). */
  ADDED = 'added',
  /** Less access than before, and nothing new. */
  NARROWED = 'narrowed',
  REMOVED = 'removed',
}

const ORDER = [ChangeKind.DEPLOY_HAZARD, ChangeKind.WIDENED, ChangeKind.ADDED, ChangeKind.NARROWED, ChangeKind.REMOVED];

export interface AccessChange {
  readonly kind: ChangeKind;
  readonly principal: string;
  readonly detail: string;
  /** What to do, for deploy hazards. */
  readonly fix?: string;
}

/**
 * What changed between two reports of the same cluster: access widened (new principals
 * with access included) or narrowed, principals added without access and removed, and,
 * first, changes that will fail or cut access during `cdk deploy`, which CloudFormation's
 * own diff does not explain.
 */
export function diffReports(before: AccessReport, after: AccessReport): AccessChange[] {
  const changes: AccessChange[] = [];
  const old = byPrincipal(before.entries);
  const now = byPrincipal(after.entries);
  for (const [principal, entry] of now) {
    const was = old.get(principal);
    if (!was) {
      // A new entry with a policy, a group or a node type grants access: a widening.
      const grantsAccess = entry.policies.length > 0 || entry.kubernetesGroups.length > 0 || entry.type !== 'STANDARD';
      changes.push({ kind: grantsAccess ? ChangeKind.WIDENED : ChangeKind.ADDED, principal, detail: `gains an entry: ${describe(entry)}` });
      continue;
    }
    changes.push(...hazards(principal, was, entry), ...accessChanges(principal, was, entry));
  }
  for (const [principal, entry] of old) {
    if (!now.has(principal)) {
      changes.push({ kind: ChangeKind.REMOVED, principal, detail: `loses its entry (had ${describe(entry)})` });
    }
  }
  // What the groups' RBAC bindings allow: a group that gains a rule, a role or a namespace widens.
  changes.push(...groupChanges(before, after));
  return changes.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || compare(a.principal, b.principal));
}

function hazards(principal: string, was: ReportEntry, now: ReportEntry): AccessChange[] {
  const found: AccessChange[] = [];
  if (was.stack !== now.stack) {
    found.push({
      kind: ChangeKind.DEPLOY_HAZARD,
      principal,
      detail: `moves from stack ${was.stack} to ${now.stack}: if ${now.stack} deploys first, EKS answers its create with 409 (the entry still exists)`,
      fix: `deploy ${was.stack} first (it deletes the old entry; access is cut until ${now.stack} deploys), or keep the entry in ${was.stack}`,
    });
  } else if (was.logicalId !== now.logicalId) {
    found.push({
      kind: ChangeKind.DEPLOY_HAZARD,
      principal,
      detail: `its logical id changes from ${was.logicalId} to ${now.logicalId}: CloudFormation creates the new entry before deleting the old, and EKS answers 409`,
      fix: 'keep the construct id and path of the manager (or override the logical id back); otherwise remove the principal in one deploy and add it back in the next',
    });
  } else if (was.type !== now.type) {
    found.push({
      kind: ChangeKind.DEPLOY_HAZARD,
      principal,
      detail: `its type changes from ${was.type} to ${now.type}: a replacement, created before the old entry is deleted, so EKS answers 409`,
      fix: 'remove the principal in one deploy and add it back with the new type in the next',
    });
  }
  return found;
}

/**
 * What access a principal gains and loses between two entries: grants (one per policy and
 * namespace), groups, and a username change (which changes what RBAC bindings mean).
 */
export function accessChanges(principal: string, was: ReportEntry, now: ReportEntry): AccessChange[] {
  const before = grants(was);
  const after = grants(now);
  const gained = [...after.values()].filter((g) => !before.has(g.text));
  const lost = [...before.values()].filter((g) => !after.has(g.text));
  const groupsGained = now.kubernetesGroups.filter((g) => !was.kubernetesGroups.includes(g));
  const groupsLost = was.kubernetesGroups.filter((g) => !now.kubernetesGroups.includes(g));
  const changes: AccessChange[] = [];
  // One change per principal: a widening when anything gained was not already granted
  // (View replaced by ClusterAdmin widens once; it does not also narrow), a narrowing when
  // all it gains was granted before (ClusterAdmin replaced by View). A group is opaque:
  // gaining one always widens.
  const widens = groupsGained.length > 0 || gained.some((g) => !covered(g, [...before.values()]));
  const gainedText = texts(gained, groupsGained);
  const lostText = texts(lost, groupsLost);
  if (widens) {
    const replaced = lostText.length > 0 && groupsLost.length === 0 && lost.every((g) => covered(g, [...after.values()]));
    const detail = `gains ${gainedText.join(', ')}${lostText.length === 0 ? '' : replaced ? `, in place of ${lostText.join(', ')}` : `; loses ${lostText.join(', ')}`}`;
    changes.push({ kind: ChangeKind.WIDENED, principal, detail });
  } else if (lostText.length > 0) {
    const detail = `loses ${lostText.join(', ')}${gainedText.length === 0 ? '' : `, keeping the narrower ${gainedText.join(', ')}`}`;
    changes.push({ kind: ChangeKind.NARROWED, principal, detail });
  }
  if (was.username !== now.username) {
    changes.push({
      kind: ChangeKind.WIDENED,
      principal,
      detail: `its Kubernetes username changes from ${was.username ?? '(default)'} to ${now.username ?? '(default)'}: RBAC bindings to either name change meaning`,
    });
  }
  return changes;
}

/** One policy at cluster scope or in one namespace (or prefix). */
interface Grant {
  readonly policy: string;
  readonly scope: string;
  readonly namespace?: string;
  readonly text: string;
}

/**
 * Each grant as `policy at cluster scope` or `policy in namespace ns`, one per namespace, so
 * that a namespace added to a scope is a gain and a cluster scope replacing namespaces is too.
 */
function grants(entry: ReportEntry): Map<string, Grant> {
  const map = new Map<string, Grant>();
  for (const p of entry.policies) {
    if (p.scope === 'namespace') {
      for (const ns of p.namespaces) {
        const text = `${p.policy} in namespace ${ns}`;
        map.set(text, { policy: p.policy, scope: p.scope, namespace: ns, text });
      }
    } else {
      const text = `${p.policy} at ${p.scope} scope`;
      map.set(text, { policy: p.policy, scope: p.scope, text });
    }
  }
  return map;
}

/**
 * What each customer policy is known to include, after the Kubernetes roles they match
 * (admin includes edit, which includes view). Only containments that are certain: anything
 * else counts as new access, so that a gate errs towards a second look.
 */
const INCLUDES: Readonly<Record<string, readonly string[]>> = {
  AmazonEKSAdminPolicy: ['AmazonEKSEditPolicy', 'AmazonEKSViewPolicy'],
  AmazonEKSEditPolicy: ['AmazonEKSViewPolicy'],
  AmazonEKSAdminViewPolicy: ['AmazonEKSViewPolicy'],
  AmazonEKSSecretAdminPolicy: ['AmazonEKSSecretReaderPolicy'],
};

/** Whether one of `held` already grants everything `grant` does. */
function covered(grant: Grant, held: readonly Grant[]): boolean {
  return held.some((h) => policyIncludes(h.policy, grant.policy) && scopeIncludes(h, grant));
}

function policyIncludes(held: string, wanted: string): boolean {
  // cluster-admin is every verb on every resource: nothing another policy grants is more.
  return held === wanted || held === 'AmazonEKSClusterAdminPolicy' || (INCLUDES[held]?.includes(wanted) ?? false);
}

function scopeIncludes(held: Grant, wanted: Grant): boolean {
  if (held.scope === 'cluster') { return wanted.scope === 'cluster' || wanted.scope === 'namespace'; }
  if (held.scope !== 'namespace' || wanted.scope !== 'namespace') { return held.scope === wanted.scope; }
  const ns = held.namespace!;
  // `dev-*` covers `dev-a` and the narrower prefix `dev-a-*`.
  return ns === wanted.namespace || (ns.endsWith('*') && wanted.namespace!.startsWith(ns.slice(0, -1)));
}

function texts(changed: readonly Grant[], groups: readonly string[]): string[] {
  return [...changed.map((g) => g.text), ...groups.map((g) => `group ${g}`)];
}

function describe(entry: ReportEntry): string {
  const policies = entry.policies.map(policyText);
  const groups = entry.kubernetesGroups.map((g) => `group ${g}`);
  const access = [...policies, ...groups];
  return `${entry.type}${access.length > 0 ? ` with ${access.join(', ')}` : ''}`;
}

function policyText(p: ReportPolicy): string {
  return p.scope === 'namespace' ? `${p.policy} in ${p.namespaces.join(', ')}` : `${p.policy} at ${p.scope} scope`;
}

function byPrincipal(entries: readonly ReportEntry[]): Map<string, ReportEntry> {
  return new Map(entries.map((e) => [e.principal, e]));
}
