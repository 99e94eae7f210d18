import { EAM201 } from '../../../src/validation/rules/eam201-unknown-policy';
import { checkEntry } from '../helpers';

const grant = (policy: string) => ({ accessPolicies: [{ policy, accessScope: { type: 'cluster' } }] });

describe('EAM201 policy not in the catalog', () => {
  test.each(['AmazonEKSViewPolicy', 'AmazonEKSClusterAdmnPolicy', 'not a policy'])('does not warn on %s (known, a typo, or malformed)', (policy) => {
    expect(checkEntry(EAM201, grant(policy))).toEqual([]);
  });

  test('warns on a well-formed name it does not know', () => {
    const [violation] = checkEntry(EAM201, grant('AmazonEKSQuantumPolicy'));
    expect(violation.message).toContain('AmazonEKSQuantumPolicy is not in this library\'s catalog');
  });
});
