import { EAM100 } from '../../../src/validation/rules/eam100-unknown-field';
import { checkAll, checkEntry, contextOf, scope } from '../helpers';
import { rbacContextOf } from '../rbac-helpers';

describe('EAM100 unknown fields', () => {
  test('accepts an entry that uses only known fields', () => {
    expect(checkEntry(EAM100, {
      type: 'STANDARD', username: 'u:{{SessionName}}', kubernetesGroups: [], tags: {}, accessPolicies: [scope('namespace', ['a'])],
    })).toEqual([]);
  });

  test('fails when an entry key is misspelt, and suggests the field', () => {
    expect(checkEntry(EAM100, { accessPolicy: [scope('cluster')] })).toEqual([{
      field: 'accessPolicy',
      message: '"accessPolicy" is not a known field',
      fix: 'did you mean "accessPolicies"?',
    }]);
  });

  test('fails on unknown keys in a policy and in a scope, with their paths', () => {
    const violations = checkEntry(EAM100, { accessPolicies: [{ policy: 'AmazonEKSViewPolicy', accessScope: { type: 'namespace', namespace: ['a'] }, scope: 1 }] });
    expect(violations.map((v) => v.field)).toEqual(['accessPolicies[0].scope', 'accessPolicies[0].accessScope.namespace']);
    expect(violations[1].fix).toBe('did you mean "namespaces"?');
  });

  test('lists the known fields when nothing is close', () => {
    expect(checkEntry(EAM100, { permissions: 'all' })).toEqual([{
      field: 'permissions',
      message: '"permissions" is not a known field',
      fix: 'use only "type", "username", "kubernetesGroups", "accessPolicies", "tags"',
    }]);
  });

  test('names only the last key of a nested field in the message', () => {
    const [violation] = checkEntry(EAM100, { accessPolicies: [{ policy: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster', namespace: ['a'] } }] });
    expect(violation.message).toBe('"namespace" is not a known field');
  });

  test('fails on unknown keys of the manager settings', () => {
    const context = contextOf({ cluster: { unknownFields: [{ field: 'principal', known: ['principals'] }], malformedFields: [], source: 'S' } });
    expect(checkAll(EAM100, [], context)).toEqual([expect.objectContaining({ field: 'principal', fix: 'did you mean "principals"?' })]);
  });

  test('reports a __proto__ key as an unknown field, like any other', () => {
    expect(checkEntry(EAM100, JSON.parse('{"__proto__": {"x": 1}, "kubernetesGroups": ["a"]}'))).toHaveLength(1);
  });
});

describe('EAM100 on `groups`', () => {
  test('fails on a misspelt key of a group and of a rule, naming the group', () => {
    const context = rbacContextOf({ dev: { clusterRole: 'view', namespace: ['a'] }, ops: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'], verb: 'list' }] } });
    expect(checkAll(EAM100, [], context)).toEqual([
      { group: 'dev', field: 'namespace', message: '"namespace" is not a known field', fix: 'did you mean "namespaces"?' },
      { group: 'ops', field: 'rules[0].verb', message: '"verb" is not a known field', fix: 'did you mean "verbs"?' },
    ]);
  });

  test('accepts groups with known keys only', () => {
    expect(checkAll(EAM100, [], rbacContextOf({ dev: { clusterRole: 'view', namespaces: ['a'] } }))).toEqual([]);
  });
});
