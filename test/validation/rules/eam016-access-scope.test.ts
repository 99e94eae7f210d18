import { Token } from 'aws-cdk-lib';
import { EAM016 } from '../../../src/validation/rules/eam016-access-scope';
import { checkEntry, scope } from '../helpers';

const check = (...grants: unknown[]) => checkEntry(EAM016, { accessPolicies: grants });

const NAMESPACE_FIX = 'list the namespaces the policy applies to, or set the scope type to "cluster" to grant it cluster-wide on purpose';

describe('EAM016 access scope', () => {
  test('accepts a cluster scope and a namespace scope with namespaces', () => {
    expect(check(scope('cluster'), scope('namespace', ['dev', 'feature-*']))).toEqual([]);
  });

  test('fails when a namespace scope has an empty list: never widened to cluster', () => {
    expect(check(scope('namespace', []))).toEqual([{
      field: 'accessPolicies[0].accessScope.namespaces',
      message: 'a namespace scope has an empty namespace list; it is never widened to the whole cluster',
      fix: NAMESPACE_FIX,
    }]);
  });

  test('fails when a namespace scope has no namespaces at all', () => {
    expect(check(scope('namespace'))).toEqual([{
      field: 'accessPolicies[0].accessScope.namespaces',
      message: 'a namespace scope has no namespaces; it is never widened to the whole cluster',
      fix: NAMESPACE_FIX,
    }]);
  });

  test('fails when a cluster scope lists namespaces', () => {
    expect(check(scope('cluster', ['dev', 'prod']))).toEqual([{
      field: 'accessPolicies[0].accessScope.namespaces',
      message: 'a cluster scope covers every namespace, yet it lists 2',
      fix: 'set the scope type to "namespace" to limit the policy to these namespaces, or remove the list',
    }]);
  });

  test('accepts an empty namespace list on a cluster scope (it narrows nothing)', () => {
    expect(check(scope('cluster', []))).toEqual([]);
  });

  test.each(['Cluster', 'NAMESPACE'])('fails when the scope type is %s, and gives the lower-case spelling', (type) => {
    expect(check(scope(type, ['dev']))).toEqual([{
      field: 'accessPolicies[0].accessScope.type',
      message: `"${type}" is not a scope type`,
      fix: `scope types are lower case: write "${type.toLowerCase()}"`,
    }]);
  });

  test('fails when the scope type is unknown', () => {
    expect(check(scope('global'))).toEqual([{
      field: 'accessPolicies[0].accessScope.type',
      message: '"global" is not a scope type',
      fix: 'use "cluster" or "namespace"',
    }]);
  });

  test('reports the grant the scope belongs to', () => {
    expect(check(scope('cluster'), scope('global')).map(v => v.field)).toEqual(['accessPolicies[1].accessScope.type']);
  });

  test('does not check a token namespace list', () => {
    expect(check(scope('namespace', Token.asList({ Ref: 'Namespaces' })))).toEqual([]);
    expect(check(scope('cluster', Token.asList({ Ref: 'Namespaces' })))).toEqual([]);
  });

  test('does not check a token scope type', () => {
    expect(check(scope(Token.asString({ Ref: 'ScopeType' }), ['dev']))).toEqual([]);
  });

  test('leaves a scope without a type to the rule for missing fields', () => {
    expect(check({ policy: 'AmazonEKSViewPolicy', accessScope: { namespaces: ['dev'] } })).toEqual([]);
  });
});
