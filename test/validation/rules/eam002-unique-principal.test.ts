import { EAM002 } from '../../../src/validation/rules/eam002-unique-principal';
import { checkAll, entryOf } from '../helpers';

describe('EAM002 one entry per principal', () => {
  test('accepts different principals', () => {
    const entries = [entryOf({}, 'arn:aws:iam::111122223333:role/a'), entryOf({}, 'arn:aws:iam::111122223333:role/b')];
    expect(checkAll(EAM002, entries)).toEqual([]);
  });

  test('fails when a principal is declared twice, naming both places', () => {
    const first = entryOf({}, 'arn:aws:iam::111122223333:role/a', 'S/Access principals');
    const second = entryOf({}, 'arn:aws:iam::111122223333:role/a', 'S/Access grant()');
    const violations = checkAll(EAM002, [first, second, entryOf({}, 'arn:aws:iam::111122223333:role/b')]);
    expect(violations).toEqual([{
      entry: second,
      field: '',
      message: 'is declared twice for this cluster: at S/Access grant() and at S/Access principals',
      fix: 'merge the two declarations into one entry (all policies of a principal go in one entry)',
    }]);
    expect(violations[0].entry).toBe(second);
  });

  test('reports every extra declaration once', () => {
    const entries = [1, 2, 3].map(() => entryOf({}, 'arn:aws:iam::111122223333:role/a'));
    expect(checkAll(EAM002, entries)).toHaveLength(2);
  });
});

test('EAM002 treats a token that resolves to a literal ARN as that principal', () => {
  const token = { display: '(token) S/Dev.Arn', identity: 'ref:S/Dev#Arn', facts: { kind: 'role' as const, resolvedArn: 'arn:aws:iam::111122223333:role/dev' } };
  const violations = checkAll(EAM002, [entryOf({}, token), entryOf({}, 'arn:aws:iam::111122223333:role/dev')]);
  expect(violations).toHaveLength(1);
});

describe('EAM002 on IAM Identity Center roles', () => {
  const lookup = (where: string) => ({
    display: '(token) S/Dev.Arn (IAM Identity Center permission set "Dev")',
    identity: `ref:S/Dev-${where}#Arn`,
    facts: { kind: 'role' as const, account: where, permissionSet: 'Dev', lookedUpIn: where },
  });
  const ssoRole = (suffix: string) => `arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_${suffix}`;

  test('fails on a lookup of a permission set beside the literal ARN of its role in the same account', () => {
    const later = entryOf({}, lookup('111122223333'), 'S/Access addRole(S/Dev/Role)');
    const violations = checkAll(EAM002, [entryOf({}, ssoRole('0123456789abcdef')), later]);
    expect(violations).toEqual([expect.objectContaining({
      entry: later,
      message: `is the role of IAM Identity Center permission set "Dev" in account 111122223333, as ${ssoRole('0123456789abcdef')} is (at Test/Access principals, here at S/Access addRole(S/Dev/Role)): one role, two entries`,
    })]);
  });

  test('accepts two literal ARNs of one permission set (an old Identity Center instance may have left one), and a lookup in another account', () => {
    const entries = [entryOf({}, ssoRole('0123456789abcdef')), entryOf({}, ssoRole('fedcba9876543210')), entryOf({}, lookup('444455556666'))];
    expect(checkAll(EAM002, entries)).toEqual([]);
  });

  test('fails on two lookups of one permission set in one account', () => {
    const first = lookup('111122223333');
    expect(checkAll(EAM002, [entryOf({}, first), entryOf({}, { ...first, identity: 'ref:S/Again#Arn' })])).toHaveLength(1);
  });
});
