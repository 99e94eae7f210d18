import { readFileSync } from 'fs';
import { join } from 'path';
import { ALL_MIGRATION_RULES } from '../../src/migration/migration-rules';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('the migration\'s own rules', () => {
  test('the README lists each, with its severity', () => {
    const rows = README.split('\n').filter((line) => /^\| MIG\d{3} \|/.test(line));
    const documented = new Map(rows.map((line) => line.split('|').slice(1, 3).map((cell) => cell.trim()) as [string, string]));
    expect(documented).toEqual(new Map(ALL_MIGRATION_RULES.map((r) => [r.id, r.severity as string])));
  });

  test('ids are unique, ordered, and none is a validation rule\'s', () => {
    const ids = ALL_MIGRATION_RULES.map((r) => r.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^MIG\d{3}$/.test(id))).toBe(true);
  });
});
