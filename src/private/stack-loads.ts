import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { OperationLoad, StackLoad } from '../validation/rule';
import { NESTED_OPERATION_LIMIT } from '../validation/rules/eam302-nested-operation-limit';

/** CloudFormation's limit on resources in one stack, and CDK's context key that changes it. */
const DEFAULT_RESOURCE_LIMIT = 500;
const RESOURCE_LIMIT_CONTEXT = '@aws-cdk/core:stackResourceLimit';

/**
 * How full each stack that holds a manager's entries will be, for rule EAM301.
 *
 * @param scope the manager (its context gives the limit)
 * @param stacks the stacks that hold its entries
 * @param own its entries
 * @param sharded whether the stacks are the manager's shards
 */
export function stackLoads(scope: IConstruct, stacks: readonly Stack[], own: ReadonlySet<IConstruct>, sharded: boolean): StackLoad[] {
  const context = scope.node.tryGetContext(RESOURCE_LIMIT_CONTEXT);
  const limit = context === undefined ? DEFAULT_RESOURCE_LIMIT : Number(context);
  return stacks.map((stack) => {
    const count = { resources: 0, entries: 0, nestedStacks: 0 };
    countResources(stack, own, false, count);
    return { stack: stack.node.path, resources: count.resources, entries: count.entries, limit, sharded };
  });
}

/**
 * What one deploy of each root stack that holds a manager's entries would change, for
 * rule EAM302: the root and all its nested stacks are one CloudFormation operation.
 * Every resource counts, since a first deploy creates them all.
 *
 * @param stacks the stacks that hold the entries (nested or not)
 */
export function operationLoads(stacks: readonly Stack[]): OperationLoad[] {
  const roots = new Set<Stack>();
  for (const stack of stacks) { roots.add(rootOf(stack)); }
  const loads: OperationLoad[] = [];
  for (const root of roots) {
    const count = { resources: 0, entries: 0, nestedStacks: 0 };
    countResources(root, NONE, true, count);
    if (count.nestedStacks > 0) {
      loads.push({ stack: root.node.path, resources: count.resources, nestedStacks: count.nestedStacks, limit: NESTED_OPERATION_LIMIT });
    }
  }
  return loads;
}

const NONE: ReadonlySet<IConstruct> = new Set();

function rootOf(stack: Stack): Stack {
  let root = stack;
  while (root.nestedStackParent) { root = root.nestedStackParent; }
  return root;
}

/** What a walk of a stack counts. */
interface ResourceCount {
  resources: number;
  /** Of which in `own`. */
  entries: number;
  nestedStacks: number;
}

/**
 * Counts the resources under `scope`: those of its stack's own template, and, with
 * `withNested`, those of the stacks nested in it too (one deploy operation). A top-level
 * stack inside the tree is another template and another operation: never entered.
 */
function countResources(scope: IConstruct, own: ReadonlySet<IConstruct>, withNested: boolean, count: ResourceCount): void {
  for (const child of scope.node.children) {
    if (Stack.isStack(child)) {
      if (!withNested || !child.nested) { continue; }
      count.nestedStacks++;
    } else if (CfnResource.isCfnResource(child)) {
      count.resources++;
      if (own.has(child)) { count.entries++; }
    }
    countResources(child, own, withNested, count);
  }
}
