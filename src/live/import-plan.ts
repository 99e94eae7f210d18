/**
 * Adoption of existing entries through `cdk import`: for each stack whose declared entries
 * collide with entries no stack owns, the resource mapping that
 * `cdk import <stack> --resource-mapping FILE` takes, and what CloudFormation requires
 * first. From the CloudFormation user guide ("Import AWS resources into a CloudFormation
 * stack") and the CDK CLI reference (`cdk import`):
 *
 * - each resource to import has a `DeletionPolicy` in the template;
 * - an import operation only adds the imported resources: the CLI refuses to run while a
 *   resource the stack already has would change, and leaves resources to create for the
 *   next deploy;
 * - the CDK CLI cannot import into a nested stack;
 * - a resource that belongs to another stack cannot be imported.
 *
 * `AWS::EKS::AccessEntry` is importable; its identifier is `ClusterName` and `PrincipalArn`.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { LiveError } from './live-error';
import type { PlanChange } from './plan';
import { PlanAction } from './plan-action';

/** The actions that change a stack's entries, besides the conflicts an import resolves. */
const CHANGES_OF_STACK: ReadonlySet<PlanAction> = new Set([PlanAction.CREATE, PlanAction.UPDATE, PlanAction.DELETE]);

/** One stack's import. */
export interface ImportPlan {
  readonly stackName: string;
  /** As the CDK CLI selects it: `cdk import <displayName>`. */
  readonly displayName: string;
  /** `<stack name>.resource-mapping.json` */
  readonly fileName: string;
  /** Logical id to the entry's identifier, for `--resource-mapping`; empty when nothing can be imported yet. */
  readonly mapping: Readonly<Record<string, { readonly ClusterName: string; readonly PrincipalArn: string }>>;
  /** What must change before the import can run, each with its fix; empty when it can run as the synth is. */
  readonly blockers: readonly string[];
  /** What else to know: what the import leaves for the deploy after it. */
  readonly notes: readonly string[];
}

/**
 * The import of each stack with conflicts that an import resolves: entries that exist and
 * that no stack owns.
 */
export function importPlansOf(changes: readonly PlanChange[], clusterName: string): ImportPlan[] {
  const byStack = new Map<string, PlanChange[]>();
  for (const change of changes) {
    if (change.action !== PlanAction.CONFLICT || change.owner || !change.declared || !change.live || !change.difference) { continue; }
    const list = byStack.get(change.declared.place.stackName) ?? [];
    list.push(change);
    byStack.set(change.declared.place.stackName, list);
  }
  return [...byStack.entries()].map(([stackName, conflicts]) => {
    const mapping: Record<string, { ClusterName: string; PrincipalArn: string }> = {};
    const blockers: string[] = [];
    const notes: string[] = [];
    const withoutPolicy: string[] = [];
    for (const change of conflicts) {
      const entry = change.declared!;
      const live = change.live!;
      if (entry.place.nestedStackIds.length > 0) {
        blockers.push(`${live.principalArn} (${entry.place.logicalId}) is in nested stack ${entry.place.nestedStackIds.join('/')} of ${stackName}, and cdk import cannot import into a nested stack. `
          + 'Fix: set shardLayout: ShardLayout.STACKS on the manager (its shards become stacks of their own), or declare the principal in a manager of a top-level stack; synthesize and plan again');
        continue;
      }
      mapping[entry.place.logicalId] = { ClusterName: clusterName, PrincipalArn: live.principalArn };
      if (entry.deletionPolicy === undefined) { withoutPolicy.push(entry.place.logicalId); }
      const difference = change.difference!;
      if (difference.typeChange) {
        blockers.push(`${live.principalArn} is a ${difference.typeChange.from} entry and the app declares ${difference.typeChange.to}: Type cannot be updated, so the deploy after the import would replace it and fail with 409. `
          + `Fix: declare type ${difference.typeChange.from}, or delete the live entry before deploying (its access stops until the deploy)`);
      } else if (difference.changes.length > 0) {
        notes.push(`after the import, cdk deploy changes ${live.principalArn}: ${difference.changes.join('; ')}${difference.widening ? ' (widening)' : ''}`);
      }
    }
    if (withoutPolicy.length > 0) {
      blockers.push(`${withoutPolicy.join(', ')} ${withoutPolicy.length === 1 ? 'has' : 'have'} no DeletionPolicy in the template, and CloudFormation imports only resources that have one. `
        + 'Fix: set removalPolicy: RemovalPolicy.RETAIN on the EksAccessManager (every entry gets DeletionPolicy and UpdateReplacePolicy Retain; '
        + 'on an entry of another construct, applyRemovalPolicy(RemovalPolicy.RETAIN)), synthesize and plan again');
    }
    const others = changes.filter((c) => c.stack === stackName && CHANGES_OF_STACK.has(c.action));
    const changing = others.filter((c) => c.action !== PlanAction.CREATE);
    if (changing.length > 0) {
      blockers.push(`stack ${stackName} also changes ${changing.length} existing ${changing.length === 1 ? 'entry' : 'entries'} (${changing.map((c) => `${c.action} ${c.principalArn}`).join(', ')}), and cdk import refuses to run while a resource of the stack would change. `
        + 'Fix: deploy those changes first, with the conflicting principals left out of the app, then add them back and import');
    }
    const creates = others.length - changing.length;
    if (creates > 0) {
      notes.push(`cdk import leaves the ${creates} ${creates === 1 ? 'entry' : 'entries'} to create in ${stackName} to the cdk deploy after it`);
    }
    if (Object.keys(mapping).length > 0) {
      notes.push(`run cdk diff ${displayOf(conflicts)} first: besides the imported entries it must show no change to the stack's other resources`);
    }
    return { stackName, displayName: displayOf(conflicts), fileName: `${stackName}.resource-mapping.json`, mapping, blockers, notes };
  });
}

/** Writes the mapping of each import that has something to import into `directory`; returns the paths written. */
export function writeImportMappings(directory: string, plans: readonly ImportPlan[]): string[] {
  const written: string[] = [];
  try {
    mkdirSync(directory, { recursive: true });
    for (const plan of plans) {
      if (Object.keys(plan.mapping).length === 0) { continue; }
      const path = join(directory, plan.fileName);
      writeFileSync(path, JSON.stringify(plan.mapping, undefined, 2) + '\n');
      written.push(path);
    }
  } catch (e) {
    throw new LiveError(`cannot write the import mappings to ${directory}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return written;
}

function displayOf(conflicts: readonly PlanChange[]): string {
  return conflicts[0].declared!.displayName;
}
