import { Rule, Severity, Violation } from '../rule';

/** CloudFormation's limit on resource changes in one operation of a nested-stack hierarchy. */
export const NESTED_OPERATION_LIMIT = 2500;

/**
 * R28: one operation of a root stack and its nested stacks may create, update or delete
 * at most 2,500 resources. 3,000 entries in nested shards under one root fail the first
 * `cdk deploy` of an empty cluster; shards as stacks of their own are one operation each.
 */
export const EAM302: Rule = {
  id: 'EAM302',
  severity: Severity.ERROR,
  summary: 'One deploy of a root stack and its nested stacks (nested shards) changes at most 2,500 resources, CloudFormation\'s limit per operation.',
  source: 'R28 — AWS CloudFormation quotas (user guide): 2,500 resources per nested-stack operation',
  checkAll: (_entries, context) => {
    const violations: Violation[] = [];
    for (const load of context.operations ?? []) {
      if (load.resources <= load.limit) { continue; }
      violations.push({
        field: 'shardLayout',
        message: `stack ${load.stack} and its ${load.nestedStacks} nested stacks would create ${load.resources} resources in one deploy; CloudFormation allows ${load.limit} per operation of a nested-stack hierarchy`,
        fix: 'set `shardLayout: ShardLayout.STACKS` (each shard a stack of its own, deployed as its own operation by `cdk deploy --all`); read "Scale: sharding" in the README before switching a deployed map',
      });
    }
    return violations;
  },
};
