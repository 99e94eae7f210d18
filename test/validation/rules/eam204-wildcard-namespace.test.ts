import { EAM204 } from '../../../src/validation/rules/eam204-wildcard-namespace';
import { checkEntry, scope } from '../helpers';

describe('EAM204 "*" namespace', () => {
  test('accepts a prefix wildcard', () => {
    expect(checkEntry(EAM204, { accessPolicies: [scope('namespace', ['team-*'])] })).toEqual([]);
  });

  test('warns on "*" alone', () => {
    expect(checkEntry(EAM204, { accessPolicies: [scope('namespace', ['dev', '*'])] })[0].field).toBe('accessPolicies[0].accessScope.namespaces[1]');
  });
});
