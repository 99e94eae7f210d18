import { readdirSync } from 'fs';
import { join } from 'path';
import { DEFAULT_RULES } from '../../src/validation';
import { Rule, Severity } from '../../src/validation/rule';

const RULES_DIR = join(__dirname, '..', '..', 'src', 'validation', 'rules');

/** Each rule file with the rules it exports, by export name. */
const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts')).map((file) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports: Record<string, unknown> = require(join(RULES_DIR, file));
  const rules = Object.entries(exports).filter((e): e is [string, Rule] => typeof (e[1] as Rule)?.id === 'string');
  return { file, rules };
});

describe('the rule catalogue', () => {
  test.each(files.map((f) => [f.file, f.rules] as const))('%s holds one rule, named by its id', (file, rules) => {
    expect(rules).toHaveLength(1);
    const [exportName, rule] = rules[0];
    expect(rule.id).toMatch(/^EAM\d{3}$/);
    expect(exportName).toBe(rule.id);
    expect(file.startsWith(`${rule.id.toLowerCase()}-`)).toBe(true);
  });

  test.each(DEFAULT_RULES.map((r) => [r.id, r] as const))('%s says what it checks, with a severity and a check', (_id, rule) => {
    // The summary is the rule's description in the validation plugin's report.
    expect(rule.summary.length).toBeGreaterThan(20);
    expect(rule.summary).toMatch(/\.$/);
    expect([Severity.ERROR, Severity.WARNING]).toContain(rule.severity);
    expect(rule.checkEntry ?? rule.checkAll).toBeInstanceOf(Function);
  });

  test('every rule file is in DEFAULT_RULES, once', () => {
    const ids = files.flatMap((f) => f.rules.map(([, rule]) => rule.id)).sort();
    expect(DEFAULT_RULES.map((r) => r.id)).toEqual(ids);
  });
});
