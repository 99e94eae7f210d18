import { Token } from 'aws-cdk-lib';
import { EAM016 } from '../../../src/validation/rules/eam016-access-scope';
import { checkEntry, scope } from '../helpers';

const check = (...grants: unknown[]) => checkEntry(EAM016, { accessPolicies: grants });

describe('EAM016 access scope', () => {
  test('accepts a cluster scope and a namespace scope with namespaces', () => {
    expect(check(scope('cluster'), scope('namespace', ['dev', 'feature-*']))).toEqual([]);
  });

  test('fails when a namespace scope has an empty list: never widened to cluster', () => {
    const [violation] = check(scope('namespace', []));
    expect(violation.field).toBe('accessPolicies[0].accessScope.namespaces');
    expect(violation.message).toContain('never widened');
  });

  test('fails when a namespace scope has no namespaces at all', () => {
    expect(check(scope('namespace'))).toHaveLength(1);
  });

  test('fails when a cluster scope lists namespaces', () => {
    const [violation] = check(scope('cluster', ['dev']));
    expect(violation.fix).toContain('"namespace"');
  });

  test('accepts an empty namespace list on a cluster scope (it narrows nothing)', () => {
    expect(check(scope('cluster', []))).toEqual([]);
  });

  test.each(['Cluster', 'NAMESPACE'])('fails when the scope type is %s, and gives the lower-case spelling', (type) => {
    const [violation] = check(scope(type, ['dev']));
    expect(violation.field).toBe('accessPolicies[0].accessScope.type');
    expect(violation.fix).toContain(`"${type.toLowerCase()}"`);
  });

  test('fails when the scope type is unknown', () => {
    expect(check(scope('global'))[0].fix).toBe('use "cluster" or "namespace"');
  });

  test('does not check a token namespace list', () => {
    expect(check(scope('namespace', Token.asList({ Ref: 'Namespaces' })))).toEqual([]);
  });
});
