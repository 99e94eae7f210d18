import { readFileSync } from 'fs';
import { join } from 'path';
import { cli, ROOT, USAGE_MARK } from './helpers';
import { optionsOf, parseCommand } from '../../src/cli/command';
import { COMMANDS } from '../../src/cli/commands';

const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

describe('eks-access-manager (the bin)', () => {
  test('prints help and exits 0 with --help', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('eks-access-manager migrate <aws-auth.yaml>');
    expect(stdout).toContain('eks-access-manager validate <map.yaml|map.json>');
    expect(stdout).toContain('eks-access-manager diff <before> <after>');
  });

  test('prints the usage and exits 2 without a command', () => {
    const { code, stdout } = cli();
    expect(code).toBe(2);
    expect(stdout).toContain(USAGE_MARK);
  });

  test.each([['--version'], ['-V']])('prints the version of the package with %s', (flag) => {
    const { code, stdout } = cli(flag);
    expect(code).toBe(0);
    expect(stdout).toBe(`${VERSION}\n`);
  });

  describe.each([
    ['migrate', ['--paths <file>', '--format <yaml|json|ts>', '--out <file>', '--findings <text|json|sarif>', '--findings-out <file>']],
    ['validate', ['--account <id>', '--partition <partition>', '--format <text|json|sarif>', '--out <file>']],
    ['diff', ['--fail-on <hazard|widening>', '--format <markdown|json>', '--out <file>']],
  ])('%s --help', (command, options) => {
    test('lists every option of the command\'s table, with its value', () => {
      const { code, stdout } = cli(command, '--help');
      expect(code).toBe(0);
      expect(stdout).toContain(`${USAGE_MARK} ${command}`);
      for (const option of [...options, '-h, --help']) { expect(stdout).toMatch(new RegExp(`\\n  ${option.replace(/[|]/g, '\\|')} +\\S`)); }
    });

    test('accepts every option it lists (an unknown one is refused)', () => {
      const { stdout } = cli(command, '--help');
      const listed = [...stdout.slice(stdout.indexOf('\nOptions:')).matchAll(/\n {2}(?:-\w, )?--([a-z-]+)/g)].map((m) => m[1]);
      expect(listed.sort()).toEqual([...options.map((o) => o.split(' ')[0].slice(2)), 'help'].sort());
      // Each listed option, given to the command's parser (with a valid value and the arguments it takes).
      const spec = COMMANDS.find((c) => c.name === command)!;
      const positionals = spec.arguments.filter((a) => !a.optional).map(() => 'x');
      for (const name of listed) {
        const option = optionsOf(spec).find((o) => o.name === name);
        expect(option).toBeDefined();
        const args = [`--${name}`, ...option!.flag ? [] : [option!.choices?.[0] ?? 'x'], ...positionals];
        expect(() => parseCommand(spec, args)).not.toThrow();
      }
      expect(() => parseCommand(spec, ['--not-an-option', 'x', ...positionals])).toThrow(/^unknown option --not-an-option/);
    });
  });

  test('exits 2 on an unknown command, with the usage', () => {
    const { code, stderr } = cli('deploy');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "deploy"');
    expect(stderr).toContain(USAGE_MARK);
  });

  test('exits 2 on an unknown option, suggests the closest, and shows the command\'s usage', () => {
    const { code, stderr } = cli('validate', 'maps/valid.yaml', '--acount', '1');
    expect(code).toBe(2);
    expect(stderr).toContain('eks-access-manager validate: unknown option --acount (did you mean --account?)');
    expect(stderr).toContain(`${USAGE_MARK} validate`);
  });

  test.each([
    [['validate'], 'validate takes one map file, got none'],
    [['validate', 'a.yaml', 'b.yaml'], 'validate takes one map file, got 2: a.yaml, b.yaml'],
    [['validate', 'maps/valid.yaml', '--account'], 'option --account needs a value (--account <id>)'],
    [['validate', 'maps/valid.yaml', '--account', '12'], '--account is a 12-digit account id, got "12"'],
    [['diff', 'a.json'], 'diff takes two reports (or two cdk.out directories), got 1: a.json'],
  ])('exits 2 on %j with a usage error', (args, message) => {
    const { code, stderr } = cli(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  test('exits 2 with a clear message on a missing file, never a stack trace nor the usage', () => {
    const { code, stderr } = cli('validate', 'maps/nope.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read maps/nope.yaml: no such file; validate expects an access map file (YAML or JSON)');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain(USAGE_MARK);
  });
});
