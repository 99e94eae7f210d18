import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_RULES } from '../../src/validation';
import { Rule } from '../../src/validation/rule';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'generate-rules-doc.js');
const DOC = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');

// The generator is plain Node; its render function is the one the build runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render } = require(SCRIPT) as { render: (rules: readonly Rule[]) => string };

/** The table rows of docs/rules.md, each as its cells (an escaped `\|` stays in its cell). */
const ruleRows = DOC.split('\n')
  .filter((line) => /^\| EAM\d{3} \|/.test(line))
  .map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
/** The cells after the id, by id. */
const rows = new Map(ruleRows.map(([id, ...cells]) => [id, cells]));

/** A string as it stands in a table cell (one line, `|` escaped). */
const asCell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();

/** Runs the generator as the build does, on the compiled rules (the test task compiles first). */
function generate(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
}

describe('docs/rules.md', () => {
  test.each(DEFAULT_RULES.map((r) => [r.id, r] as const))('lists %s with its severity, summary and source', (id, rule) => {
    expect(rows.get(id)).toEqual([rule.severity, asCell(rule.summary), asCell(rule.source)]);
  });

  test('lists no rule that is not in the catalogue, and each once', () => {
    expect(ruleRows.map(([id]) => id)).toEqual(DEFAULT_RULES.map((r) => r.id).sort());
  });

  test.each(DEFAULT_RULES.map((r) => [r.id, r] as const))('%s says where it comes from', (_id, rule) => {
    expect(rule.source.trim().length).toBeGreaterThan(5);
    // An EKS rule names the rule Rnn it implements.
    if (/^EAM0\d\d$/.test(rule.id)) {
      expect(rule.source).toMatch(new RegExp(`^R${Number(rule.id.slice(4))}\\b`));
    }
  });

  test('is what the generator writes from the rule catalogue', () => {
    // If this fails, run `npx projen docs:rules` (after a compile) and commit docs/rules.md.
    expect(render(DEFAULT_RULES)).toBe(DOC);
  });

  test('explains the id ranges and how to acknowledge a warning', () => {
    expect(DOC).toMatch(/^# /);
    for (const range of ['EAM0nn', 'EAM1nn', 'EAM2nn', 'EAM3nn']) { expect(DOC).toContain(`\`${range}\``); }
    expect(DOC).toContain("manager.acknowledge('EAM202', 'break-glass user, keys in a vault'");
    // Deterministic: no build date or time.
    expect(DOC).not.toMatch(/\d{4}-\d\d-\d\d/);
  });

  test('the generator refuses a rule without a source', () => {
    const rule = DEFAULT_RULES[0];
    expect(() => render([...DEFAULT_RULES.slice(1), { ...rule, source: ' ' }])).toThrow(`rule ${rule.id} has no source`);
  });
});

describe('generate-rules-doc.js on the compiled rules', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'rules-doc-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('--check fails on a stale file, and passes once the file is written', () => {
    const file = join(dir, 'rules.md');
    writeFileSync(file, DOC.replace(/\| EAM001 \|.*\n/, ''));
    const stale = generate('--check', file);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('is out of date with the rule catalogue: run `npx projen docs:rules`');
    expect(readFileSync(file, 'utf8')).not.toContain('| EAM001 |');

    const write = generate(file);
    expect(write.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('| EAM001 |');
    expect(generate('--check', file).status).toBe(0);
    // Deterministic: a second run writes nothing new.
    expect(generate(file).stdout).toBe('');
  });

  test('--check fails when the file is missing', () => {
    const missing = generate('--check', join(dir, 'none.md'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('is missing');
  });
});
