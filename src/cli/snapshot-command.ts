import { CommandSpec, ParsedCommand } from './command';
import { CliIo, ExitCode, UsageError } from './io';
import { CLUSTER_OPTION, CONCURRENCY_OPTION, liveErrors, PROFILE_OPTION, readCluster, REGION_OPTION } from './live-source';
import { formatSnapshot, writeSnapshotFile } from '../live/snapshot-file';

export const SNAPSHOT_COMMAND: CommandSpec = {
  name: 'snapshot',
  summary: 'reads a cluster\'s access entries with the AWS SDK into one JSON document',
  description: [
    'Reads the cluster with the AWS SDK for JavaScript v3 (DescribeCluster, ListAccessEntries, DescribeAccessEntry, ListAssociatedAccessPolicies, ListNodegroups, DescribeNodegroup, ListFargateProfiles, DescribeFargateProfile), paginated, a few dozen calls at a time, with the SDK\'s adaptive retries for throttling. Prints one JSON document whose fields are the EKS API\'s own, or writes it whole to --out; plan and adopt take it with --live. Progress goes to stderr past 100 entries.',
    'Exits 0 when the snapshot is complete, 2 when it cannot be taken (no credentials, no such cluster, a call denied or throttled past the retries): the message names the call and the cluster, and nothing is written.',
  ],
  arguments: [],
  takes: 'no arguments',
  options: [
    { ...CLUSTER_OPTION, description: 'the EKS cluster to read (required)' },
    REGION_OPTION,
    PROFILE_OPTION,
    { name: 'out', value: 'file', description: 'write the snapshot to this file (written beside it, then renamed: never half a file) instead of stdout' },
    CONCURRENCY_OPTION,
  ],
  run: snapshot,
};

async function snapshot(command: ParsedCommand, io: CliIo): Promise<ExitCode> {
  const cluster = command.string('cluster');
  if (cluster === undefined) { throw new UsageError('--cluster NAME is required'); }
  const taken = await readCluster(command, io, cluster);
  const out = command.string('out');
  if (out === undefined) {
    io.out(formatSnapshot(taken).trimEnd());
  } else {
    liveErrors(() => writeSnapshotFile(out, taken));
    io.err(`cluster ${cluster}: ${taken.accessEntries.length} access entries written to ${out}`);
  }
  return ExitCode.OK;
}
