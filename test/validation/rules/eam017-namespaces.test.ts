import { EAM017 } from '../../../src/validation/rules/eam017-namespaces';
import { checkEntry, scope } from '../helpers';

const check = (namespaces: string[]) => checkEntry(EAM017, { accessPolicies: [scope('namespace', namespaces)] });

describe('EAM017 namespace names', () => {
  test('accepts labels, prefix wildcards and a 63-character name', () => {
    expect(check(['dev', 'a', 'feature-*', 'team-1-*', '*', 'x'.repeat(63)])).toEqual([]);
  });

  test.each([
    ['Dev', 'write "dev"'],
    ['dev_team', 'use the namespace\'s real name'],
    ['-dev', 'use the namespace\'s real name'],
    ['dev-', 'use the namespace\'s real name'],
    ['*-dev', 'put one "*" at the end only'],
    ['dev**', 'put one "*" at the end only'],
    ['x'.repeat(64), 'use the namespace\'s real name'],
  ])('fails on %s', (namespace, fix) => {
    const [violation] = check([namespace]);
    expect(violation.field).toBe('accessPolicies[0].accessScope.namespaces[0]');
    expect(violation.fix).toContain(fix);
  });

  test('fails on a namespace listed twice', () => {
    expect(check(['dev', 'prod', 'dev'])).toEqual([expect.objectContaining({ field: 'accessPolicies[0].accessScope.namespaces[2]' })]);
  });
});
