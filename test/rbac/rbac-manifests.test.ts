import { Token } from 'aws-cdk-lib';
import { normalizeGroup } from '../../src/rbac/group-model';
import { groupManifests, idPart } from '../../src/rbac/rbac-manifests';
import { rbacNameProblem } from '../../src/rbac/rbac-vocabulary';

describe('idPart', () => {
  test.each(['dev-team', 'a1', 'view'])('keeps %j, already a DNS label', (text) => {
    expect(idPart(text)).toBe(text);
  });

  test.each(['Dev Team', 'dev_team', 'system:aggregate-to-view', '-lead', 'trail-', '', '🚀'])('makes %j readable, with a hash of the text', (text) => {
    expect(idPart(text)).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?-[0-9a-f]{8}$/);
  });

  test('keeps texts apart that read the same', () => {
    expect(new Set(['dev-team', 'Dev-Team', 'dev team', 'dev_team'].map(idPart)).size).toBe(4);
  });

  test('stays short for a long group name', () => {
    expect(idPart('g'.repeat(300)).length).toBe(50 + 9);
  });
});

describe('groupManifests', () => {
  test('binds a ClusterRole cluster-wide: one ClusterRoleBinding, its id naming the role', () => {
    const { groupId, manifests } = groupManifests(normalizeGroup('ops', { clusterRole: 'system:aggregate-to-view' }, 'T'), 'S/A/Groups');
    expect(groupId).toBe('ops');
    expect(manifests.map((m) => [m.id, m.object.kind, m.afterRole])).toEqual([
      [`ClusterRoleBinding-${idPart('system:aggregate-to-view')}`, 'ClusterRoleBinding', false],
    ]);
    expect((manifests[0].object.roleRef as { name: string }).name).toBe('system:aggregate-to-view');
  });

  test('creates the ClusterRole of `rules` first, then a RoleBinding per namespace bound to it', () => {
    const rules = [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }];
    const { manifests } = groupManifests(normalizeGroup('ops', { rules, namespaces: ['a', 'b'] }, 'T'), 'S/A/Groups');
    expect(manifests.map((m) => [m.id, m.object.kind, m.afterRole])).toEqual([
      ['ClusterRole', 'ClusterRole', false],
      ['RoleBinding-in-a', 'RoleBinding', true],
      ['RoleBinding-in-b', 'RoleBinding', true],
    ]);
    const role = manifests[0].object as { metadata: { name: string }; rules: unknown };
    expect(role.rules).toEqual(rules);
    expect(manifests.slice(1).map((m) => (m.object.roleRef as { name: string }).name)).toEqual([role.metadata.name, role.metadata.name]);
  });

  test('derives every name from the path of its manifest: a new path, a new name', () => {
    const group = normalizeGroup('ops', { clusterRole: 'view' }, 'T');
    const name = (path: string) => (groupManifests(group, path).manifests[0].object.metadata as { name: string }).name;
    expect(name('S/A/Groups')).toBe(name('S/A/Groups'));
    expect(name('S/A/Groups')).not.toBe(name('S/Renamed/Groups'));
  });

  test('every name it makes is an RBAC name and a DNS subdomain', () => {
    const { manifests } = groupManifests(normalizeGroup('Ünïcode / group %', { clusterRole: 'a:b', namespaces: ['n'] }, 'T'), 'S/A/Groups');
    const name = (manifests[0].object.metadata as { name: string }).name;
    expect(rbacNameProblem(name)).toBeUndefined();
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(name.length).toBeLessThanOrEqual(253);
  });
});

describe('normalizeGroup', () => {
  test('keeps a token role and a token namespace as malformed: names derive from them', () => {
    const model = normalizeGroup('ops', { clusterRole: Token.asString({ Ref: 'Role' }), namespaces: ['a', Token.asString({ Ref: 'Ns' })] }, 'T');
    expect(model.malformedFields.map((m) => m.field)).toEqual(['clusterRole', 'namespaces[1]']);
  });

  test('keeps a token group name as malformed', () => {
    expect(normalizeGroup(Token.asString({ Ref: 'G' }), { clusterRole: 'view' }, 'T').malformedFields.map((m) => m.field)).toEqual(['(group name)']);
  });
});
