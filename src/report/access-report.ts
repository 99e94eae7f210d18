import type { ReportGroup, ReportGroupAccess } from './group-report';
import { renderValue, TemplateEntry, TemplateValue } from './template-entry';
import { AcknowledgementRecord } from '../private/acknowledgements';
import { BoundedCache } from '../private/bounded-cache';
import { policyNameOfRendered } from '../private/policy-arn';
import { catalogPolicy } from '../private/policy-catalog';
import { NODE_ENTRY_TYPES } from '../private/vocabulary';

/** The version of the report format; a reader refuses other versions. */
export const REPORT_VERSION = 1;

/** How much a policy lets a principal do, coarsely, for reviewers. */
export type AccessLevel = 'admin' | 'write' | 'read' | 'read-secrets' | 'node' | 'unknown';

const LEVEL_OF_POLICY: Record<string, AccessLevel> = {
  AmazonEKSClusterAdminPolicy: 'admin',
  AmazonEKSAdminPolicy: 'admin',
  AmazonEKSEditPolicy: 'write',
  AmazonEKSViewPolicy: 'read',
  AmazonEKSAdminViewPolicy: 'read-secrets',
  AmazonEKSSecretReaderPolicy: 'read-secrets',
  // It can create, change and delete secrets: a writer (counted among the namespace's
  // writers and the cluster-wide writers), not a reader. Its equivalent says "secrets".
  AmazonEKSSecretAdminPolicy: 'write',
  AmazonEKSAutoNodePolicy: 'node',
};

export interface ReportPolicy {
  /** The policy name, or the ARN (or expression) when it is not an access policy ARN. */
  readonly policy: string;
  readonly scope: string;
  /** Sorted; empty for a cluster scope. */
  readonly namespaces: string[];
  readonly level: AccessLevel;
  /** The closest Kubernetes ClusterRole, when known. */
  readonly equivalent?: string;
}

export interface ReportEntry {
  /** The principal as the template has it (an expression rendered as text). */
  readonly principal: string;
  /**
   * The construct path of the app's own IAM role or user the principal is (such as
   * `EksAccessExample/CiDeployer`), when it is one: the name reviewers know it by, where
   * `principal` has its logical id. Absent for a principal written as an ARN.
   */
  readonly principalPath?: string;
  /** The IAM Identity Center permission set of a role looked up at deploy time (`PermissionSetRole`). */
  readonly permissionSet?: string;
  /** The stack (construct path) whose template holds the entry. */
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  readonly username?: string;
  readonly kubernetesGroups: string[];
  /** Sorted by policy. */
  readonly policies: ReportPolicy[];
  /** What the entry gets through its Kubernetes groups that the app binds; absent when nothing. */
  readonly groupAccess?: ReportGroupAccess[];
}

export interface ReportSummary {
  /**
   * Principals with a policy at cluster scope, by the highest level it gives: `readSecrets`
   * can read every Secret (admin view, secret reader), `read` cannot (view).
   */
  readonly clusterWide: { readonly admin: number; readonly write: number; readonly readSecrets: number; readonly read: number };
  /** Namespace (or prefix) to the principals that can write in it (admin or edit policies). */
  readonly namespaceWriters: { [namespace: string]: string[] };
  /** Principals whose access comes from Kubernetes groups (decided by your own RBAC). */
  readonly withGroups: number;
  readonly nodes: number;
}

/** Who can do what in one cluster, as the synthesized templates say. */
export interface AccessReport {
  readonly version: number;
  /** The cluster, as the templates name it. */
  readonly cluster: string;
  /** Sorted by principal. */
  readonly entries: ReportEntry[];
  readonly summary: ReportSummary;
  /**
   * The findings the app's managers acknowledged on this cluster, each with its reason and
   * what it silenced; absent when there are none.
   */
  readonly acknowledgements?: AcknowledgementRecord[];
  /** The Kubernetes groups the app binds on the cluster (`groups`), sorted; absent when none. */
  readonly groups?: ReportGroup[];
}

/** Builds the report of one cluster from its entries' template resources. */
export function buildReport(
  cluster: string,
  entries: ReadonlyArray<{ stack: string; entry: TemplateEntry; principalPath?: string; permissionSet?: string }>,
  acknowledgements: readonly AcknowledgementRecord[] = [],
): AccessReport {
  const reportEntries = entries.map(({ stack, entry, principalPath, permissionSet }) => reportEntry(stack, entry, principalPath, permissionSet))
    .sort((a, b) => compare(a.principal, b.principal) || compare(a.stack, b.stack));
  const report: AccessReport = { version: REPORT_VERSION, cluster, entries: reportEntries, summary: summarize(reportEntries) };
  return acknowledgements.length === 0 ? report : { ...report, acknowledgements: [...acknowledgements] };
}

