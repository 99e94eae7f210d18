/**
 * What `cdk deploy` of a synth will do to a live cluster's access entries, before it runs:
 * for each principal one action, and the refusals of what the cluster makes impossible.
 *
 * - `create`: the synth declares it and the cluster has no entry for it.
 * - `update`: the entry is this app's (see `ownership.ts`) and differs; widening flagged.
 * - `unchanged`: the entry is this app's and as declared.
 * - `conflict`: an entry exists that the declaring resource does not own: CloudFormation's
 *   create fails with 409 `ResourceInUseException`. An entry with no sign of an owner
 *   counts as not owned. So does a type change of an owned entry (a replacement, created
 *   before the old one is deleted).
 * - `delete`: the entry is this app's and the synth no longer declares it.
 * - `undeclared`: live only, and no stack of this app owns it: the deploy leaves it alone.
 */
import { compareEntry, declaredAccess, EntryDifference, liveAccess } from './compare-entry';
import { DeclaredCluster, DeclaredEntry } from './declared-entries';
import { eksMadeReason } from './eks-made';
import { ImportPlan, importPlansOf } from './import-plan';
import { isInStack, isOwnedAt, Owner, ownerOf, StackResources } from './ownership';
import { PlanAction } from './plan-action';
import { ClusterSnapshot, LiveAccessEntry } from './snapshot';
import { AuthenticationMode } from '../authentication-mode';
import { compare, ReportEntry } from '../report/access-report';
import { EksManagedPrincipal } from '../validation/rule';

export { PlanAction } from './plan-action';

/** What the deploy does to one principal's entry. */
export interface PlanChange {
  /** The principal's ARN (for a principal known only at deploy, the expression). */
  readonly principalArn: string;
  readonly action: PlanAction;
  /** The CloudFormation stack of the declaring resource (of the owner, for `delete` and `undeclared`). */
  readonly stack?: string;
  readonly logicalId?: string;
  /** True when the principal can do more after the deploy. */
  readonly widening: boolean;
  readonly detail: string;
  /** What to do, for a change that would fail the deploy. */
  readonly fix?: string;
  /** The declaring resource, for conflicts (the import plan reads it). */
  readonly declared?: DeclaredEntry;
  readonly live?: LiveAccessEntry;
  /** Who owns the live entry, when anything says so. */
  readonly owner?: Owner;
  /** How the live entry differs from the declared one, for conflicts (the import plan reads it). */
  readonly difference?: EntryDifference;
}

/** The plan of one cluster. */
export interface DeployPlan {
  readonly clusterName: string;
  readonly region: string;
  readonly authenticationMode: string;
  readonly takenAt: string;
  /** By action (conflicts first), then principal. */
  readonly changes: readonly PlanChange[];
  /** What the live cluster makes impossible, whatever the entries. */
  readonly refusals: readonly string[];
  /** Per stack with conflicts that an import can resolve. */
  readonly imports: readonly ImportPlan[];
}

const ORDER = [PlanAction.CONFLICT, PlanAction.DELETE, PlanAction.CREATE, PlanAction.UPDATE, PlanAction.UNCHANGED, PlanAction.UNDECLARED];
const MODE_ORDER: readonly string[] = [AuthenticationMode.CONFIG_MAP, AuthenticationMode.API_AND_CONFIG_MAP, AuthenticationMode.API];

