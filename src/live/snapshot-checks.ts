/**
 * Whether a snapshot can stand for the cluster a synth deploys to: the same cluster (name,
 * and account and region where both sides know them), taken after the synth.
 *
 * The synth time is the modification time of the cloud assembly's `manifest.json`: CDK
 * writes it last, at every synth, and nothing else in the assembly says when it was made.
 * Copying `cdk.out` without keeping times (`cp -r`, most CI artifact stores) makes the
 * synth look newer than it is; `allowStale` accepts the snapshot anyway.
 */
import { statSync } from 'fs';
import { join } from 'path';
import { LiveError } from './live-error';
import { ClusterSnapshot } from './snapshot';
import { Environment } from '../facts/cluster-facts';
import { parseArn } from '../private/principal-arn';

/** The cluster a synth names: a literal name, and where its stacks deploy. */
export interface ClusterIdentity {
  readonly name: string;
  readonly env: Environment;
}

/** The account and region of a snapshot, from its cluster ARN and its region. */
export function snapshotEnvironment(snapshot: ClusterSnapshot): Environment {
  const arn = snapshot.clusterArn === undefined ? undefined : parseArn(snapshot.clusterArn);
  return { account: arn?.account || undefined, region: snapshot.region };
}

/** True when the snapshot is of that cluster, as far as both sides know. */
export function isSnapshotOf(snapshot: ClusterSnapshot, cluster: ClusterIdentity): boolean {
  const env = snapshotEnvironment(snapshot);
  const agree = (a?: string, b?: string) => a === undefined || b === undefined || a === b;
  return snapshot.clusterName === cluster.name && agree(env.account, cluster.env.account) && agree(env.region, cluster.env.region);
}

/** When the assembly in `directory` was synthesized; undefined when it has no manifest. */
export function synthTimeOf(directory: string): Date | undefined {
  try {
    return statSync(join(directory, 'manifest.json')).mtime;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a snapshot taken before the synth (its entries may have changed since), unless
 * `allowStale`.
 */
export function checkSnapshotAge(snapshot: ClusterSnapshot, file: string, synthTime: Date | undefined, allowStale: boolean): void {
  if (allowStale || synthTime === undefined) { return; }
  const taken = Date.parse(snapshot.takenAt);
  if (taken < synthTime.getTime()) {
    throw new LiveError(`${file} was taken at ${snapshot.takenAt}, before the synth (${synthTime.toISOString()}, the time of cdk.out/manifest.json): `
      + 'the cluster may have changed since. Fix: take a new snapshot (eks-access-manager snapshot), '
      + 'or pass --allow-stale if cdk.out was copied without its file times');
  }
}
