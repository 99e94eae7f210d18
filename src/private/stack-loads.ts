import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { StackLoad } from '../validation/rule';

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
