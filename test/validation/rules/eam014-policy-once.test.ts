import { EAM014 } from '../../../src/validation/rules/eam014-policy-once';
import { checkEntry, scope } from '../helpers';

const grant = (policy: string, namespaces: string[]) => ({ policy, accessScope: { type: 'namespace', namespaces } });

describe('EAM014 each policy once per entry', () => {
  test('accepts different policies', () => {
    expect(checkEntry(EAM014, { accessPolicies: [grant('AmazonEKSEditPolicy', ['a']), scope('cluster')] })).toEqual([]);
  });

  test('fails when a policy is granted twice with two scopes', () => {
    const [violation] = checkEntry(EAM014, { accessPolicies: [grant('AmazonEKSEditPolicy', ['a']), grant('AmazonEKSEditPolicy', ['b'])] });
    expect(violation.field).toBe('accessPolicies[1].policy');
    expect(violation.message).toBe('AmazonEKSEditPolicy is already granted at accessPolicies[0]');
  });

  test('fails when the same policy is written once as a name and once as an ARN', () => {
    const arn = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy';
    expect(checkEntry(EAM014, { accessPolicies: [grant('AmazonEKSEditPolicy', ['a']), grant(arn, ['b'])] })).toHaveLength(1);
  });
});
