import { Stack, Token } from 'aws-cdk-lib';
import { describePrincipal } from '../../../src/principal';
import { EAM006 } from '../../../src/validation/rules/eam006-account-root';
import { checkEntry, contextOf } from '../helpers';

const check = (principal: string) => checkEntry(EAM006, {}, contextOf(), principal);

describe('EAM006 no account root', () => {
  test('accepts a role named root', () => {
    expect(check('arn:aws:iam::111122223333:role/root')).toEqual([]);
  });

  test('fails on the account root, which grants nothing, and says what to grant instead', () => {
    expect(check('arn:aws-cn:iam::111122223333:root')).toEqual([{
      field: '',
      message: 'is the root of account 111122223333; an access entry for it grants nobody anything',
      fix: 'grant the IAM roles (or users) of that account that need access',
    }]);
  });

  test.each([
    // EAM003 reports these as malformed; they are not the account root.
    ' arn:aws:iam::111122223333:root',
    'arn:aws:iam::111122223333:root/admin',
  ])('only an exact root ARN counts, not %j', (principal) => {
    expect(check(principal)).toEqual([]);
  });

  test('does not check a token principal', () => {
    const principal = describePrincipal(new Stack(), Token.asString({ Ref: 'PrincipalArn' }));
    expect(checkEntry(EAM006, {}, contextOf(), principal)).toEqual([]);
  });
});
