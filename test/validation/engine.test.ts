import { contextOf, entryOf } from './helpers';
import { CLUSTER_SETTINGS, runRules } from '../../src/validation/engine';
import { Rule, Severity } from '../../src/validation/rule';

const perEntry: Rule = {
  id: 'EAM901',
  severity: Severity.ERROR,
  summary: 'test rule',
  source: 'this test',
  checkEntry: (entry) => entry.username === 'bad' ? [{ field: 'username', message: 'is bad', fix: 'change it' }] : [],
};
const together: Rule = {
  id: 'EAM902',
  severity: Severity.WARNING,
  summary: 'test rule',
  source: 'this test',
  checkAll: (entries) => [
    { entry: entries[entries.length - 1], field: '', message: 'is last', fix: 'none' },
    { field: 'clusterName', message: 'is odd', fix: 'rename' },
  ],
};

describe('runRules', () => {
  const a = entryOf({ username: 'bad' }, 'arn:aws:iam::111122223333:role/a', 'S/A principals');
  const b = entryOf({}, 'arn:aws:iam::111122223333:role/b', 'S/B principals');

  test('reports per-entry findings first, with rule, severity, principal, identity and source', () => {
    expect(runRules([a, b], contextOf(), [perEntry])).toEqual([{
      ruleId: 'EAM901',
      severity: Severity.ERROR,
      principal: 'arn:aws:iam::111122223333:role/a',
      identity: 'arn:aws:iam::111122223333:role/a',
      source: 'S/A principals',
      field: 'username',
      message: 'is bad',
      fix: 'change it',
    }]);
  });

  test('keeps per-entry findings in the order the entries were declared, whichever rule found them', () => {
    const empty: Rule = { ...perEntry, id: 'EAM903', checkEntry: (entry) => entry.username === undefined ? [{ field: 'username', message: 'is missing', fix: 'add one' }] : [] };
    const c = entryOf({}, 'arn:aws:iam::111122223333:role/c', 'S/C principals');
    const findings = runRules([b, a, c], contextOf(), [perEntry, empty]);
    expect(findings.map((f) => [f.principal, f.ruleId])).toEqual([
      ['arn:aws:iam::111122223333:role/b', 'EAM903'],
      ['arn:aws:iam::111122223333:role/a', 'EAM901'],
      ['arn:aws:iam::111122223333:role/c', 'EAM903'],
    ]);
    // An entry without findings among others that have some.
    expect(runRules([b, a], contextOf(), [perEntry]).map((f) => f.principal)).toEqual(['arn:aws:iam::111122223333:role/a']);
  });

  test('reports findings about several entries on the entry named, or on the cluster settings', () => {
    const findings = runRules([a, b], contextOf(), [together]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.principal, f.identity, f.source])).toEqual([
      ['EAM902', Severity.WARNING, 'arn:aws:iam::111122223333:role/b', 'arn:aws:iam::111122223333:role/b', 'S/B principals'],
      ['EAM902', Severity.WARNING, CLUSTER_SETTINGS, undefined, 'Test/Access'],
    ]);
  });

  test('keeps only findings on its own entries when given the whole cluster', () => {
    const findings = runRules([a], contextOf(), [together], [a, b]);
    expect(findings.map((f) => f.principal)).toEqual([CLUSTER_SETTINGS]);
  });

  test('shows "(cluster settings)" as the principal of a finding about the cluster settings', () => {
    expect(runRules([a], contextOf(), [together], [a, b])).toEqual([{
      ruleId: 'EAM902',
      severity: Severity.WARNING,
      principal: '(cluster settings)',
      identity: undefined,
      source: 'Test/Access',
      field: 'clusterName',
      message: 'is odd',
      fix: 'rename',
    }]);
  });

  test('reports a finding about a group on the group, with the group, never on the cluster settings', () => {
    const onGroup: Rule = {
      id: 'EAM903',
      severity: Severity.ERROR,
      summary: 'test rule',
      source: 'this test',
      checkAll: () => [{ group: 'dev-team', field: 'namespaces', message: 'is odd', fix: 'fix it' }],
    };
    const [finding] = runRules([a], contextOf(), [onGroup, together]);
    expect(finding).toEqual({
      ruleId: 'EAM903',
      severity: Severity.ERROR,
      principal: 'group "dev-team"',
      identity: undefined,
      group: 'dev-team',
      source: 'Test/Access',
      field: 'namespaces',
      message: 'is odd',
      fix: 'fix it',
    });
    // A finding without a group carries no `group` key at all.
    expect(runRules([a], contextOf(), [together]).some((f) => 'group' in f)).toBe(false);
  });
});
