import { EAM008 } from '../../../src/validation/rules/eam008-node-role';
import { checkEntry, contextOf } from '../helpers';

describe('EAM008 node entries are for roles', () => {
  test('accepts a node role', () => {
    expect(checkEntry(EAM008, { type: 'EC2_WINDOWS' }, contextOf(), 'arn:aws:iam::111122223333:role/nodes')).toEqual([]);
  });

  test('accepts a STANDARD user', () => {
    expect(checkEntry(EAM008, {}, contextOf(), 'arn:aws:iam::111122223333:user/alice')).toEqual([]);
  });

  test('fails on a node entry for a user', () => {
    expect(checkEntry(EAM008, { type: 'HYBRID_LINUX' }, contextOf(), 'arn:aws:iam::111122223333:user/alice')).toEqual([{
      field: 'type',
      message: 'a node entry (HYBRID_LINUX) for an IAM user; nodes authenticate with a role',
      fix: 'use the node role\'s ARN, or type STANDARD for a person',
    }]);
  });
});
