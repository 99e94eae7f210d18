import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { OperationLoad, StackLoad } from '../validation/rule';
import { NESTED_OPERATION_LIMIT } from '../validation/rules/eam302-nested-operation-limit';

/** CloudFormation's limit on resources in one stack, and CDK's context key that changes it. */
const DEFAULT_RESOURCE_LIMIT = 500;
const RESOURCE_LIMIT_CONTEXT = '@aws-cdk/core:stackResourceLimit';

/**
 * How full each stack that holds a manager's entries will be (rule EAM301), and what one
 * deploy of each root stack among them would change (rule EAM302: the root and all its
 * nested stacks are one CloudFormation operation, and every resource counts, since a first
 * deploy creates them all). One walk of each root stack gives both.
 *
 * @param scope the manager (its context gives the limit)
 * @param stacks the stacks that hold its entries (nested or not)
 * @param own its entries
 * @param sharded whether the stacks are the manager's shards
 */
export function stackLoads(
  scope: IConstruct,
  stacks: readonly Stack[],
  own: ReadonlySet<IConstruct>,
  sharded: boolean,
): { stacks: StackLoad[]; operations: OperationLoad[] } {
  const context = scope.node.tryGetContext(RESOURCE_LIMIT_CONTEXT);
  const limit = context === undefined ? DEFAULT_RESOURCE_LIMIT : Number(context);
  const walks = new Map<Stack, RootWalk>();
  const loads = stacks.map((stack) => {
    const root = rootOf(stack);
    let walk = walks.get(root);
    if (!walk) {
      walk = walkRoot(root, own);
      walks.set(root, walk);
    }
    const count = walk.templates.get(stack) ?? walkRoot(stack, own).templates.get(stack)!;
    return { stack: stack.node.path, resources: count.resources, entries: count.entries, limit, sharded };
  });
  const operations: OperationLoad[] = [];
  for (const [root, walk] of walks) {
    if (walk.nestedStacks > 0) {
      operations.push({ stack: root.node.path, resources: walk.resources, nestedStacks: walk.nestedStacks, limit: NESTED_OPERATION_LIMIT });
    }
  }
  return { stacks: loads, operations };
}

function rootOf(stack: Stack): Stack {
  let root = stack;
  while (root.nestedStackParent) { root = root.nestedStackParent; }
  return root;
}

/** What one template holds. */
interface TemplateCount {
  resources: number;
  /** Of which the manager's entries. */
  entries: number;
}

/** What a walk of a root stack counts: each template's resources, and the operation's. */
interface RootWalk {
  /** The root's template and each nested stack's. */
  readonly templates: Map<Stack, TemplateCount>;
  /** Resources of the whole operation: the root and every stack nested in it. */
  resources: number;
  nestedStacks: number;
}

function walkRoot(root: Stack, own: ReadonlySet<IConstruct>): RootWalk {
  const count: TemplateCount = { resources: 0, entries: 0 };
  const walk: RootWalk = { templates: new Map([[root, count]]), resources: 0, nestedStacks: 0 };
  countResources(root, count, own, walk);
  return walk;
}

/**
 * Counts the resources under `scope` into the template that holds them, and into the
 * operation. A nested stack is a template of its own in the same operation; a top-level
 * stack inside the tree is another template and another operation: never entered.
 */
function countResources(scope: IConstruct, template: TemplateCount, own: ReadonlySet<IConstruct>, walk: RootWalk): void {
  for (const child of scope.node.children) {
    if (CfnResource.isCfnResource(child)) {
      template.resources++;
      walk.resources++;
      if (own.has(child)) { template.entries++; }
    } else if (Stack.isStack(child)) {
      if (!child.nested) { continue; }
      walk.nestedStacks++;
      const nested: TemplateCount = { resources: 0, entries: 0 };
      walk.templates.set(child, nested);
      countResources(child, nested, own, walk);
      continue;
    }
    countResources(child, template, own, walk);
  }
}
