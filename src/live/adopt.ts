/**
 * A live cluster's entries as an access map, as `migrate` makes one from aws-auth: the
 * map to put in code before importing the entries (`plan --import-mapping`). The entries
 * EKS made itself are left out and named: declaring them fails with 409, and EKS keeps
 * them up to date.
 */
import { defaultUsername } from './compare-entry';
import { eksMadeReason } from './eks-made';
import { ClusterSnapshot, isAwsTag, LiveAccessEntry } from './snapshot';
import { snapshotEnvironment } from './snapshot-checks';
import { AccessEntryType } from '../access-entry-type';
import { AccessScopeType } from '../access-scope';
import { AccessPolicyGrant, PrincipalAccess } from '../principal-access';
import { policyNameOfRendered } from '../private/policy-arn';
import { parseArn } from '../private/principal-arn';
import { NODE_ENTRY_TYPES } from '../private/vocabulary';
import { checkAccessMap } from '../validation/check-map';
import { Finding } from '../validation/finding';

/** An entry `adopt` leaves out of the map. */
export interface LeftOut {
  readonly principalArn: string;
  readonly reason: string;
}

/** The map of a snapshot, and what it leaves out. */
export interface Adoption {
  /** Principal ARN to access, in the shape of `EksAccessManager`'s `principals`. */
  readonly principals: Record<string, PrincipalAccess>;
  /** The entries EKS made itself, each with why. */
  readonly leftOut: readonly LeftOut[];
  /** What the library's rules say of the map (a live entry may break a rule EKS does not enforce). */
  readonly findings: readonly Finding[];
}

/** Turns the snapshot's entries into an access map. */
export function adoptSnapshot(snapshot: ClusterSnapshot): Adoption {
  const principals: Record<string, PrincipalAccess> = {};
  const leftOut: LeftOut[] = [];
  for (const entry of snapshot.accessEntries) {
    const reason = eksMadeReason(entry, snapshot);
    if (reason) {
      leftOut.push({ principalArn: entry.principalArn, reason });
      continue;
    }
    principals[entry.principalArn] = accessOf(entry);
  }
  const arn = snapshot.clusterArn === undefined ? undefined : parseArn(snapshot.clusterArn);
  const findings = checkAccessMap(principals, {
    account: snapshotEnvironment(snapshot).account,
    partition: arn?.partition,
    cluster: { clusterName: snapshot.clusterName, authenticationMode: snapshot.authenticationMode, source: `snapshot of ${snapshot.clusterName}` },
  });
  return { principals, leftOut, findings };
}

/** One entry as the map writes it: only what differs from what EKS would set anyway. */
function accessOf(entry: LiveAccessEntry): PrincipalAccess {
  const node = NODE_ENTRY_TYPES.has(entry.type);
  const access: { -readonly [K in keyof PrincipalAccess]: PrincipalAccess[K] } = {};
  if (entry.type !== AccessEntryType.STANDARD) { access.type = entry.type as AccessEntryType; }
  const username = entry.username;
  if (!node && username !== undefined && username !== defaultUsername(entry.principalArn, entry.type)) { access.username = username; }
  if (!node && entry.kubernetesGroups.length > 0) { access.kubernetesGroups = [...entry.kubernetesGroups]; }
  if (entry.associatedAccessPolicies.length > 0) {
    access.accessPolicies = entry.associatedAccessPolicies.map((p): AccessPolicyGrant => ({
      policy: policyNameOfRendered(p.policyArn) ?? p.policyArn,
      accessScope: p.accessScope.type === AccessScopeType.NAMESPACE
        ? { type: AccessScopeType.NAMESPACE, namespaces: [...p.accessScope.namespaces ?? []] }
        : { type: p.accessScope.type as AccessScopeType },
    }));
  }
  const tags = Object.entries(entry.tags).filter(([key]) => !isAwsTag(key));
  if (tags.length > 0) { access.tags = Object.fromEntries(tags); }
  return access;
}
