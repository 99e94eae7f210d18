import { EAM014 } from '../../../src/validation/rules/eam014-policy-once';
import { checkEntry, scope } from '../helpers';

const grant = (policy: string, namespaces: string[]) => ({ policy, accessScope: { type: 'namespace', namespaces } });

describe('EAM014 each policy once per entry', () => {
  test('accepts different policies', () => {
    expect(checkEntry(EAM014, { accessPolicies: [grant('AmazonEKSEditPolicy', ['a']), scope('cluster')] })).toEqual([]);
  });

  test('fails when a policy is granted twice with two scopes', () => {
    expect(checkEntry(EAM014, { accessPolicies: [grant('AmazonEKSEditPolicy', ['a']), grant('AmazonEKSEditPolicy', ['b'])] })).toEqual([{
      field: 'accessPolicies[1].policy',
      message: 'AmazonEKSEditPolicy is already granted at accessPolicies[0]',
      fix: 'merge the two into one grant: a namespace scope lists all its namespaces, or use one cluster scope',
    }]);
  });

  test('fails when the same policy is written once as a name and once as an ARN', () => {
    const arn = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy';
    expect(checkEntry(EAM014, { accessPolicies: [grant('AmazonEKSEditPolicy', ['a']), grant(arn, ['b'])] })).toHaveLength(1);
  });

  test('skips grants without a policy (EAM101 reports them)', () => {
    const noPolicy = { accessScope: { type: 'cluster' } };
    expect(checkEntry(EAM014, { accessPolicies: [noPolicy, noPolicy, grant('AmazonEKSEditPolicy', ['a'])] })).toEqual([]);
  });
});
