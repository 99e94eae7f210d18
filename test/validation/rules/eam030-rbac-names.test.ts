import { EAM030 } from '../../../src/validation/rules/eam030-rbac-names';
import { checkAll } from '../helpers';
import { rbacContextOf } from '../rbac-helpers';

const check = (groups: Record<string, unknown>) => checkAll(EAM030, [], rbacContextOf(groups));

describe('EAM030 RBAC names and namespaces', () => {
  test('accepts Kubernetes\' own role names, colons included, and namespace names', () => {
    expect(check({
      viewers: { clusterRole: 'view', namespaces: ['apps', 'team-a', 'a1'] },
      delegators: { clusterRole: 'system:auth-delegator' },
    })).toEqual([]);
  });

  test('accepts a group without namespaces (cluster-wide) and a context without groups', () => {
    expect(check({ admins: { clusterRole: 'admin' } })).toEqual([]);
    expect(EAM030.checkAll!([], rbacContextOf({}))).toEqual([]);
  });

  test.each([
    ['a/b', 'may not contain "/"'],
    ['50%', 'may not contain "%"'],
    ['..', 'may not be ".."'],
    ['', 'is empty'],
  ])('fails on the ClusterRole name %j', (clusterRole, problem) => {
    expect(check({ dev: { clusterRole } })).toEqual([{
      group: 'dev',
      field: 'clusterRole',
      message: `${JSON.stringify(clusterRole)} is not a ClusterRole name: it ${problem}`,
      fix: 'write the name `kubectl get clusterroles` shows',
    }]);
  });

  test('fails on a namespace wildcard, which RBAC does not have', () => {
    expect(check({ dev: { clusterRole: 'edit', namespaces: ['apps', 'dev-*'] } })).toEqual([{
      group: 'dev',
      field: 'namespaces[1]',
      message: '"dev-*" is a pattern, and RBAC has none: a RoleBinding is in one namespace',
      fix: 'list each namespace; only the scopes of access policies (`accessPolicies`) take prefixes such as "dev-*"',
    }]);
    expect(check({ dev: { clusterRole: 'edit', namespaces: ['*'] } })).toHaveLength(1);
  });

  test('fails on an empty namespace list, never widened to the cluster', () => {
    expect(check({ dev: { clusterRole: 'edit', namespaces: [] } })).toEqual([{
      group: 'dev',
      field: 'namespaces',
      message: 'is empty; a group is never bound cluster-wide because its namespace list is empty',
      fix: 'list the namespaces, or leave `namespaces` out to bind the group cluster-wide on purpose',
    }]);
  });

  test('checks no ClusterRole name for a group given as rules', () => {
    expect(check({ readers: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }], namespaces: ['apps'] } })).toEqual([]);
  });

  test('fails on names that are no namespace, suggesting lower case', () => {
    const violations = check({ dev: { clusterRole: 'edit', namespaces: ['Apps', 'my_ns', 'n'.repeat(64), 'ok', 'ok'] } });
    expect(violations.map((v) => [v.field, v.fix])).toEqual([
      ['namespaces[0]', 'namespace names are lower case: write "apps"'],
      ['namespaces[1]', 'use the namespace\'s real name'],
      ['namespaces[2]', 'use the namespace\'s real name'],
      ['namespaces[4]', 'list each namespace once'],
    ]);
    expect(violations[0].message).toBe('"Apps" is not a Kubernetes namespace name (lower-case letters, digits and "-", starting and ending with a letter or digit)');
    expect(violations[2].message).toBe(`${JSON.stringify('n'.repeat(64))} is 64 characters long; a namespace has at most 63`);
    expect(violations[3].message).toBe('"ok" is listed twice');
  });

  test('accepts a namespace of exactly 63 characters', () => {
    expect(check({ dev: { clusterRole: 'edit', namespaces: ['n'.repeat(63)] } })).toEqual([]);
  });
});
