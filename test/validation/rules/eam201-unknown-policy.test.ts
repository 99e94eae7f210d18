import { Token } from 'aws-cdk-lib';
import { EAM201 } from '../../../src/validation/rules/eam201-unknown-policy';
import { checkEntry } from '../helpers';

const grant = (policy: string) => ({ accessPolicies: [{ policy, accessScope: { type: 'cluster' } }] });

const CUSTOMER_POLICIES = 'AmazonEKSAdminPolicy, AmazonEKSAdminViewPolicy, AmazonEKSClusterAdminPolicy, AmazonEKSEditPolicy, '
  + 'AmazonEKSSecretAdminPolicy, AmazonEKSSecretReaderPolicy, AmazonEKSViewPolicy';

describe('EAM201 policy the library cannot vouch for', () => {
  test.each([
    'AmazonEKSViewPolicy',
    'AmazonEKSSecretAdminPolicy',
    // Known, audience not documented: nothing to say.
    'AmazonEKSPodIdentityPolicy',
    'AmazonSagemakerHyperpodSpacePolicy',
    // Refused by EAM019; not warned twice.
    'AmazonEKSBlockStoragePolicy',
    'not a policy',
  ])('does not warn on %s (a customer policy, one of no stated audience, EAM019\'s, or malformed)', (policy) => {
    expect(checkEntry(EAM201, grant(policy))).toEqual([]);
  });

  test('does not warn on a missing or token policy', () => {
    expect(checkEntry(EAM201, { accessPolicies: [{ accessScope: { type: 'cluster' } }] })).toEqual([]);
    expect(checkEntry(EAM201, grant(Token.asString({ Ref: 'Policy' })))).toEqual([]);
  });

  test('warns on a misspelt policy, with "did you mean", in the grant it is in', () => {
    const entry = {
      accessPolicies: [
        { policy: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster' } },
        { policy: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolcy', accessScope: { type: 'cluster' } },
      ],
    };
    expect(checkEntry(EAM201, entry)).toEqual([{
      field: 'accessPolicies[1].policy',
      message: 'AmazonEKSEditPolcy is not in this library\'s catalog of EKS access policies; if it does not exist, deploy fails',
      fix: 'did you mean "AmazonEKSEditPolicy"? If AmazonEKSEditPolcy is a new policy, check it with "aws eks list-access-policies" and acknowledge this warning',
    }]);
  });

  test('warns on a well-formed name close to no known name, without a suggestion', () => {
    expect(checkEntry(EAM201, grant('AmazonEKSQuantumComputingPolicy'))).toEqual([{
      field: 'accessPolicies[0].policy',
      message: 'AmazonEKSQuantumComputingPolicy is not in this library\'s catalog of EKS access policies; if it does not exist, deploy fails',
      fix: 'check the name with "aws eks list-access-policies"; acknowledge this warning if it is right',
    }]);
  });

  test.each([
    ['AmazonEKSArgoCDPolicy', 'the IAM role of an EKS capability (Argo CD, ACK, kro)'],
    ['AmazonEKSKROPolicy', 'the IAM role of an EKS capability (Argo CD, ACK, kro)'],
    ['AmazonEKSEventPolicy', 'its service-linked role (AWSServiceRoleForAmazonEKS)'],
    ['AmazonEKSLoadBalancingPolicy', 'the cluster IAM role when Auto Mode is enabled'],
    ['AmazonEKSNetworkingClusterPolicy', 'the cluster IAM role when Auto Mode is enabled'],
  ])('warns on %s, a policy EKS associates with its own roles', (policy, role) => {
    expect(checkEntry(EAM201, grant(policy))).toEqual([{
      field: 'accessPolicies[0].policy',
      message: `${policy} is a policy EKS associates itself with ${role}, not one meant for people and workloads`,
      fix: `grant a policy meant for people and workloads (${CUSTOMER_POLICIES}); acknowledge this warning if this principal needs it`,
    }]);
  });

  test('warns on the Auto Mode node policy on a STANDARD entry', () => {
    expect(checkEntry(EAM201, grant('AmazonEKSAutoNodePolicy'))).toEqual([{
      field: 'accessPolicies[0].policy',
      message: 'AmazonEKSAutoNodePolicy is a policy EKS associates itself with the node role of EKS Auto Mode (an `EC2` entry), not one meant for people and workloads',
      fix: `grant a policy meant for people and workloads (${CUSTOMER_POLICIES}); acknowledge this warning if this principal needs it`,
    }]);
  });

  test.each(['EC2', 'EC2_LINUX'])('does not warn on the Auto Mode node policy on an entry of type %s (EC2 is its place; EAM013 refuses the others)', (type) => {
    expect(checkEntry(EAM201, { type, ...grant('AmazonEKSAutoNodePolicy') })).toEqual([]);
  });
});
