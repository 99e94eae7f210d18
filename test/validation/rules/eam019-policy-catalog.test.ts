import { Token } from 'aws-cdk-lib';
import { EAM019 } from '../../../src/validation/rules/eam019-policy-catalog';
import { checkEntry } from '../helpers';

const grant = (policy: string, type?: string) => ({
  ...(type ? { type } : {}),
  accessPolicies: [{ policy, accessScope: { type: 'cluster' } }],
});

const AUTO_NODE_FIX = 'set type EC2 on the Auto Mode node role\'s entry, or grant another policy';

describe('EAM019 policies meant for the principal', () => {
  test.each(['AmazonEKSClusterAdminPolicy', 'AmazonEKSSecretReaderPolicy', 'AmazonEKSBrandNewPolicy'])('accepts %s', (policy) => {
    expect(checkEntry(EAM019, grant(policy))).toEqual([]);
  });

  test('leaves a missing, malformed or token policy to other rules', () => {
    expect(checkEntry(EAM019, { accessPolicies: [{ accessScope: { type: 'cluster' } }] })).toEqual([]);
    expect(checkEntry(EAM019, grant('not a policy'))).toEqual([]);
    expect(checkEntry(EAM019, grant(Token.asString({ Ref: 'Policy' })))).toEqual([]);
  });

  test('fails on a misspelt catalog name, with "did you mean"', () => {
    expect(checkEntry(EAM019, grant('AmazonEKSClusterAdmnPolicy'))).toEqual([{
      field: 'accessPolicies[0].policy',
      message: '"AmazonEKSClusterAdmnPolicy" is not an EKS access policy',
      fix: 'did you mean "AmazonEKSClusterAdminPolicy"?',
    }]);
  });

  test('fails on a misspelling written as an ARN, in the grant it is in', () => {
    const entry = {
      accessPolicies: [
        { policy: 'AmazonEKSEditPolicy', accessScope: { type: 'cluster' } },
        { policy: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSVeiwPolicy', accessScope: { type: 'cluster' } },
      ],
    };
    expect(checkEntry(EAM019, entry)).toEqual([{
      field: 'accessPolicies[1].policy',
      message: '"AmazonEKSVeiwPolicy" is not an EKS access policy',
      fix: 'did you mean "AmazonEKSViewPolicy"?',
    }]);
  });

  test('fails on a policy reserved for AWS service roles', () => {
    expect(checkEntry(EAM019, grant('AmazonEKSBlockStoragePolicy'))).toEqual([{
      field: 'accessPolicies[0].policy',
      message: 'AmazonEKSBlockStoragePolicy is reserved for AWS service roles; EKS associates it itself',
      fix: 'grant a policy meant for people and workloads: AmazonEKSClusterAdminPolicy, AmazonEKSAdminPolicy, AmazonEKSEditPolicy, AmazonEKSViewPolicy, ...',
    }]);
  });

  test.each(['STANDARD', 'EC2_LINUX'])('fails on the Auto Mode node policy on an entry of type %s', (type) => {
    expect(checkEntry(EAM019, grant('AmazonEKSAutoNodePolicy', type))).toEqual([{
      field: 'accessPolicies[0].policy',
      message: `AmazonEKSAutoNodePolicy is for EKS Auto Mode node roles, and this entry is ${type}`,
      fix: AUTO_NODE_FIX,
    }]);
  });

  test('accepts the Auto Mode node policy on an EC2 entry, or when the type is a token', () => {
    expect(checkEntry(EAM019, grant('AmazonEKSAutoNodePolicy', 'EC2'))).toEqual([]);
    expect(checkEntry(EAM019, grant('AmazonEKSAutoNodePolicy', Token.asString({ Ref: 'EntryType' })))).toEqual([]);
  });
});
