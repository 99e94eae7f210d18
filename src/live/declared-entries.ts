/**
 * What a synth declares for the cluster of a snapshot: its access entries, read from the
 * cloud assembly through the template adapter of the facts model (`templateFactsOf`, the
 * reader of the validation plugin, nested stacks followed), each with the stack that
 * deploys it.
 */
import { existsSync } from 'fs';
import { join, resolve } from 'path';
import { LiveError } from './live-error';
import { ResourcePlace } from './ownership';
import { ClusterSnapshot } from './snapshot';
import { isSnapshotOf, snapshotEnvironment } from './snapshot-checks';
import { StackArtifact, stackArtifactsIn } from '../facts/assembly-manifest';
import { templateFactsOf } from '../facts/template-facts';
import { EntryModel } from '../private/model';
import { InAppCluster } from '../validation/rule';

/** An access entry of the synth. */
export interface DeclaredEntry {
  readonly model: EntryModel;
  /** Its principal's ARN, when the synth knows it (a literal, or a token whose every part is known). */
  readonly principalArn?: string;
  /** Where CloudFormation deploys it. */
  readonly place: ResourcePlace;
  /** The stack as the CDK CLI selects it (`cdk import <displayName>`). */
  readonly displayName: string;
  /** Its `DeletionPolicy`, as the template writes it. */
  readonly deletionPolicy?: unknown;
}

/** The cluster of a snapshot, as the synth declares it. */
export interface DeclaredCluster {
  readonly entries: readonly DeclaredEntry[];
  /** What the synth says of the cluster, when it defines it. */
  readonly inApp?: InAppCluster;
  /** Every top-level stack of the assembly. */
  readonly stacks: readonly StackArtifact[];
}

/**
 * The entries the assembly in `directory` declares for the snapshot's cluster. Throws a
 * `LiveError` when the directory is no cloud assembly, or when the snapshot is of a
 * cluster the synth does not grant on.
 */
export function declaredClusterOf(directory: string, snapshot: ClusterSnapshot, snapshotFile: string): DeclaredCluster {
  if (!existsSync(join(directory, 'manifest.json'))) {
    throw new LiveError(`${directory} is not a cloud assembly (it has no manifest.json). Fix: give the cdk.out directory of a synth (npx cdk synth)`);
  }
  const stacks = stackArtifactsIn(resolve(directory));
  const byTemplate = new Map(stacks.map((s) => [s.templatePath, s]));
  const clusters = templateFactsOf(stacks.map((s) => s.templatePath));
  const named = clusters.map((c) => ({ cluster: c, identity: c.named }));
  const match = named.filter((n) => n.identity !== undefined && isSnapshotOf(snapshot, n.identity));
  if (match.length === 0) {
    const env = snapshotEnvironment(snapshot);
    const declared = named.map((n) => n.identity ? n.cluster.label : `${n.cluster.label} (a name known only at deploy)`);
    throw new LiveError(`${snapshotFile} is a snapshot of cluster ${snapshot.clusterName} (${[env.account, env.region].filter(Boolean).join(', ')}), `
      + `and ${directory} declares no access entry for it${declared.length > 0 ? `; it declares entries for ${declared.join(', ')}` : ''}. `
      + 'Fix: take the snapshot of the cluster the app grants on, or give that cluster a literal name in the app');
  }
  const entries: DeclaredEntry[] = [];
  for (const { cluster } of match) {
    for (const entry of cluster.entries) {
      const stack = byTemplate.get(entry.rootTemplatePath);
      const principal = entry.model.principal;
      entries.push({
        model: entry.model,
        principalArn: principal.arn ?? principal.facts.resolvedArn,
        place: { stackName: stack?.stackName ?? entry.rootTemplatePath, nestedStackIds: entry.nestedStackIds, logicalId: entry.logicalId },
        displayName: stack?.displayName ?? entry.rootTemplatePath,
        deletionPolicy: entry.deletionPolicy,
      });
    }
  }
  return { entries, inApp: match.find((m) => m.cluster.inApp)?.cluster.inApp, stacks };
}
