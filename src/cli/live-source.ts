import { OptionSpec, ParsedCommand } from './command';
import { CliIo, InputError, readInput, UsageError } from './io';
import { readTextFile } from './text-file';
import { createEksClient, loadEksSdk } from '../live/eks-sdk';
import { LiveError } from '../live/live-error';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, readClusterSnapshot } from '../live/read-snapshot';
import { ClusterSnapshot } from '../live/snapshot';
import { parseSnapshot } from '../live/snapshot-file';

/** The options that say which cluster to read, and how. */
export const CLUSTER_OPTION: OptionSpec = { name: 'cluster', value: 'name', description: 'the EKS cluster to read with the AWS SDK (needs AWS credentials)' };
export const REGION_OPTION: OptionSpec = { name: 'region', value: 'region', description: 'the cluster\'s region (default: AWS_REGION, or the profile\'s region)' };
export const PROFILE_OPTION: OptionSpec = { name: 'profile', value: 'profile', description: 'the AWS profile of the shared config and credentials files (default: AWS_PROFILE, or the default chain)' };
export const CONCURRENCY_OPTION: OptionSpec = {
  name: 'concurrency', value: 'n', default: String(DEFAULT_CONCURRENCY), description: `the most EKS calls in flight, 1 to ${MAX_CONCURRENCY}`,
};
export const LIVE_OPTION: OptionSpec = { name: 'live', value: 'file', description: 'a snapshot file (eks-access-manager snapshot --out), instead of reading the cluster' };

/** The options `liveSource` reads, in the order the help lists them. */
export const LIVE_SOURCE_OPTIONS: readonly OptionSpec[] = [LIVE_OPTION, CLUSTER_OPTION, REGION_OPTION, PROFILE_OPTION, CONCURRENCY_OPTION];

/** Where a command's live state comes from. */
export interface LiveSource {
  readonly snapshot: ClusterSnapshot;
  /** The snapshot file, when it came from one. */
  readonly file?: string;
  /** How to name it in messages. */
  readonly label: string;
}

/** A snapshot file is larger than the CLI's other inputs: 3,000 entries with their policies and tags. */
const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/** The snapshot of `--live FILE`, or of the cluster `--cluster NAME` names, read now. */
export async function liveSource(command: ParsedCommand, io: CliIo): Promise<LiveSource> {
  const file = command.string('live');
  const cluster = command.string('cluster');
  if ((file === undefined) === (cluster === undefined)) {
    throw new UsageError(file === undefined ? 'give --live FILE (a snapshot) or --cluster NAME (read it now)' : 'give --live FILE or --cluster NAME, not both');
  }
  if (file !== undefined) {
    for (const name of ['region', 'profile']) {
      if (command.string(name) !== undefined) { throw new UsageError(`--${name} goes with --cluster; a snapshot file says its region`); }
    }
    return { snapshot: liveErrors(() => parseSnapshot(readSnapshotText(file), file)), file, label: file };
  }
  return { snapshot: await readCluster(command, io, cluster!), label: `cluster ${cluster}` };
}

/** Reads the cluster with the SDK: progress and notes on stderr. */
export async function readCluster(command: ParsedCommand, io: CliIo, clusterName: string): Promise<ClusterSnapshot> {
  const concurrency = Number(command.string('concurrency') ?? DEFAULT_CONCURRENCY);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency is a whole number from 1 to ${MAX_CONCURRENCY}, got "${command.string('concurrency')}"`);
  }
  try {
    const sdk = loadEksSdk();
    const client = createEksClient(sdk, { region: command.string('region'), profile: command.string('profile') });
    try {
      return await readClusterSnapshot(sdk, client, { clusterName, concurrency, log: io.err });
    } finally {
      client.destroy();
    }
  } catch (e) {
    throw asInputError(e);
  }
}

/** Runs `work`, turning the reader's `LiveError` into the CLI's `InputError` (exit code 2, the message alone). */
export function liveErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw asInputError(e);
  }
}

function asInputError(e: unknown): unknown {
  return e instanceof LiveError ? new InputError(e.message) : e;
}

function readSnapshotText(file: string): string {
  return readInput({ readFile: (path) => readTextFile(path, MAX_SNAPSHOT_BYTES) }, file, '--live expects a snapshot file (eks-access-manager snapshot --out)');
}
