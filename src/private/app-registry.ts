import { attachCustomSynthesis } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import { Construct, IConstruct } from 'constructs';
import { EntryModel } from './model';

/** What one manager shares with the others of its app, for checks across managers. */
export interface RegisteredManager {
  /** Equal for two managers whose entries go to the same cluster. */
  readonly clusterKey: () => string;
  /** The entries it will synthesize. */
  readonly entries: () => readonly EntryModel[];
  /** Their resources. */
  readonly resources: () => readonly CfnAccessEntry[];
  /** Whether the cluster's access report may be written (any manager can opt out). */
  readonly reportEnabled: boolean;
  /** The earlier report to compare with, when given. */
  readonly reportBaseline?: string;
  /** The cluster as a reader knows it, for the report's title and file name. */
  readonly clusterLabel: () => string;
  /** The cloud assembly directory its stack is written to. */
  readonly outdir: () => string;
}

const MANAGERS_BY_APP = new WeakMap<IConstruct, RegisteredManager[]>();

/**
 * Adds a manager to the list of its app (the root of its construct tree). The first one
 * of an app also installs `afterSynth`, which runs once the app's templates are written
 * (the root is the last construct synthesis visits).
 */
export function registerManager(scope: IConstruct, manager: RegisteredManager, afterSynth: (managers: readonly RegisteredManager[]) => void): void {
  const root = scope.node.root;
  let managers = MANAGERS_BY_APP.get(root);
  if (!managers) {
    const all: RegisteredManager[] = [];
    managers = all;
    MANAGERS_BY_APP.set(root, all);
    attachCustomSynthesis(root as Construct, { onSynthesize: () => afterSynth(all) });
  }
  managers.push(manager);
}

/** Every manager of the app that grants on a cluster, in the order they were created. */
export function appManagersFor(scope: IConstruct, clusterKey: string): RegisteredManager[] {
  const managers = MANAGERS_BY_APP.get(scope.node.root) ?? [];
  return managers.filter((m) => m.clusterKey() === clusterKey);
}

/** Every entry the app grants on a cluster, in the order the managers were created. */
export function appEntriesFor(scope: IConstruct, clusterKey: string): EntryModel[] {
  return appManagersFor(scope, clusterKey).flatMap((m) => m.entries());
}
