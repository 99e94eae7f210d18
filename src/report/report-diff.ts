import { AccessReport, compare, ReportEntry, ReportPolicy } from './access-report';

/** What kind of change, most urgent first. */
export enum ChangeKind {
  /** The deploy will fail, or cut access while it runs. */
  DEPLOY_HAZARD = 'deploy-hazard',
  /** More access than before. */
  WIDENED = 'widened',
  ADDED = 'added',
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
 * What changed between two reports of the same cluster: principals added and removed,
 * access widened or narrowed (widening first), and changes that will fail or cut access
 * during `cdk deploy`, which CloudFormation's own diff does not explain.
 */
export function diffReports(before: AccessReport, after: AccessReport): AccessChange[] {
  const changes: AccessChange[] = [];
  const old = byPrincipal(before.entries);
  const now = byPrincipal(after.entries);
  for (const [principal, entry] of now) {
    const was = old.get(principal);
    if (!was) {
      changes.push({ kind: ChangeKind.ADDED, principal, detail: `gains an entry: ${describe(entry)}` });
      continue;
    }
    changes.push(...hazards(principal, was, entry), ...accessChanges(principal, was, entry));
  }
  for (const [principal, entry] of old) {
    if (!now.has(principal)) {
      changes.push({ kind: ChangeKind.REMOVED, principal, detail: `loses its entry (had ${describe(entry)})` });
    }
  }
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

function accessChanges(principal: string, was: ReportEntry, now: ReportEntry): AccessChange[] {
  const before = grants(was);
  const after = grants(now);
  const gained = [...after].filter((g) => !before.has(g));
  const lost = [...before].filter((g) => !after.has(g));
  const groupsGained = now.kubernetesGroups.filter((g) => !was.kubernetesGroups.includes(g));
  const groupsLost = was.kubernetesGroups.filter((g) => !now.kubernetesGroups.includes(g));
  const changes: AccessChange[] = [];
  if (gained.length > 0 || groupsGained.length > 0) {
    changes.push({ kind: ChangeKind.WIDENED, principal, detail: listOf('gains', gained, groupsGained) });
  }
  if (lost.length > 0 || groupsLost.length > 0) {
    changes.push({ kind: ChangeKind.NARROWED, principal, detail: listOf('loses', lost, groupsLost) });
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

/**
 * Each grant as `policy@cluster` or `policy@namespace:ns`, one per namespace, so that a
 * namespace added to a scope is a gain and a cluster scope replacing namespaces is too.
 */
function grants(entry: ReportEntry): Set<string> {
  const set = new Set<string>();
  for (const p of entry.policies) {
    if (p.scope === 'namespace') {
      for (const ns of p.namespaces) { set.add(`${p.policy} in namespace ${ns}`); }
    } else {
      set.add(`${p.policy} at ${p.scope} scope`);
    }
  }
  return set;
}

function listOf(verb: string, grantsChanged: string[], groups: string[]): string {
  const parts = [...grantsChanged, ...groups.map((g) => `group ${g}`)];
  return `${verb} ${parts.join(', ')}`;
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
