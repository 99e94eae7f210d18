import { EAM019 } from '../../../src/validation/rules/eam019-policy-catalog';
import { checkEntry } from '../helpers';

const grant = (policy: string, type?: string) => ({
  ...(type ? { type } : {}),
  accessPolicies: [{ policy, accessScope: { type: 'cluster' } }],
});

describe('EAM019 policies meant for the principal', () => {
  test.each(['AmazonEKSClusterAdminPolicy', 'AmazonEKSSecretReaderPolicy', 'AmazonEKSBrandNewPolicy'])('accepts %s', (policy) => {
    expect(checkEntry(EAM019, grant(policy))).toEqual([]);
  });

  test('fails on a misspelt catalog name, with "did you mean"', () => {
    const [violation] = checkEntry(EAM019, grant('AmazonEKSClusterAdmnPolicy'));
    expect(violation.fix).toBe('did you mean "AmazonEKSClusterAdminPolicy"?');
  });

  test('fails on a misspelling written as an ARN', () => {
    expect(checkEntry(EAM019, grant('arn:aws:eks::aws:cluster-access-policy/AmazonEKSVeiwPolicy'))[0].fix).toBe('did you mean "AmazonEKSViewPolicy"?');
  });

  test('fails on a policy reserved for AWS service roles', () => {
    expect(checkEntry(EAM019, grant('AmazonEKSBlockStoragePolicy'))[0].message).toContain('reserved for AWS service roles');
  });

  test('fails on the Auto Mode node policy on a STANDARD entry', () => {
    expect(checkEntry(EAM019, grant('AmazonEKSAutoNodePolicy'))[0].fix).toContain('type EC2');
  });

  test('accepts the Auto Mode node policy on an EC2 entry', () => {
    expect(checkEntry(EAM019, grant('AmazonEKSAutoNodePolicy', 'EC2'))).toEqual([]);
  });
});
