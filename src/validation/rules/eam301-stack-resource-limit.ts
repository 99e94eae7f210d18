import { NESTED_OPERATION_LIMIT } from './eam302-nested-operation-limit';
import { Rule, Severity, Violation } from '../rule';

/** Entries per shard that leave room under the 500-resource limit for growth. */
export const ENTRIES_PER_SHARD = 400;

/**
 * CloudFormation: a stack holds at most 500 resources. Without sharding, one manager's
 * stack fails deploy at about 499 entries while EKS allows 3,000 per cluster.
 */
export const EAM301: Rule = {
  id: 'EAM301',
  severity: Severity.ERROR,
  summary: 'A stack that holds access entries stays within CloudFormation\'s 500 resources (shard the entries beyond that).',
  source: 'R28 — CloudFormation quotas: 500 resources per template',
  checkAll: (_entries, context) => {
    const violations: Violation[] = [];
    for (const load of context.stacks ?? []) {
      if (load.limit <= 0 || load.resources <= load.limit) { continue; }
      const shards = Math.ceil(load.entries / ENTRIES_PER_SHARD);
      // Nested shards are one operation, at most 2,500 changes (EAM302): beyond that, stacks.
      const layout = load.entries > NESTED_OPERATION_LIMIT ? ', shardLayout: ShardLayout.STACKS' : '';
      violations.push({
        field: load.sharded ? 'shards' : 'principals',
        message: `stack ${load.stack} would hold ${load.resources} resources (${load.entries} of them access entries); CloudFormation allows ${load.limit}`,
        fix: load.sharded
          ? `raise \`shards\` (about ${ENTRIES_PER_SHARD} entries per shard leaves room)`
          : `set \`shards: ${Math.max(2, shards)}${layout}\` to spread the entries over ${layout ? 'stacks' : 'nested stacks'} (read "Scale: sharding" in the README first: switching moves every entry once)`,
      });
    }
    return violations;
  },
};
