import { EAM202 } from '../../../src/validation/rules/eam202-admin-user';
import { checkEntry, contextOf, scope } from '../helpers';

const ALICE = 'arn:aws:iam::111122223333:user/alice';
const admin = (type: string) => ({ policy: 'AmazonEKSClusterAdminPolicy', accessScope: type === 'cluster' ? { type } : { type, namespaces: ['a'] } });

describe('EAM202 cluster admin for an IAM user', () => {
  test('accepts cluster admin for a role', () => {
    expect(checkEntry(EAM202, { accessPolicies: [admin('cluster')] })).toEqual([]);
  });

  test('accepts a user with other policies', () => {
    expect(checkEntry(EAM202, { accessPolicies: [scope('cluster'), admin('namespace')] }, contextOf(), ALICE)).toEqual([]);
  });

  test('warns on cluster admin at cluster scope for a user', () => {
    expect(checkEntry(EAM202, { accessPolicies: [admin('cluster')] }, contextOf(), ALICE)[0].field).toBe('accessPolicies[0].policy');
  });
});
