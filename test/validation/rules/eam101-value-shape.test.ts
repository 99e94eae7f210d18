import { EAM101 } from '../../../src/validation/rules/eam101-value-shape';
import { checkAll, checkEntry, contextOf, scope } from '../helpers';
import { rbacContextOf } from '../rbac-helpers';

describe('EAM101 value shapes', () => {
  test('accepts values of the right types', () => {
    expect(checkEntry(EAM101, { username: 'u', kubernetesGroups: ['g'], tags: { a: 'b' }, accessPolicies: [scope('cluster')] })).toEqual([]);
  });

  test.each([
    [{ username: 3 }, 'username', 'must be a string, got the number 3', 'write a string here'],
    [{ kubernetesGroups: 'dev' }, 'kubernetesGroups', 'must be a list, got the string "dev"', 'write a list here'],
    [{ kubernetesGroups: ['a', null] }, 'kubernetesGroups[1]', 'must be a string, got null', 'write a string here'],
    [{ tags: { team: 1 } }, 'tags.team', 'must be a string, got the number 1', 'write a string here'],
    [{ accessPolicies: {} }, 'accessPolicies', 'must be a list, got an object', 'write a list here'],
    [{ accessPolicies: ['AmazonEKSViewPolicy'] }, 'accessPolicies[0]', 'must be an object, got the string "AmazonEKSViewPolicy"', 'write an object here'],
  ])('fails when the value is %j', (access, field, message, fix) => {
    expect(checkEntry(EAM101, access)).toEqual([{ field, message, fix }]);
  });

  test('fails when an entry is not an object', () => {
    expect(checkEntry(EAM101, null)).toEqual([expect.objectContaining({ field: '(entry)', message: 'must be an object, got null' })]);
  });

  test('fails when a policy or its scope is missing, and says to add it', () => {
    const violations = checkEntry(EAM101, { accessPolicies: [{ policy: 'AmazonEKSViewPolicy' }, { accessScope: {} }] });
    expect(violations).toEqual([
      { field: 'accessPolicies[0].accessScope', message: 'is required but missing', fix: 'add it' },
      { field: 'accessPolicies[1].policy', message: 'is required but missing', fix: 'add it' },
      { field: 'accessPolicies[1].accessScope.type', message: 'is required but missing', fix: 'add it' },
    ]);
  });

  test('fails on malformed manager settings', () => {
    const context = contextOf({
      cluster: {
        unknownFields: [],
        malformedFields: [
          { field: 'shards', expected: 'a whole number from 1 to 64', got: 'the string "2"' },
          { field: 'clusterName', expected: 'a value', got: 'nothing' },
        ],
        source: 'S',
      },
    });
    expect(checkAll(EAM101, [], context)).toEqual([
      { field: 'shards', message: 'must be a whole number from 1 to 64, got the string "2"', fix: 'write a whole number from 1 to 64 here' },
      { field: 'clusterName', message: 'is required but missing', fix: 'add it' },
    ]);
  });

  test('accepts well-formed manager settings', () => {
    expect(checkAll(EAM101, [], contextOf())).toEqual([]);
  });

  test('shortens a huge value in the message', () => {
    const [violation] = checkEntry(EAM101, { kubernetesGroups: 'x'.repeat(100000) });
    expect(violation.message.length).toBeLessThan(300);
  });
});

describe('EAM101 on `groups`', () => {
  const EXACTLY_ONE = 'exactly one of `clusterRole` (a ClusterRole of the cluster) and `rules` (the rules of a ClusterRole this library creates)';

  test('accepts a group with a role, and one with rules', () => {
    expect(checkAll(EAM101, [], rbacContextOf({
      dev: { clusterRole: 'edit', namespaces: ['a'] },
      ops: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'], resourceNames: ['web'] }] },
    }))).toEqual([]);
  });

  test.each([
    ['neither', {}],
    ['both', { clusterRole: 'view', rules: [] }],
  ])('fails on a group with %s of `clusterRole` and `rules`', (got, access) => {
    expect(checkAll(EAM101, [], rbacContextOf({ dev: access }))).toEqual([{
      group: 'dev',
      field: 'clusterRole',
      message: `must be ${EXACTLY_ONE}, got ${got}`,
      fix: `write ${EXACTLY_ONE} here`,
    }]);
  });

  test('fails on wrong types and missing fields of a rule, and on a group that is no object', () => {
    const violations = checkAll(EAM101, [], rbacContextOf({
      ops: { rules: [{ apiGroups: [''], verbs: 'get' }], namespaces: 'apps' },
      dev: 'view',
    }));
    expect(violations.map((v) => [v.group, v.field, v.message])).toEqual([
      ['ops', 'namespaces', 'must be a list, got the string "apps"'],
      ['ops', 'rules[0].resources', 'is required but missing'],
      ['ops', 'rules[0].verbs', 'must be a list, got the string "get"'],
      // Not an object: no more is said of it.
      ['dev', '(group)', 'must be an object, got the string "view"'],
    ]);
  });
});
