/**
 * Reads a cluster's access entries with the AWS SDK: `DescribeCluster`, then the pages of
 * `ListAccessEntries`, `ListNodegroups` and `ListFargateProfiles`, then, a few dozen at a
 * time, `DescribeAccessEntry` and the pages of `ListAssociatedAccessPolicies` of every
 * entry (and `DescribeNodegroup`, `DescribeFargateProfile`). The client retries throttled
 * calls itself (`eks-sdk.ts`); a call that still fails ends the read with a `LiveError`
 * naming it, and no snapshot.
 */
import type * as Eks from '@aws-sdk/client-eks';
import { EksSdk, MAX_ATTEMPTS, regionOf } from './eks-sdk';
import { LiveError, liveErrorOf } from './live-error';
import { mapWithLimit } from './pool';
import { ClusterSnapshot, LiveAccessEntry, LiveAccessPolicy, LiveFargateProfile, LiveNodegroup } from './snapshot';
import { compare } from '../report/access-report';

/** Calls in flight by default: a few dozen, well under what EKS throttles at once the SDK adapts. */
export const DEFAULT_CONCURRENCY = 24;
/** The most calls in flight a caller may ask for. */
export const MAX_CONCURRENCY = 64;
/** Progress is printed for clusters with more entries than this. */
export const PROGRESS_THRESHOLD = 100;
/** The page size of the list calls (the API's maximum). */
const PAGE_SIZE = 100;
/** A list longer than this many pages is a broken pagination (EKS allows 3,000 entries: 30 pages). */
const MAX_PAGES = 1000;

/** How to read one cluster. */
export interface ReadSnapshotOptions {
  readonly clusterName: string;
  /** @default DEFAULT_CONCURRENCY */
  readonly concurrency?: number;
  /** Progress and notes, one line each (the CLI prints them on stderr). @default - none */
  readonly log?: (line: string) => void;
  /** @default - the clock */
  readonly now?: () => Date;
}

/**
 * Reads the cluster and returns its snapshot; throws a `LiveError` (and returns nothing)
 * when any call fails after the SDK's retries.
 */
export async function readClusterSnapshot(sdk: EksSdk, client: Eks.EKSClient, options: ReadSnapshotOptions): Promise<ClusterSnapshot> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new LiveError(`the concurrency is a whole number from 1 to ${MAX_CONCURRENCY}, got ${concurrency}`);
  }
  const clusterName = options.clusterName;
  const region = await regionOf(client);
  const takenAt = (options.now ?? (() => new Date()))().toISOString();
  const log = options.log ?? (() => undefined);
  const call = async <T>(name: string, command: unknown, subject?: string): Promise<T> => {
    try {
      return await client.send(command as Parameters<typeof client.send>[0]) as T;
    } catch (e) {
      throw liveErrorOf(e, name, clusterName, region, subject, MAX_ATTEMPTS);
    }
  };
  type Items<P, I> = (page: P) => readonly I[] | undefined;
  type Token<P> = (page: P) => string | undefined;
  /** Every item of a list call's pages, each once (a name listed on two pages is read once). */
  const pages = async <P, I>(
    name: string, request: (nextToken?: string) => unknown, items: Items<P, I>, token: Token<P>, subject?: string,
  ): Promise<I[]> => {
    const all: I[] = [];
    let nextToken: string | undefined;
    for (let page = 0; ; page++) {
      if (page >= MAX_PAGES) {
        throw new LiveError(`${name} on cluster ${clusterName} (${region})${subject === undefined ? '' : ` for ${subject}`}: more than ${MAX_PAGES} pages; the pagination does not end`);
      }
      const response = await call<P>(name, request(nextToken), subject);
      all.push(...(items(response) ?? []));
      nextToken = token(response);
      if (!nextToken) { return [...new Set(all)]; }
    }
  };

  const described = await call<Eks.DescribeClusterResponse>('DescribeCluster', new sdk.DescribeClusterCommand({ name: clusterName }));
  const cluster = described.cluster;
  if (!cluster) { throw new LiveError(`DescribeCluster on cluster ${clusterName} (${region}): the answer holds no cluster`); }

  const principals = await pages<Eks.ListAccessEntriesResponse, string>('ListAccessEntries',
    (nextToken) => new sdk.ListAccessEntriesCommand({ clusterName, maxResults: PAGE_SIZE, nextToken }), (p) => p.accessEntries, (p) => p.nextToken);
  const nodegroupNames = await pages<Eks.ListNodegroupsResponse, string>('ListNodegroups',
    (nextToken) => new sdk.ListNodegroupsCommand({ clusterName, maxResults: PAGE_SIZE, nextToken }), (p) => p.nodegroups, (p) => p.nextToken);
  const profileNames = await pages<Eks.ListFargateProfilesResponse, string>('ListFargateProfiles',
    (nextToken) => new sdk.ListFargateProfilesCommand({ clusterName, maxResults: PAGE_SIZE, nextToken }),
    (p) => p.fargateProfileNames, (p) => p.nextToken);

  const progress = progressReporter(principals.length, clusterName, log);
  const readEntry = async (principalArn: string): Promise<LiveAccessEntry | undefined> => {
    try {
      const entry = (await call<Eks.DescribeAccessEntryResponse>('DescribeAccessEntry', new sdk.DescribeAccessEntryCommand({ clusterName, principalArn }), principalArn)).accessEntry;
      if (!entry) { throw new LiveError(`DescribeAccessEntry on cluster ${clusterName} (${region}) for ${principalArn}: the answer holds no entry`); }
      const policies = await pages<Eks.ListAssociatedAccessPoliciesResponse, LiveAccessPolicy>('ListAssociatedAccessPolicies',
        (nextToken) => new sdk.ListAssociatedAccessPoliciesCommand({ clusterName, principalArn, maxResults: PAGE_SIZE, nextToken }),
        (p) => p.associatedAccessPolicies?.map(livePolicy), (p) => p.nextToken, principalArn);
      return liveEntry(entry, principalArn, policies);
    } catch (e) {
      if (!isNotFound(e)) { throw e; }
      // Listed, then deleted before it could be read: it is not there any more.
      log(`${principalArn}: deleted while the snapshot was taken; left out`);
      return undefined;
    } finally {
      progress();
    }
  };
  const entries = (await mapWithLimit(principals, concurrency, readEntry)).filter((e): e is LiveAccessEntry => e !== undefined);

  const nodegroups = (await mapWithLimit(nodegroupNames, concurrency, async (nodegroupName) => {
    const response = await optional(call<Eks.DescribeNodegroupResponse>('DescribeNodegroup', new sdk.DescribeNodegroupCommand({ clusterName, nodegroupName }), `node group ${nodegroupName}`));
    const nodeRole = response?.nodegroup?.nodeRole;
    return nodeRole ? { nodegroupName, nodeRole } : undefined;
  })).filter((n): n is LiveNodegroup => n !== undefined);
  const fargateProfiles = (await mapWithLimit(profileNames, concurrency, async (fargateProfileName) => {
    const response = await optional(call<Eks.DescribeFargateProfileResponse>('DescribeFargateProfile', new sdk.DescribeFargateProfileCommand({ clusterName, fargateProfileName }), `Fargate profile ${fargateProfileName}`));
    const podExecutionRoleArn = response?.fargateProfile?.podExecutionRoleArn;
    return podExecutionRoleArn ? { fargateProfileName, podExecutionRoleArn } : undefined;
  })).filter((f): f is LiveFargateProfile => f !== undefined);

  return {
    clusterName,
    clusterArn: cluster.arn,
    region,
    authenticationMode: cluster.accessConfig?.authenticationMode ?? 'CONFIG_MAP',
    bootstrapClusterCreatorAdminPermissions: cluster.accessConfig?.bootstrapClusterCreatorAdminPermissions,
    roleArn: cluster.roleArn,
    computeConfig: cluster.computeConfig && { enabled: cluster.computeConfig.enabled, nodeRoleArn: cluster.computeConfig.nodeRoleArn },
    createdAt: isoOf(cluster.createdAt),
    takenAt,
    accessEntries: entries.sort((a, b) => compare(a.principalArn, b.principalArn)),
    nodegroups: nodegroups.sort((a, b) => compare(a.nodegroupName, b.nodegroupName)),
    fargateProfiles: fargateProfiles.sort((a, b) => compare(a.fargateProfileName, b.fargateProfileName)),
  };
}

