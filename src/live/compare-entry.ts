/**
 * What a deploy changes in a live entry to make it the declared one, and whether that
 * widens access, in the terms of the access report's diff (`accessChanges`): a grant is a
 * policy at cluster scope or in one namespace, a group is a grant of its own, and a new
 * username changes what RBAC bindings mean.
 */
import { isAwsTag, LiveAccessEntry } from './snapshot';
import { EntryModel } from '../private/model';
import { policyNameOfRendered } from '../private/policy-arn';
import { parseIamPrincipal } from '../private/principal-arn';
import { isToken } from '../private/tokens';
import { NODE_ENTRY_TYPES } from '../private/vocabulary';
import { ReportEntry, ReportPolicy } from '../report/access-report';
import { accessChanges, ChangeKind } from '../report/report-diff';

/** How a live entry differs from the declared one. */
export interface EntryDifference {
  /** Each change, as a reader says it; empty when the entry is as declared. */
  readonly changes: readonly string[];
  /** True when the principal can do more after the deploy. */
  readonly widening: boolean;
  /** Set when the entry type differs: `Type` cannot be updated, so CloudFormation replaces the entry. */
  readonly typeChange?: { readonly from: string; readonly to: string };
}

/** The access a declared entry grants, as the report's diff reads it. */
export function declaredAccess(model: EntryModel, principalArn: string): ReportEntry {
  const policies: ReportPolicy[] = model.accessPolicies.map((g) => policy(g.policy ?? '', g.scopeType ?? '', g.namespaces ?? []));
  const node = NODE_ENTRY_TYPES.has(model.type);
  const username = node ? undefined : model.username ?? defaultUsername(principalArn, model.type);
  return entry(principalArn, model.type, username, node ? [] : [...model.kubernetesGroups ?? []], policies);
}

/** The access a live entry grants, as the report's diff reads it. */
export function liveAccess(live: LiveAccessEntry): ReportEntry {
  const node = NODE_ENTRY_TYPES.has(live.type);
  const policies = live.associatedAccessPolicies.map((p) => policy(p.policyArn, p.accessScope.type, p.accessScope.namespaces ?? []));
  const username = node ? undefined : live.username ?? defaultUsername(live.principalArn, live.type);
  return entry(live.principalArn, live.type, username, node ? [] : [...live.kubernetesGroups], policies);
}

/** What the deploy changes in `live` to make it `model`. */
export function compareEntry(model: EntryModel, live: LiveAccessEntry): EntryDifference {
  const was = liveAccess(live);
  const now = declaredAccess(model, live.principalArn);
  const changes: string[] = [];
  let widening = false;
  const unknown = [now.username, ...now.kubernetesGroups, ...now.policies.flatMap((p) => [p.policy, ...p.namespaces])].some(isToken);
  for (const change of accessChanges(live.principalArn, was, now)) {
    changes.push(change.detail);
    widening ||= change.kind === ChangeKind.WIDENED;
  }
  const tags = tagChanges(model.tags ?? [], live.tags);
  if (tags) { changes.push(tags); }
  if (unknown) { changes.push('some of its declared values are known only at deploy (tokens): the comparison may be incomplete'); }
  const typeChange = was.type === now.type ? undefined : { from: was.type, to: now.type };
  if (typeChange) { changes.unshift(`its type changes from ${typeChange.from} to ${typeChange.to}`); }
  return { changes, widening, typeChange };
}

/**
 * The username EKS gives an entry that sets none (rules reference, "Default usernames"):
 * the user's ARN, or the role's session ARN. Node entries are EKS's to name.
 */
export function defaultUsername(principalArn: string, type: string): string | undefined {
  if (type !== 'STANDARD') { return undefined; }
  const parts = parseIamPrincipal(principalArn);
  if (!parts) { return undefined; }
  return parts.kind === 'user' ? principalArn : `arn:${parts.partition}:sts::${parts.account}:assumed-role/${parts.name}/{{SessionName}}`;
}

/** The tags the deploy adds, changes and removes; CloudFormation's own `aws:` tags are not the template's. */
function tagChanges(declared: ReadonlyArray<readonly [string, string]>, live: Readonly<Record<string, string>>): string | undefined {
  const wanted = new Map(declared);
  const have = new Map(Object.entries(live).filter(([k]) => !isAwsTag(k)));
  const parts: string[] = [];
  for (const [key, value] of wanted) {
    if (!have.has(key)) { parts.push(`+${key}=${value}`); } else if (have.get(key) !== value) { parts.push(`${key}: ${have.get(key)} -> ${value}`); }
  }
  for (const key of have.keys()) {
    if (!wanted.has(key)) { parts.push(`-${key}`); }
  }
  return parts.length > 0 ? `tags change: ${parts.join(', ')}` : undefined;
}

function policy(policyText: string, scope: string, namespaces: readonly string[]): ReportPolicy {
  return {
    policy: policyNameOfRendered(policyText) ?? policyText,
    scope,
    namespaces: scope === 'cluster' ? [] : [...namespaces].sort(),
    level: 'unknown',
  };
}

function entry(principal: string, type: string, username: string | undefined, kubernetesGroups: string[], policies: ReportPolicy[]): ReportEntry {
  return { principal, stack: '', logicalId: '', type, username, kubernetesGroups: kubernetesGroups.sort(), policies };
}
