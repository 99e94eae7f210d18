import { EAM302 } from '../../../src/validation/rules/eam302-nested-operation-limit';
import { checkAll, contextOf } from '../helpers';

const operation = (resources: number) => contextOf({
  operations: [{ stack: 'Platform', resources, nestedStacks: 8, limit: 2500 }],
});

describe('EAM302 resources per nested-stack operation', () => {
  test('accepts a hierarchy of 2,500 resources', () => {
    expect(checkAll(EAM302, [], operation(2500))).toEqual([]);
  });

  test('fails on 2,501 resources in one operation, and says to use stacks', () => {
    expect(checkAll(EAM302, [], operation(2501))).toEqual([{
      field: 'shardLayout',
      message: 'stack Platform and its 8 nested stacks would create 2501 resources in one deploy; CloudFormation allows 2500 per operation of a nested-stack hierarchy',
      fix: 'set `shardLayout: ShardLayout.STACKS` (each shard a stack of its own, deployed as its own operation by `cdk deploy --all`); read "Scale: sharding" in the README before switching a deployed map',
    }]);
  });

  test('accepts any count where no operation is known (outside a CDK app)', () => {
    expect(checkAll(EAM302, [], contextOf())).toEqual([]);
  });
});