function liveEntry(entry: Eks.AccessEntry, principalArn: string, policies: LiveAccessPolicy[]): LiveAccessEntry {
  return dropUndefined({
    principalArn: entry.principalArn ?? principalArn,
    type: entry.type ?? 'STANDARD',
    username: entry.username,
    kubernetesGroups: [...(entry.kubernetesGroups ?? [])],
    tags: { ...(entry.tags ?? {}) },
    associatedAccessPolicies: policies.sort((a, b) => compare(a.policyArn, b.policyArn)),
    accessEntryArn: entry.accessEntryArn,
    createdAt: isoOf(entry.createdAt),
    modifiedAt: isoOf(entry.modifiedAt),
  });
}

function livePolicy(policy: Eks.AssociatedAccessPolicy): LiveAccessPolicy {
  const scope = policy.accessScope ?? {};
  return dropUndefined({
    policyArn: policy.policyArn ?? '',
    accessScope: dropUndefined({ type: scope.type ?? 'cluster', namespaces: scope.namespaces && [...scope.namespaces] }),
    associatedAt: isoOf(policy.associatedAt),
    modifiedAt: isoOf(policy.modifiedAt),
  });
}

/** Prints `read N/total` at each tenth of the way, for clusters over the threshold. */
function progressReporter(total: number, clusterName: string, log: (line: string) => void): () => void {
  if (total <= PROGRESS_THRESHOLD) { return () => undefined; }
  let done = 0;
  let shown = 0;
  log(`cluster ${clusterName}: reading ${total} access entries`);
  return () => {
    done++;
    const tenth = Math.floor((done * 10) / total);
    if (tenth > shown) {
      shown = tenth;
      log(`cluster ${clusterName}: ${done}/${total} access entries read`);
    }
  };
}

/** The answer, or undefined when the item was deleted since it was listed. */
async function optional<T>(response: Promise<T>): Promise<T | undefined> {
  try {
    return await response;
  } catch (e) {
    if (isNotFound(e)) { return undefined; }
    throw e;
  }
}

/** A `ResourceNotFoundException` about the item itself (a missing cluster is another `LiveError`). */
function isNotFound(e: unknown): boolean {
  return e instanceof LiveError && e.notFound;
}

function isoOf(value: Date | string | number | undefined): string | undefined {
  if (value === undefined) { return undefined; }
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) { delete value[key]; }
  }
  return value;
}
