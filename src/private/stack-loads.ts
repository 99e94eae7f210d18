import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { OperationLoad, StackLoad } from '../validation/rule';

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
    const count = { resources: 0, entries: 0 };
    countResources(stack, own, count);
    return { stack: stack.node.path, ...count, limit, sharded };
  });
}

/** CloudFormation's limit on resource changes in one operation of a nested-stack hierarchy. */
const OPERATION_LIMIT = 2500;

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
    const count = { resources: 0, nestedStacks: 0 };
    countHierarchy(root, count);
    if (count.nestedStacks > 0) {
      loads.push({ stack: root.node.path, resources: count.resources, nestedStacks: count.nestedStacks, limit: OPERATION_LIMIT });
    }
  }
  return loads;
}

function rootOf(stack: Stack): Stack {
  let root = stack;
  while (root.nestedStackParent) { root = root.nestedStackParent; }
  return root;
}

/** Counts the resources of a stack and of every stack nested in it. */
function countHierarchy(scope: IConstruct, count: { resources: number; nestedStacks: number }): void {
  for (const child of scope.node.children) {
    if (Stack.isStack(child)) {
      // A top-level stack inside a construct tree is another operation; a nested one is not.
      if (!child.nested) { continue; }
      count.nestedStacks++;
    } else if (CfnResource.isCfnResource(child)) {
      count.resources++;
    }
    countHierarchy(child, count);
  }
}

/**
 * Counts the resources of a stack's own template, and how many of them are in `own`:
 * nested stacks have templates of their own, so the walk does not enter them.
 */
function countResources(scope: IConstruct, own: ReadonlySet<IConstruct>, count: { resources: number; entries: number }): void {
  for (const child of scope.node.children) {
    if (Stack.isStack(child)) { continue; }
    if (CfnResource.isCfnResource(child)) {
      count.resources++;
      if (own.has(child)) { count.entries++; }
    }
    countResources(child, own, count);
  }
}
