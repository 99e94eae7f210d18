import { EAM015 } from '../../../src/validation/rules/eam015-policy-count';
import { checkEntry, scope } from '../helpers';

const policies = (n: number) => Array.from({ length: n }, () => scope('cluster'));

describe('EAM015 at most 20 policies', () => {
  test('accepts 20 policies', () => {
    expect(checkEntry(EAM015, { accessPolicies: policies(20) })).toEqual([]);
  });

  test('fails on 21 policies, and says how to need fewer', () => {
    expect(checkEntry(EAM015, { accessPolicies: policies(21) })).toEqual([{
      field: 'accessPolicies',
      message: 'has 21 access policies; an entry takes at most 20',
      fix: 'merge grants of the same policy into one scope with several namespaces, or use Kubernetes groups with your own RBAC',
    }]);
  });
});
