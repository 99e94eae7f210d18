import { readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_RULES } from '../src/validation';

const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

/** The rows of the README's rule table: id -> severity. */
function ruleTable(): Map<string, string> {
  const rows = README.split('\n').filter((line) => /^\| EAM\d{3} \|/.test(line));
  return new Map(rows.map((line) => {
    const [id, severity] = line.split('|').slice(1, 3).map((cell) => cell.trim());
    return [id, severity];
  }));
}

describe('README rule table', () => {
  test('lists every rule with its severity, and no rule that does not exist', () => {
    const documented = ruleTable();
    const actual = new Map(DEFAULT_RULES.map((rule) => [rule.id, rule.severity as string]));
    expect(documented).toEqual(actual);
  });

  test('rule ids are unique and ordered', () => {
    const ids = DEFAULT_RULES.map((rule) => rule.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
