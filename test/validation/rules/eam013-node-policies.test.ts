import { EAM013 } from '../../../src/validation/rules/eam013-node-policies';
import { checkEntry, scope } from '../helpers';

const autoNode = (type: string) => ({ policy: 'AmazonEKSAutoNodePolicy', accessScope: { type } });

describe('EAM013 node entries take no access policies', () => {
  test('accepts policies on a STANDARD entry', () => {
    expect(checkEntry(EAM013, { accessPolicies: [scope('cluster')] })).toEqual([]);
  });

  test('fails when an EC2_LINUX entry has a policy', () => {
    const [violation] = checkEntry(EAM013, { type: 'EC2_LINUX', accessPolicies: [scope('cluster')] });
    expect(violation.field).toBe('accessPolicies[0]');
  });

  test('accepts AmazonEKSAutoNodePolicy at cluster scope on an EC2 (Auto Mode) entry', () => {
    expect(checkEntry(EAM013, { type: 'EC2', accessPolicies: [autoNode('cluster')] })).toEqual([]);
  });

  test('fails when the Auto Mode node policy is scoped to namespaces', () => {
    const [violation] = checkEntry(EAM013, { type: 'EC2', accessPolicies: [{ ...autoNode('namespace'), accessScope: { type: 'namespace', namespaces: ['a'] } }] });
    expect(violation.fix).toContain('AmazonEKSAutoNodePolicy at cluster scope');
  });

  test('fails when an EC2 entry has any other policy', () => {
    expect(checkEntry(EAM013, { type: 'EC2', accessPolicies: [autoNode('cluster'), scope('cluster')] })).toHaveLength(1);
  });
});
