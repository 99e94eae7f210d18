import { EAM103 } from '../../../src/validation/rules/eam103-unique-binding';
import { checkAll } from '../helpers';
import { groupsOf, rbacContextOf } from '../rbac-helpers';

describe('EAM103 one binding of a group per place', () => {
  test('accepts one group bound in different namespaces by two managers', () => {
    const own = groupsOf({ dev: { clusterRole: 'edit', namespaces: ['a'] } }, 'S/A groups');
    const other = groupsOf({ dev: { clusterRole: 'view', namespaces: ['b'] } }, 'S/B groups');
    expect(checkAll(EAM103, [], rbacContextOf(own, { clusterGroups: [...own, ...other] }))).toEqual([]);
  });

  test('accepts a group bound cluster-wide and, elsewhere, in a namespace', () => {
    const own = groupsOf({ dev: { clusterRole: 'view' } }, 'S/A groups');
    const other = groupsOf({ dev: { clusterRole: 'edit', namespaces: ['a'] } }, 'S/B groups');
    expect(checkAll(EAM103, [], rbacContextOf(own, { clusterGroups: [...other, ...own] }))).toEqual([]);
  });

  test('fails on the second manager that binds a group in the same namespace, naming both', () => {
    const first = groupsOf({ dev: { clusterRole: 'view', namespaces: ['a', 'b'] } }, 'S/A groups');
    const second = groupsOf({ dev: { clusterRole: 'edit', namespaces: ['b'] } }, 'S/B groups');
    const clusterGroups = [...first, ...second];
    expect(checkAll(EAM103, [], rbacContextOf(second, { clusterGroups }))).toEqual([{
      group: 'dev',
      field: 'namespaces',
      message: 'is bound in namespace "b" twice on this cluster: at S/B groups and at S/A groups',
      fix: 'declare each group once per cluster, with all its namespaces; a group may be bound in other namespaces by another manager',
    }]);
    // The first manager's own synth does not report it: the second one does.
    expect(checkAll(EAM103, [], rbacContextOf(first, { clusterGroups }))).toEqual([]);
  });

  test('fails on a group bound cluster-wide twice in one manager (addGroup after groups)', () => {
    const own = [...groupsOf({ ops: { clusterRole: 'view' } }), ...groupsOf({ ops: { clusterRole: 'admin' } }, 'Test/Access addGroup()')];
    expect(checkAll(EAM103, [], rbacContextOf(own))).toEqual([expect.objectContaining({
      group: 'ops',
      field: '',
      message: 'is bound cluster-wide twice on this cluster: at Test/Access addGroup() and at Test/Access groups',
    })]);
  });

  test('leaves a namespace listed twice in one declaration to EAM030', () => {
    expect(checkAll(EAM103, [], rbacContextOf({ dev: { clusterRole: 'edit', namespaces: ['a', 'a'] } }))).toEqual([]);
  });

  test('says nothing without RBAC facts', () => {
    expect(checkAll(EAM103, [])).toEqual([]);
  });
});