/** Compares the synth's entries of the snapshot's cluster with the live ones. */
export function planDeploy(declared: DeclaredCluster, snapshot: ClusterSnapshot, resources: StackResources = StackResources.NONE): DeployPlan {
  const live = new Map(snapshot.accessEntries.map((e) => [e.principalArn, e]));
  const claimed = new Set<string>();
  const changes: PlanChange[] = [];
  const known = [...declared.inApp?.eksManaged ?? [], ...declared.inApp?.creator ? [declared.inApp.creator] : []];

  for (const entry of declared.entries) {
    const where = { stack: entry.place.stackName, logicalId: entry.place.logicalId, declared: entry };
    const arn = entry.principalArn ?? findOwnedBy(entry, snapshot.accessEntries, resources)?.principalArn;
    const current = arn === undefined ? undefined : live.get(arn);
    if (arn !== undefined) { claimed.add(arn); }
    if (!current) {
      const unknown = arn === undefined ? `; its ARN is known at deploy (${entry.model.principal.display})` : '';
      changes.push({ ...where, principalArn: arn ?? entry.model.principal.display, action: PlanAction.CREATE, widening: true, detail: `gets an entry: ${describe(declaredAccess(entry.model, arn ?? ''))}${unknown}` });
      continue;
    }
    const owner = ownerOf(current, resources) ?? resources.holds(entry.place, current.principalArn);
    changes.push(owner && isOwnedAt(owner, entry.place)
      ? ownedChange(entry, current, owner)
      : conflict(entry, current, owner, declared, snapshot, known));
  }

  for (const entry of snapshot.accessEntries) {
    if (claimed.has(entry.principalArn)) { continue; }
    const owner = ownerOf(entry, resources);
    if (owner && isAppStack(owner.stackName, declared)) {
      changes.push({
        principalArn: entry.principalArn,
        action: PlanAction.DELETE,
        stack: owner.stackName,
        logicalId: owner.logicalId,
        widening: false,
        live: entry,
        owner,
        detail: `stack ${owner.stackName} no longer declares it (${owner.source}): the deploy deletes the entry, unless its DeletionPolicy is Retain; ${describe(liveAccess(entry))} is lost`,
      });
      continue;
    }
    const made = eksMadeReason(entry, snapshot, known);
    const by = made ?? (owner ? `made by CloudFormation stack ${owner.stackName}, not by this app (${owner.source})` : 'made outside this app (by hand, eksctl, Terraform or another tool)');
    changes.push({ principalArn: entry.principalArn, action: PlanAction.UNDECLARED, stack: owner?.stackName, logicalId: owner?.logicalId, widening: false, live: entry, owner, detail: `${by}; the deploy leaves it alone` });
  }

  changes.sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action) || compare(a.principalArn, b.principalArn));
  return {
    clusterName: snapshot.clusterName,
    region: snapshot.region,
    authenticationMode: snapshot.authenticationMode,
    takenAt: snapshot.takenAt,
    changes,
    refusals: refusalsOf(declared, snapshot),
    imports: importPlansOf(changes, snapshot.clusterName),
  };
}

/** True when a change fails the deploy. */
export function isBlocking(change: PlanChange): boolean {
  return change.action === PlanAction.CONFLICT;
}

function ownedChange(entry: DeclaredEntry, current: LiveAccessEntry, owner: Owner): PlanChange {
  const where = { ...placeOf(entry, current), owner };
  const difference = compareEntry(entry.model, current);
  if (difference.typeChange) {
    return {
      ...where,
      action: PlanAction.CONFLICT,
      widening: difference.widening,
      detail: `${difference.changes.join('; ')}: Type cannot be updated, so CloudFormation replaces the entry, creating the new one before deleting the old, and EKS answers 409`,
      fix: 'remove the principal in one deploy and add it back with the new type in the next (its access stops in between)',
    };
  }
  if (difference.changes.length === 0) { return { ...where, action: PlanAction.UNCHANGED, widening: false, detail: 'as declared' }; }
  return { ...where, action: PlanAction.UPDATE, widening: difference.widening, detail: difference.changes.join('; ') };
}

