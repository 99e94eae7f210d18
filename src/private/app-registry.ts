import { Stage } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import { IConstruct } from 'constructs';
import { AcknowledgementRecord } from './acknowledgements';
import { EntryModel } from './model';
import { afterStageTemplates } from './report-hook';
import { GroupModel } from '../rbac/group-model';

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
  /** The findings its user acknowledged, with their reasons, for the report. */
  readonly acknowledgements: () => readonly AcknowledgementRecord[];
  /** The Kubernetes groups it binds (every declaration). */
  readonly groups: () => readonly GroupModel[];
  /** The manifests of those bindings, once made. */
  readonly manifests: () => readonly IConstruct[];
  /** Makes its entries and manifests now, if the app is complete and they are not made yet. */
  readonly complete: () => void;
}

const MANAGERS_BY_APP = new WeakMap<IConstruct, RegisteredManager[]>();
const MANAGERS_BY_STAGE = new WeakMap<IConstruct, RegisteredManager[]>();

/**
 * Adds a manager to the list of its app (the root of its construct tree), for checks
 * across managers, and to the list of its Stage. The first one of a Stage also installs
 * `afterSynth`, which runs with the Stage's managers each time its templates are written
 * (see `afterStageTemplates`: a construct of this library, not the App root's custom
 * synthesis, which another library or another copy of this one may hold).
 */
export function registerManager(scope: IConstruct, manager: RegisteredManager, afterSynth: (managers: readonly RegisteredManager[]) => void): void {
  listOf(MANAGERS_BY_APP, scope.node.root).push(manager);
  const stageManagers = listOf(MANAGERS_BY_STAGE, Stage.of(scope) ?? scope.node.root);
  if (stageManagers.length === 0) {
    afterStageTemplates(scope, () => afterSynth(stageManagers));
  }
  stageManagers.push(manager);
}

function listOf(lists: WeakMap<IConstruct, RegisteredManager[]>, key: IConstruct): RegisteredManager[] {
  let list = lists.get(key);
  if (!list) {
    list = [];
    lists.set(key, list);
  }
  return list;
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

/** Every group binding the app declares on a cluster, in the order the managers were created. */
export function appGroupsFor(scope: IConstruct, clusterKey: string): GroupModel[] {
  return appManagersFor(scope, clusterKey).flatMap((m) => m.groups());
}
