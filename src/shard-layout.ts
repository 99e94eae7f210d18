/**
 * Where a sharded manager puts its shards.
 *
 * CloudFormation limits a stack to 500 resources, and one operation of a root stack with
 * its nested stacks to 2,500 resource changes; EKS allows 3,000 entries per cluster.
 *
 * @example
 * new EksAccessManager(stack, 'Access', {
 *   clusterName: 'prod',
 *   shards: 8,
 *   shardLayout: ShardLayout.STACKS,
 *   principals,
 * });
 */
export enum ShardLayout {
  /**
   * Each shard is a nested stack of the manager's stack: one `cdk deploy` of that stack,
   * one CloudFormation operation, at most 2,500 entries in all (rule EAM302).
   */
  NESTED_STACKS = 'nested-stacks',

  /**
   * Each shard is a stack of its own in the manager's Stage, deployed as its own
   * CloudFormation operation after the manager's stack (`cdk deploy --all`): up to the
   * 3,000 entries EKS allows, deployable from an empty cluster.
   */
  STACKS = 'stacks',
}
