import { EAM018 } from '../../../src/validation/rules/eam018-policy-arn';
import { checkEntry, contextOf } from '../helpers';

const grant = (policy: string) => ({ accessPolicies: [{ policy, accessScope: { type: 'cluster' } }] });

describe('EAM018 policy name or ARN', () => {
  test.each([
    'AmazonEKSViewPolicy',
    'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    'arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    'arn:aws-us-gov:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
  ])('accepts %s', (policy) => {
    expect(checkEntry(EAM018, grant(policy))).toEqual([]);
  });

  test('fails when the policy is an IAM policy ARN, and says so', () => {
    const [violation] = checkEntry(EAM018, grant('arn:aws:iam::aws:policy/AdministratorAccess'));
    expect(violation.field).toBe('accessPolicies[0].policy');
    expect(violation.message).toContain('IAM policy');
  });

  test.each([
    'arn:aws:eks::111122223333:cluster-access-policy/AmazonEKSViewPolicy',
    'arn:aws:eks::aws:access-policy/AmazonEKSViewPolicy',
  ])('fails when an ARN is not an EKS cluster access policy ARN: %s', (policy) => {
    expect(checkEntry(EAM018, grant(policy))[0].message).toContain('not an EKS cluster access policy ARN');
  });

  test.each(['Amazon EKS View', 'view-policy', ''])('fails when %j is neither a name nor an ARN', (policy) => {
    expect(checkEntry(EAM018, grant(policy))).toHaveLength(1);
  });

  test('fails when a policy ARN is in another partition than the stack', () => {
    const [violation] = checkEntry(EAM018, grant('arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'), contextOf({ partition: 'aws-cn' }));
    expect(violation.message).toContain('"aws-cn"');
    expect(violation.fix).toContain('"AmazonEKSViewPolicy"');
  });

  test('accepts a policy ARN in the stack partition', () => {
    expect(checkEntry(EAM018, grant('arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'), contextOf({ partition: 'aws-cn' }))).toEqual([]);
  });
});