function reportEntry(stack: string, entry: TemplateEntry, principalPath: string | undefined, permissionSet?: string): ReportEntry {
  // Plain loops and literals: the report runs once per synth, before V8 has optimized
  // anything, and at 3,000 entries the closures and spreads of the obvious code cost more
  // than the work itself.
  const policies: ReportPolicy[] = [];
  for (let i = 0; i < entry.policies.length; i++) {
    const p = entry.policies[i];
    const scope = renderValue(p.scopeType);
    const described = describePolicy(p.policyArn);
    const namespaces = scope === 'cluster' ? [] : sortedTexts(p.namespaces);
    // An undefined `equivalent` is left out of the JSON report.
    policies.push({ policy: described.policy, level: described.level, equivalent: described.equivalent, scope, namespaces });
  }
  sortInPlace(policies, byPolicy);
  return {
    principal: renderValue(entry.principalArn),
    // Left out of the JSON report when undefined.
    principalPath,
    permissionSet,
    stack,
    logicalId: entry.logicalId,
    type: entry.type,
    // Left out of the JSON report when undefined.
    username: entry.username === undefined ? undefined : renderValue(entry.username),
    kubernetesGroups: sortedTexts(entry.kubernetesGroups),
    policies,
  };
}

function byPolicy(a: ReportPolicy, b: ReportPolicy): number {
  return compare(a.policy, b.policy);
}

/** Template values as text, in code-point order. */
function sortedTexts(values: readonly TemplateValue[]): string[] {
  const texts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) { texts[i] = renderValue(values[i]); }
  return sortInPlace(texts, compare);
}

/**
 * Sorts a short list in place. The lists of an entry mostly hold one or two items, and a
 * call to `Array.prototype.sort` costs more than one comparison; the report sorts several
 * lists per entry.
 */
function sortInPlace<T>(items: T[], order: (a: T, b: T) => number): T[] {
  if (items.length === 2) {
    if (order(items[0], items[1]) > 0) { items.reverse(); }
  } else if (items.length > 2) {
    items.sort(order);
  }
  return items;
}

type PolicyDescription = Pick<ReportPolicy, 'policy' | 'level' | 'equivalent'>;

/** Name, level and RBAC equivalent of a policy ARN; a map names only a few policies. */
const POLICY_DESCRIPTIONS = new BoundedCache<PolicyDescription>(1000);

function describePolicy(policyArn: TemplateValue): PolicyDescription {
  return POLICY_DESCRIPTIONS.get(renderValue(policyArn), describeRendered);
}

function describeRendered(rendered: string): PolicyDescription {
  const name = policyNameOfRendered(rendered);
  const equivalent = name ? catalogPolicy(name)?.rbacEquivalent : undefined;
  return {
    policy: name ?? rendered,
    level: (name ? LEVEL_OF_POLICY[name] : undefined) ?? 'unknown',
    ...(equivalent ? { equivalent } : {}),
  };
}

/** Levels by what they allow: an editor can also read (and write) Secrets. */
const RANK: Record<string, number> = { 'admin': 4, 'write': 3, 'read-secrets': 2, 'read': 1 };

/** The summary of entries sorted by principal (as `buildReport` sorts them). */
function summarize(entries: readonly ReportEntry[]): ReportSummary {
  const clusterWide = { admin: 0, write: 0, readSecrets: 0, read: 0 };
  // The entries come sorted by principal, so each list of writers fills in order, and a
  // principal seen twice for a namespace (two policies, or two stacks) is the last one.
  const writers = new Map<string, string[]>();
  let withGroups = 0;
  let nodes = 0;
  for (const entry of entries) {
    let highest = 0;
    for (const policy of entry.policies) {
      const rank = RANK[policy.level] ?? 0;
      if (policy.scope === 'cluster') {
        highest = Math.max(highest, rank);
      } else if (policy.scope === 'namespace' && rank >= RANK.write) {
        for (const ns of policy.namespaces) {
          const list = writers.get(ns);
          if (list === undefined) {
            writers.set(ns, [entry.principal]);
          } else if (list[list.length - 1] !== entry.principal) {
            list.push(entry.principal);
          }
        }
      }
    }
    if (highest === 4) {
      clusterWide.admin++;
    } else if (highest === 3) {
      clusterWide.write++;
    } else if (highest === 2) {
      clusterWide.readSecrets++;
    } else if (highest === 1) {
      clusterWide.read++;
    }
    if (entry.kubernetesGroups.length > 0) { withGroups++; }
    if (NODE_ENTRY_TYPES.has(entry.type)) { nodes++; }
  }
  const namespaceWriters: { [namespace: string]: string[] } = {};
  for (const ns of [...writers.keys()].sort()) {
    namespaceWriters[ns] = writers.get(ns)!;
  }
  return { clusterWide, namespaceWriters, withGroups, nodes };
}

/** Plain UTF-16 code-unit order (as `Array.prototype.sort` without a comparator): the same on every machine, unlike locale order. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
