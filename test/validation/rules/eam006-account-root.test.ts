import { EAM006 } from '../../../src/validation/rules/eam006-account-root';
import { checkEntry, contextOf } from '../helpers';

const check = (principal: string) => checkEntry(EAM006, {}, contextOf(), principal);

describe('EAM006 no account root', () => {
  test('accepts a role named root', () => {
    expect(check('arn:aws:iam::111122223333:role/root')).toEqual([]);
  });

  test('fails on the account root, which grants nothing', () => {
    expect(check('arn:aws-cn:iam::111122223333:root')[0].message).toBe('is the root of account 111122223333; an access entry for it grants nobody anything');
  });
});
