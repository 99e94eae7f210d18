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

  test('accepts a user with a grant that has no policy', () => {
    expect(checkEntry(EAM202, { accessPolicies: [{ accessScope: { type: 'cluster' } }] }, contextOf(), ALICE)).toEqual([]);
  });

  test('warns on cluster admin at cluster scope for a user', () => {
    expect(checkEntry(EAM202, { accessPolicies: [scope('cluster'), admin('cluster')] }, contextOf(), ALICE)).toEqual([{
      field: 'accessPolicies[1].policy',
      message: 'grants cluster admin to an IAM user, whose long-lived access keys then own the cluster',
      fix: 'grant it to a role that admins assume (with MFA or IAM Identity Center); acknowledge this warning if the user is intended',
    }]);
  });
});
