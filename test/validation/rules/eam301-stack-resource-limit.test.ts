import { EAM301 } from '../../../src/validation/rules/eam301-stack-resource-limit';
import { checkAll, contextOf } from '../helpers';

const load = (resources: number, sharded = false, limit = 500) => contextOf({
  stacks: [{ stack: 'Platform', resources, entries: resources - 1, limit, sharded }],
});

describe('EAM301 stack resource limit', () => {
  test('accepts a stack of 500 resources', () => {
    expect(checkAll(EAM301, [], load(500))).toEqual([]);
  });

  test('accepts any count when the limit is off (0)', () => {
    expect(checkAll(EAM301, [], load(5000, false, 0))).toEqual([]);
  });

  test('fails on 901 resources and says how many shards to use', () => {
    expect(checkAll(EAM301, [], load(901))).toEqual([{
      field: 'principals',
      message: 'stack Platform would hold 901 resources (900 of them access entries); CloudFormation allows 500',
      fix: 'set `shards: 3` to spread the entries over nested stacks (read "Scale: sharding" in the README first: switching moves every entry once)',
    }]);
  });

  test('fails on a full shard and says to raise the count', () => {
    expect(checkAll(EAM301, [], load(501, true))).toEqual([{
      field: 'shards',
      message: 'stack Platform would hold 501 resources (500 of them access entries); CloudFormation allows 500',
      fix: 'raise `shards` (about 400 entries per shard leaves room)',
    }]);
  });
});

describe('EAM301 beyond what nested stacks can hold', () => {
  test('suggests stacks of their own past 2,500 entries', () => {
    const [violation] = checkAll(EAM301, [], load(2502));
    expect(violation.fix).toBe('set `shards: 7, shardLayout: ShardLayout.STACKS` to spread the entries over stacks (read "Scale: sharding" in the README first: switching moves every entry once)');
  });

  test('suggests nested stacks up to 2,500 entries', () => {
    const [violation] = checkAll(EAM301, [], load(2501));
    expect(violation.fix).toBe('set `shards: 7` to spread the entries over nested stacks (read "Scale: sharding" in the README first: switching moves every entry once)');
  });
});
