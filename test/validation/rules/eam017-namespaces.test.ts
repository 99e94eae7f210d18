import { Token } from 'aws-cdk-lib';
import { EAM017 } from '../../../src/validation/rules/eam017-namespaces';
import { checkEntry, scope } from '../helpers';

const check = (namespaces: string[]) => checkEntry(EAM017, { accessPolicies: [scope('namespace', namespaces)] });

const NOT_A_NAME = 'is not a Kubernetes namespace name (lower-case letters, digits and "-", starting and ending with a letter or digit)';
const REAL_NAME = 'use the namespace\'s real name';
const ONE_STAR = 'put one "*" at the end only, as in "feature-*"';

describe('EAM017 namespace names', () => {
  test('accepts labels, prefix wildcards and a 63-character name', () => {
    expect(check(['dev', 'a', 'feature-*', 'team-1-*', '*', 'x'.repeat(63)])).toEqual([]);
  });

  test.each([
    ['Dev', `"Dev" ${NOT_A_NAME}`, 'namespace names are lower case: write "dev"'],
    ['dev_team', `"dev_team" ${NOT_A_NAME}`, REAL_NAME],
    ['-dev', `"-dev" ${NOT_A_NAME}`, REAL_NAME],
    ['dev-', `"dev-" ${NOT_A_NAME}`, REAL_NAME],
    ['*-dev', '"*-dev" has a "*" that is not a single trailing wildcard', ONE_STAR],
    ['dev**', '"dev**" has a "*" that is not a single trailing wildcard', ONE_STAR],
    ['x'.repeat(64), `"${'x'.repeat(64)}" is 64 characters long; a namespace has at most 63`, REAL_NAME],
  ])('fails on %s', (namespace, message, fix) => {
    expect(check([namespace])).toEqual([{ field: 'accessPolicies[0].accessScope.namespaces[0]', message, fix }]);
  });

  test('fails on a namespace listed twice', () => {
    expect(check(['dev', 'prod', 'dev'])).toEqual([{
      field: 'accessPolicies[0].accessScope.namespaces[2]',
      message: '"dev" is listed twice',
      fix: 'list each namespace once',
    }]);
  });

  test.each([3, 12])('finds a namespace listed twice, and nothing else, in a scope of %d namespaces', (count) => {
    // Long lists are checked with a set, short ones by scanning: both find the same.
    const namespaces = Array.from({ length: count }, (_, i) => `team-${i}`);
    expect(check(namespaces)).toEqual([]);
    expect(check([...namespaces, 'team-1', 'team-1'])).toEqual([count, count + 1].map((i) => ({
      field: `accessPolicies[0].accessScope.namespaces[${i}]`,
      message: '"team-1" is listed twice',
      fix: 'list each namespace once',
    })));
  });

  test('does not check a token namespace', () => {
    expect(check(['dev', Token.asString({ Ref: 'Namespace' })])).toEqual([]);
    expect(check(Token.asList({ Ref: 'Namespaces' }))).toEqual([]);
  });

  test('accepts a scope without namespaces', () => {
    expect(checkEntry(EAM017, { accessPolicies: [scope('cluster')] })).toEqual([]);
  });
});
