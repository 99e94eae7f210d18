import { EAM204 } from '../../../src/validation/rules/eam204-wildcard-namespace';
import { checkEntry, scope } from '../helpers';

const wildcardWarning = (field: string) => ({
  field,
  message: '"*" matches every namespace, including kube-system and every future one',
  fix: 'list the namespaces or a prefix such as "team-*"; acknowledge this warning if every namespace is intended',
});

describe('EAM204 "*" namespace', () => {
  test('accepts a prefix wildcard', () => {
    expect(checkEntry(EAM204, { accessPolicies: [scope('namespace', ['team-*'])] })).toEqual([]);
  });

  test('warns on "*" alone', () => {
    expect(checkEntry(EAM204, { accessPolicies: [scope('namespace', ['dev', '*'])] }))
      .toEqual([wildcardWarning('accessPolicies[0].accessScope.namespaces[1]')]);
  });

  test('warns on "*" as the first namespace, in the grant that lists it', () => {
    expect(checkEntry(EAM204, { accessPolicies: [scope('namespace', ['dev']), scope('namespace', ['*'])] }))
      .toEqual([wildcardWarning('accessPolicies[1].accessScope.namespaces[0]')]);
  });

  test('leaves "*" on a cluster scope to the scope rule', () => {
    expect(checkEntry(EAM204, { accessPolicies: [scope('cluster', ['*'])] })).toEqual([]);
  });

  test('accepts a namespace scope without namespaces', () => {
    expect(checkEntry(EAM204, { accessPolicies: [scope('namespace')] })).toEqual([]);
  });
});
