import { Token } from 'aws-cdk-lib';
import { EAM019 } from '../../../src/validation/rules/eam019-policy-catalog';
import { checkEntry } from '../helpers';

const grant = (policy: string, type?: string) => ({
  ...(type ? { type } : {}),
  accessPolicies: [{ policy, accessScope: { type: 'cluster' } }],
});

const SERVICE_ONLY_FIX = 'remove it, or grant a policy meant for people and workloads: AmazonEKSAdminPolicy, AmazonEKSAdminViewPolicy, '
  + 'AmazonEKSClusterAdminPolicy, AmazonEKSEditPolicy, AmazonEKSSecretAdminPolicy, AmazonEKSSecretReaderPolicy, AmazonEKSViewPolicy';

describe('EAM019 policies refused for customer principals', () => {
  test.each([
    'AmazonEKSClusterAdminPolicy',
    'AmazonEKSSecretAdminPolicy',
    // Real policies a few letters from a known name (Event/Edit): no longer "typos".
    'AmazonEKSEventPolicy',
    // Associated by EKS with the Auto Mode cluster role, a customer role: accepted by the API.
    'AmazonEKSLoadBalancingPolicy',
    'AmazonEKSNetworkingClusterPolicy',
    // Capability roles are customer roles too.
    'AmazonEKSArgoCDPolicy',
    // Unknown names, even misspelt-looking ones, are EAM201's warning.
    'AmazonEKSEditPolcy',
    'AmazonEKSBrandNewPolicy',
  ])('accepts %s', (policy) => {
    expect(checkEntry(EAM019, grant(policy))).toEqual([]);
  });

  test('leaves a missing, malformed or token policy to other rules', () => {
    expect(checkEntry(EAM019, { accessPolicies: [{ accessScope: { type: 'cluster' } }] })).toEqual([]);
    expect(checkEntry(EAM019, grant('not a policy'))).toEqual([]);
    expect(checkEntry(EAM019, grant(Token.asString({ Ref: 'Policy' })))).toEqual([]);
  });

  test('fails on a policy designated for AWS service-linked roles only', () => {
    expect(checkEntry(EAM019, grant('AmazonEKSBlockStoragePolicy'))).toEqual([{
      field: 'accessPolicies[0].policy',
      message: 'AmazonEKSBlockStoragePolicy is designated for AWS service-linked roles only and cannot be used with customer-managed roles; '
        + 'EKS associates it itself',
      fix: SERVICE_ONLY_FIX,
    }]);
  });

  test.each([
    'AmazonEKSBlockStorageClusterPolicy', 'AmazonEKSComputePolicy', 'AmazonEKSComputeClusterPolicy',
    'AmazonEKSHybridPolicy', 'AmazonEKSClusterInsightsPolicy',
  ])('fails on %s, written as an ARN in any partition, in the grant it is in', (name) => {
    const entry = {
      accessPolicies: [
        { policy: 'AmazonEKSEditPolicy', accessScope: { type: 'cluster' } },
        { policy: `arn:aws-cn:eks::aws:cluster-access-policy/${name}`, accessScope: { type: 'cluster' } },
      ],
    };
    expect(checkEntry(EAM019, entry)).toEqual([expect.objectContaining({
      field: 'accessPolicies[1].policy',
      message: expect.stringContaining(`${name} is designated for AWS service-linked roles only`),
    })]);
  });

  test.each(['STANDARD', 'EC2', 'EC2_LINUX'])('accepts the Auto Mode node policy on an entry of type %s (EAM201 warns on STANDARD, EAM013 refuses node types)', (type) => {
    expect(checkEntry(EAM019, grant('AmazonEKSAutoNodePolicy', type))).toEqual([]);
  });
});
