import { EAM015 } from '../../../src/validation/rules/eam015-policy-count';
import { checkEntry, scope } from '../helpers';

const policies = (n: number) => Array.from({ length: n }, () => scope('cluster'));

describe('EAM015 at most 20 policies', () => {
  test('accepts 20 policies', () => {
    expect(checkEntry(EAM015, { accessPolicies: policies(20) })).toEqual([]);
  });

  test('fails on 21 policies', () => {
    expect(checkEntry(EAM015, { accessPolicies: policies(21) })[0].message).toBe('has 21 access policies; an entry takes at most 20');
  });
});
