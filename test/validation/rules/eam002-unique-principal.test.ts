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
