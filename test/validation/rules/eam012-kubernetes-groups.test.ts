import { Token } from 'aws-cdk-lib';
import { EAM012 } from '../../../src/validation/rules/eam012-kubernetes-groups';
import { checkAll, checkEntry } from '../helpers';
import { rbacContextOf } from '../rbac-helpers';

const EMPTY = { message: 'is an empty group name', fix: 'remove it or name the group' };
const OWN_GROUP = 'bind your RBAC roles to a group of your own name, or use an access policy';

describe('EAM012 Kubernetes groups', () => {
  test('accepts groups of your own', () => {
    expect(checkEntry(EAM012, { kubernetesGroups: ['dev-team', 'readers', 'systems'] })).toEqual([]);
  });

  test('accepts an entry without groups', () => {
    expect(checkEntry(EAM012, {})).toEqual([]);
  });

  test('fails on system:masters and points to the cluster admin policy', () => {
    expect(checkEntry(EAM012, { kubernetesGroups: ['dev', 'system:masters'] })).toEqual([{
      field: 'kubernetesGroups[1]',
      message: '"system:masters" starts with "system:", which EKS refuses',
      fix: 'grant AmazonEKSClusterAdminPolicy at cluster scope instead',
    }]);
  });

  test('fails on any other system: group', () => {
    expect(checkEntry(EAM012, { kubernetesGroups: ['system:authenticated'] })).toEqual([{
      field: 'kubernetesGroups[0]',
      message: '"system:authenticated" starts with "system:", which EKS refuses',
      fix: OWN_GROUP,
    }]);
  });

  test('fails on a duplicate and on an empty name', () => {
    expect(checkEntry(EAM012, { kubernetesGroups: ['dev', '', 'dev'] })).toEqual([
      { field: 'kubernetesGroups[1]', ...EMPTY },
      { field: 'kubernetesGroups[2]', message: '"dev" is listed twice; CloudFormation refuses duplicate groups', fix: 'list each group once' },
    ]);
  });

  test('fails on a name of blanks only', () => {
    expect(checkEntry(EAM012, { kubernetesGroups: [' ', '\t'] })).toEqual([
      { field: 'kubernetesGroups[0]', ...EMPTY },
      { field: 'kubernetesGroups[1]', ...EMPTY },
    ]);
  });

  test('accepts token groups', () => {
    expect(checkEntry(EAM012, { kubernetesGroups: ['dev', Token.asString({ Ref: 'Group' }), Token.asString({ Ref: 'Other' })] })).toEqual([]);
    expect(checkEntry(EAM012, { kubernetesGroups: Token.asList({ Ref: 'Groups' }) })).toEqual([]);
  });

  test('fails on one token listed twice, which deploys as a duplicate', () => {
    const group = Token.asString({ Ref: 'Group' });
    expect(checkEntry(EAM012, { kubernetesGroups: [group, 'dev', group] })).toEqual([{
      field: 'kubernetesGroups[2]',
      message: `${JSON.stringify(group)} is listed twice; CloudFormation refuses duplicate groups`,
      fix: 'list each group once',
    }]);
  });

  test('fails on a token after a literal "system:"', () => {
    const group = `system:${Token.asString({ Ref: 'Suffix' })}`;
    expect(checkEntry(EAM012, { kubernetesGroups: [group] })).toEqual([{
      field: 'kubernetesGroups[0]',
      message: `${JSON.stringify(group)} starts with "system:", which EKS refuses`,
      fix: OWN_GROUP,
    }]);
  });
});

describe('EAM012 on the names of `groups`', () => {
  test('accepts groups of your own', () => {
    expect(checkAll(EAM012, [], rbacContextOf({ 'dev-team': { clusterRole: 'edit' }, 'Ops Team': { clusterRole: 'view' } }))).toEqual([]);
  });

  test('fails on a system: group, which no entry can carry', () => {
    expect(checkAll(EAM012, [], rbacContextOf({ 'system:authenticated': { clusterRole: 'view' } }))).toEqual([{
      group: 'system:authenticated',
      field: '',
      message: '"system:authenticated" starts with "system:" (EKS refuses it on access entries, so no entry of this map can carry it), and Kubernetes puts its own principals in it',
      fix: 'bind a group of your own name, and list it in the `kubernetesGroups` of the entries it is for',
    }]);
  });

  test('points system:masters to the cluster admin policy, and fails on a blank name', () => {
    const violations = checkAll(EAM012, [], rbacContextOf({ 'system:masters': { clusterRole: 'cluster-admin' }, ' ': { clusterRole: 'view' } }));
    expect(violations.map((v) => [v.group, v.fix])).toEqual([
      ['system:masters', 'grant AmazonEKSClusterAdminPolicy at cluster scope instead'],
      [' ', 'name the group as the entries\' `kubernetesGroups` do'],
    ]);
  });
});
