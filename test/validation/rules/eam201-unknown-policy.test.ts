import { Token } from 'aws-cdk-lib';
import { EAM201 } from '../../../src/validation/rules/eam201-unknown-policy';
import { checkEntry } from '../helpers';

const grant = (policy: string) => ({ accessPolicies: [{ policy, accessScope: { type: 'cluster' } }] });

describe('EAM201 policy not in the catalog', () => {
  test.each(['AmazonEKSViewPolicy', 'AmazonEKSClusterAdmnPolicy', 'not a policy'])('does not warn on %s (known, a typo, or malformed)', (policy) => {
    expect(checkEntry(EAM201, grant(policy))).toEqual([]);
  });

  test('does not warn on a missing or token policy', () => {
    expect(checkEntry(EAM201, { accessPolicies: [{ accessScope: { type: 'cluster' } }] })).toEqual([]);
    expect(checkEntry(EAM201, grant(Token.asString({ Ref: 'Policy' })))).toEqual([]);
  });

  test('warns on a well-formed name it does not know, in the grant it is in', () => {
    const entry = {
      accessPolicies: [
        { policy: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster' } },
        { policy: 'AmazonEKSQuantumPolicy', accessScope: { type: 'cluster' } },
      ],
    };
    expect(checkEntry(EAM201, entry)).toEqual([{
      field: 'accessPolicies[1].policy',
      message: 'AmazonEKSQuantumPolicy is not in this library\'s catalog of EKS access policies; if it does not exist, deploy fails',
      fix: 'check the name with "aws eks list-access-policies"; acknowledge this warning if it is right',
    }]);
  });
});
