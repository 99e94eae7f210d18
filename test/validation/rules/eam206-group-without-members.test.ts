import { Token } from 'aws-cdk-lib';
import { EAM206 } from '../../../src/validation/rules/eam206-group-without-members';
import { checkAll, entryOf } from '../helpers';
import { rbacContextOf } from '../rbac-helpers';

const groups = { 'dev-team': { clusterRole: 'edit' }, 'readers': { clusterRole: 'view' } };

describe('EAM206 a bound group that no entry carries', () => {
  test('accepts groups that entries of the cluster carry, whichever entry', () => {
    const entries = [
      entryOf({ kubernetesGroups: ['dev-team'] }, 'arn:aws:iam::111122223333:role/a'),
      entryOf({ kubernetesGroups: ['readers'] }, 'arn:aws:iam::111122223333:role/b'),
    ];
    expect(checkAll(EAM206, entries, rbacContextOf(groups))).toEqual([]);
  });

  test('warns on a bound group no entry lists (a typo on one side)', () => {
    const entries = [entryOf({ kubernetesGroups: ['dev-teams', 'readers'] })];
    expect(checkAll(EAM206, entries, rbacContextOf(groups))).toEqual([{
      group: 'dev-team',
      field: '',
      message: 'is bound, but no access entry of the cluster lists it in `kubernetesGroups`: the binding grants nothing',
      fix: 'add the group to the `kubernetesGroups` of the entries it is for (check its spelling on both sides); acknowledge this warning if its members come later',
    }]);
  });

  test('says nothing when an entry\'s groups are a token: it may carry any of them', () => {
    expect(checkAll(EAM206, [entryOf({ kubernetesGroups: Token.asList({ Ref: 'Groups' }) })], rbacContextOf(groups))).toEqual([]);
  });

  test('says nothing without groups', () => {
    expect(checkAll(EAM206, [entryOf({})], rbacContextOf({}))).toEqual([]);
  });
});
