import { EAM007 } from '../../../src/validation/rules/eam007-node-account';
import { checkEntry, contextOf } from '../helpers';

const OTHER_ACCOUNT_ROLE = 'arn:aws:iam::444455556666:role/nodes';
const inAccount = contextOf({ account: '111122223333' });

describe('EAM007 node roles are in the cluster account', () => {
  test('accepts a node role of the cluster account', () => {
    expect(checkEntry(EAM007, { type: 'EC2_LINUX' }, inAccount, 'arn:aws:iam::111122223333:role/nodes')).toEqual([]);
  });

  test('accepts a cross-account STANDARD principal', () => {
    expect(checkEntry(EAM007, {}, inAccount, OTHER_ACCOUNT_ROLE)).toEqual([]);
  });

  test('accepts a node role when the stack account is not known', () => {
    expect(checkEntry(EAM007, { type: 'EC2_LINUX' }, contextOf(), OTHER_ACCOUNT_ROLE)).toEqual([]);
  });

  test('fails on a node role of another account', () => {
    expect(checkEntry(EAM007, { type: 'FARGATE_LINUX' }, inAccount, OTHER_ACCOUNT_ROLE)).toEqual([{
      field: 'type',
      message: 'a node entry (FARGATE_LINUX) for a role of account 444455556666, but the cluster is in account 111122223333',
      fix: 'use a node role of the cluster\'s account, or type STANDARD for a cross-account principal that is not a node',
    }]);
  });
});