function conflict(
  entry: DeclaredEntry, current: LiveAccessEntry, owner: Owner | undefined,
  declared: DeclaredCluster, snapshot: ClusterSnapshot, known: readonly EksManagedPrincipal[],
): PlanChange {
  const difference = compareEntry(entry.model, current);
  const where = { ...placeOf(entry, current), owner, action: PlanAction.CONFLICT, difference };
  const widening = difference.widening;
  if (owner) {
    return isAppStack(owner.stackName, declared)
      ? {
        ...where,
        widening,
        detail: `its entry belongs to stack ${owner.stackName} of this app as ${owner.logicalId} (${owner.source}); it moves to ${entry.place.stackName} as ${entry.place.logicalId}: if ${entry.place.stackName} deploys first, EKS answers its create with 409`,
        fix: `deploy ${owner.stackName} first (it deletes the old entry; access stops until ${entry.place.stackName} deploys), or keep the principal where it was; to move it without a gap, set removalPolicy: RemovalPolicy.RETAIN, deploy ${owner.stackName} without it, then cdk import it into ${entry.place.stackName}`,
      }
      : {
        ...where,
        widening,
        detail: `an entry exists that CloudFormation stack ${owner.stackName} owns, not this app (${owner.source}): the deploy would fail with 409 ResourceInUseException`,
        fix: `remove it from stack ${owner.stackName} with DeletionPolicy Retain, then import it into ${entry.place.stackName} (--import-mapping); or remove the principal from this app`,
      };
  }
  const made = eksMadeReason(current, snapshot, known);
  const after = difference.changes.length > 0 ? `; once it is this app's, the deploy changes it: ${difference.changes.join('; ')}` : '';
  return {
    ...where,
    widening,
    detail: `an entry exists that no stack of this app made (${made ?? 'no aws:cloudformation tags: made by hand, eksctl, Terraform or another tool'}): the deploy would fail with 409 ResourceInUseException${after}`,
    fix: made && !made.startsWith('probably')
      ? 'remove the principal from the app (EKS manages this entry; with an in-app cluster, skipEksManagedPrincipals: true), or import it (--import-mapping)'
      : `import it into ${entry.place.stackName} with cdk import (--import-mapping writes the mapping), or remove the principal from the app`,
  };
}

/** Where a change stands: the declaring resource, and the live entry. */
function placeOf(entry: DeclaredEntry, current: LiveAccessEntry) {
  return { principalArn: current.principalArn, stack: entry.place.stackName, logicalId: entry.place.logicalId, declared: entry, live: current };
}

/** A live entry with the tags that say it is this declared resource (a principal whose ARN the synth cannot know). */
function findOwnedBy(entry: DeclaredEntry, live: readonly LiveAccessEntry[], resources: StackResources): LiveAccessEntry | undefined {
  return live.find((l) => {
    const owner = ownerOf(l, resources) ?? resources.holds(entry.place, l.principalArn);
    return owner !== undefined && isOwnedAt(owner, entry.place);
  });
}

function refusalsOf(declared: DeclaredCluster, snapshot: ClusterSnapshot): string[] {
  const refusals: string[] = [];
  const mode = snapshot.authenticationMode;
  if (mode === AuthenticationMode.CONFIG_MAP && declared.entries.length > 0) {
    refusals.push(`cluster ${snapshot.clusterName} is in CONFIG_MAP mode, where EKS creates no access entry (rule R22): every create fails. `
      + `Fix: aws eks update-cluster-config --name ${snapshot.clusterName} --region ${snapshot.region} --access-config authenticationMode=API_AND_CONFIG_MAP (one-way), then deploy`);
  }
  const wanted = declared.inApp?.authenticationMode;
  if (wanted !== undefined && MODE_ORDER.indexOf(wanted) >= 0 && MODE_ORDER.indexOf(wanted) < MODE_ORDER.indexOf(mode)) {
    refusals.push(`the app sets cluster ${snapshot.clusterName}'s authentication mode to ${wanted}, and it is ${mode}: a mode only moves forward, CONFIG_MAP -> API_AND_CONFIG_MAP -> API (rule R23). Fix: set ${mode} in the app`);
  }
  return refusals;
}

/** True when a CloudFormation stack name is one of the app's stacks, or of a stack nested in one. */
function isAppStack(stackName: string, declared: DeclaredCluster): boolean {
  return declared.stacks.some((s) => isInStack(stackName, s.stackName));
}

/** An entry's type and access, in one phrase. */
export function describe(entry: ReportEntry): string {
  const policies = entry.policies.map((p) => p.scope === 'namespace' ? `${p.policy} in ${p.namespaces.join(', ')}` : `${p.policy} at ${p.scope} scope`);
  const access = [...policies, ...entry.kubernetesGroups.map((g) => `group ${g}`)];
  return `${entry.type}${access.length > 0 ? ` with ${access.join(', ')}` : ''}`;
}
