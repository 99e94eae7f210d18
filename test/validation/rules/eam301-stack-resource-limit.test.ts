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
    const [violation] = checkAll(EAM301, [], load(901));
    expect(violation.message).toBe('stack Platform would hold 901 resources (900 of them access entries); CloudFormation allows 500');
    expect(violation.fix).toContain('set `shards: 3`');
  });

  test('fails on a full shard and says to raise the count', () => {
    expect(checkAll(EAM301, [], load(501, true))[0].fix).toContain('raise `shards`');
  });
});
