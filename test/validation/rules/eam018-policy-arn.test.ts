import { Aws } from 'aws-cdk-lib';
import { EAM018 } from '../../../src/validation/rules/eam018-policy-arn';
import { checkEntry, contextOf } from '../helpers';

const grant = (policy: string) => ({ accessPolicies: [{ policy, accessScope: { type: 'cluster' } }] });

const IAM_POLICY_FIX = 'attach IAM policies to the role itself; here use an EKS access policy such as "AmazonEKSViewPolicy"';
const ARN_FIX = 'write "arn:<partition>:eks::aws:cluster-access-policy/<Name>", or just the policy name';
const NAME_FIX = 'use a policy name such as "AmazonEKSViewPolicy" (see EksAccessPolicy) or its full ARN';

describe('EAM018 policy name or ARN', () => {
  test.each([
    'AmazonEKSViewPolicy',
    'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    'arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    'arn:aws-us-gov:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
  ])('accepts %s', (policy) => {
    expect(checkEntry(EAM018, grant(policy))).toEqual([]);
  });

  test('does not check a policy ARN built with a token, such as the stack partition', () => {
    expect(checkEntry(EAM018, grant(`arn:${Aws.PARTITION}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy`))).toEqual([]);
  });

  test('skips a grant without a policy (EAM101 reports it)', () => {
    expect(checkEntry(EAM018, { accessPolicies: [{ accessScope: { type: 'cluster' } }] })).toEqual([]);
  });

  test.each([
    'arn:aws:iam::aws:policy/AdministratorAccess',
    'arn:aws:iam::111122223333:policy/TeamAccess',
  ])('fails when the policy is an IAM policy ARN (%s), and says so', (policy) => {
    expect(checkEntry(EAM018, grant(policy))).toEqual([{
      field: 'accessPolicies[0].policy',
      message: `"${policy}" is an IAM policy, not an EKS access policy`,
      fix: IAM_POLICY_FIX,
    }]);
  });

  test.each([
    'arn:aws:eks::111122223333:cluster-access-policy/AmazonEKSViewPolicy',
    'arn:aws:eks::aws:access-policy/AmazonEKSViewPolicy',
    'arn:aws:iam::1111:policy/TeamAccess',
  ])('fails when an ARN is not an EKS cluster access policy ARN: %s', (policy) => {
    expect(checkEntry(EAM018, grant(policy))).toEqual([{
      field: 'accessPolicies[0].policy',
      message: `"${policy}" is not an EKS cluster access policy ARN`,
      fix: ARN_FIX,
    }]);
  });

  test.each([
    'Amazon EKS View',
    'view-policy',
    '',
    // Not an ARN: it does not start with "arn:".
    ' arn:aws:iam::aws:policy/AdministratorAccess',
  ])('fails when %j is neither a name nor an ARN', (policy) => {
    expect(checkEntry(EAM018, grant(policy))).toEqual([{
      field: 'accessPolicies[0].policy',
      message: `${JSON.stringify(policy)} is neither an access policy name nor an ARN`,
      fix: NAME_FIX,
    }]);
  });

  test('fails when a policy ARN is in another partition than the stack', () => {
    expect(checkEntry(EAM018, grant('arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'), contextOf({ partition: 'aws-cn' }))).toEqual([{
      field: 'accessPolicies[0].policy',
      message: '"arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy" is in partition "aws", but the stack is in "aws-cn"',
      fix: 'write the policy name "AmazonEKSViewPolicy" alone: it becomes an ARN in the stack\'s partition',
    }]);
  });

  test('accepts a policy ARN in the stack partition', () => {
    expect(checkEntry(EAM018, grant('arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'), contextOf({ partition: 'aws-cn' }))).toEqual([]);
  });
});
