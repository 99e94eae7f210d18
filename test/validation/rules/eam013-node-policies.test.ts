import { Token } from 'aws-cdk-lib';
import { EAM013 } from '../../../src/validation/rules/eam013-node-policies';
import { checkEntry, scope } from '../helpers';

const autoNode = (type: string) => ({ policy: 'AmazonEKSAutoNodePolicy', accessScope: { type } });

describe('EAM013 node entries take no access policies', () => {
  test('accepts policies on a STANDARD entry', () => {
    expect(checkEntry(EAM013, { accessPolicies: [scope('cluster')] })).toEqual([]);
  });

  test('fails when an EC2_LINUX entry has a policy, and says to remove it', () => {
    expect(checkEntry(EAM013, { type: 'EC2_LINUX', accessPolicies: [scope('cluster')] })).toEqual([{
      field: 'accessPolicies[0]',
      message: 'a node entry (EC2_LINUX) cannot have access policies',
      fix: 'remove the policy, or use type STANDARD if this principal is not a node',
    }]);
  });

  test('accepts AmazonEKSAutoNodePolicy at cluster scope on an EC2 (Auto Mode) entry', () => {
    expect(checkEntry(EAM013, { type: 'EC2', accessPolicies: [autoNode('cluster')] })).toEqual([]);
  });

  test('fails on AmazonEKSAutoNodePolicy for a node type other than EC2 (Auto Mode)', () => {
    expect(checkEntry(EAM013, { type: 'EC2_LINUX', accessPolicies: [autoNode('cluster')] })).toEqual([{
      field: 'accessPolicies[0]',
      message: 'a node entry (EC2_LINUX) cannot have access policies',
      fix: 'remove the policy, or use type STANDARD if this principal is not a node',
    }]);
  });

  test('fails when the Auto Mode node policy is scoped to namespaces', () => {
    expect(checkEntry(EAM013, { type: 'EC2', accessPolicies: [{ ...autoNode('namespace'), accessScope: { type: 'namespace', namespaces: ['a'] } }] })).toEqual([{
      field: 'accessPolicies[0]',
      message: 'a node entry (EC2) cannot have access policies',
      fix: 'an Auto Mode node entry takes only AmazonEKSAutoNodePolicy at cluster scope',
    }]);
  });

  test('fails when an EC2 entry has any other policy', () => {
    expect(checkEntry(EAM013, { type: 'EC2', accessPolicies: [autoNode('cluster'), scope('cluster')] }).map((v) => v.field)).toEqual(['accessPolicies[1]']);
  });

  test('leaves a policy token on an EC2 entry alone: it may be the Auto Mode node policy', () => {
    const policy = Token.asString({ Ref: 'NodePolicy' });
    expect(checkEntry(EAM013, { type: 'EC2', accessPolicies: [{ policy, accessScope: { type: 'namespace', namespaces: ['a'] } }] })).toEqual([]);
  });

  test('leaves a grant with no policy on an EC2 entry to EAM101', () => {
    expect(checkEntry(EAM013, { type: 'EC2', accessPolicies: [{ accessScope: { type: 'cluster' } }] })).toEqual([]);
  });
});
