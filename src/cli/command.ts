import { parseArgs } from 'util';
import { CliIo, ExitCode, UsageError } from './io';
import { closestMatch } from '../private/closest';

/** One option of a command: how it is parsed, and the line of `--help` that explains it. */
export interface OptionSpec {
  /** The long name, without `--`. */
  readonly name: string;
  /** One letter, for `-h`. */
  readonly short?: string;
  /** A flag, which takes no value. */
  readonly flag?: boolean;
  /** What the value is, in the help (`--out <file>`); the choices when there are some. */
  readonly value?: string;
  /** The values allowed; any other is a usage error. */
  readonly choices?: readonly string[];
  /** The value when the option is not given. */
  readonly default?: string;
  readonly description: string;
}

/** A positional argument of a command. */
export interface ArgumentSpec {
  /** As the help shows it: `<map.yaml|map.json>`. */
  readonly name: string;
  readonly description: string;
  readonly optional?: boolean;
}

/**
 * A command of the CLI. The table of commands (`commands.ts`) is all there is to add one:
 * its options are parsed with Node's `util.parseArgs`, and its `--help` is made from the
 * same specification.
 */
export interface CommandSpec {
  readonly name: string;
  /** One line, for the list of commands. */
  readonly summary: string;
  /** What the command does, exit codes included; a paragraph per string. */
  readonly description: readonly string[];
  readonly arguments: readonly ArgumentSpec[];
  /** The arguments in words, for the usage error: `one map file`. */
  readonly takes: string;
  readonly options: readonly OptionSpec[];
  /** Runs the command; an async command (one that calls AWS) returns a promise. */
  readonly run: (command: ParsedCommand, io: CliIo) => ExitCode | Promise<ExitCode>;
}

/** Printed by every command's `--help`, and accepted by every command. */
export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', flag: true, description: 'print this help' };

/** A command line as parsed against its command's options, defaults applied. */
export class ParsedCommand {
  constructor(
    public readonly positionals: readonly string[],
    private readonly values: Readonly<Record<string, string | boolean | undefined>>,
  ) {}

  /** The value of a string option, or its default. */
  public string(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  /** Whether a flag was given. */
  public flag(name: string): boolean {
    return this.values[name] === true;
  }
}

/** The options a command accepts: its own, then the help flag. */
export function optionsOf(command: CommandSpec): readonly OptionSpec[] {
  return [...command.options, HELP_OPTION];
}

/** `--format <text|json|sarif>`, `--out <file>`, `-h, --help`. */
export function optionSignature(option: OptionSpec): string {
  const long = `--${option.name}`;
  const value = option.flag ? '' : ` <${option.choices ? option.choices.join('|') : option.value ?? 'value'}>`;
  return `${option.short ? `-${option.short}, ` : ''}${long}${value}`;
}

/**
 * Parses a command's arguments with `util.parseArgs`. Unknown options, a missing value,
 * a value outside the choices and the wrong number of arguments are usage errors that
 * say what was expected.
 */
export function parseCommand(command: CommandSpec, args: readonly string[]): ParsedCommand {
  const specs = optionsOf(command);
  const config = Object.fromEntries(specs.map((o) => [o.name, { type: o.flag ? 'boolean' as const : 'string' as const, ...(o.short ? { short: o.short } : {}) }]));
  // A lenient pass first, for messages parseArgs cannot give: the closest known option,
  // and the value an option needs.
  const { tokens } = parseArgs({ args: [...args], options: config, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') { continue; }
    const spec = specs.find((o) => o.name === token.name);
    if (!spec) {
      const closest = closestMatch(token.name, specs.map((o) => o.name));
      throw new UsageError(`unknown option ${token.rawName}${closest ? ` (did you mean --${closest}?)` : ''}`);
    }
    if (!spec.flag && token.value === undefined) {
      throw new UsageError(`option --${spec.name} needs a value (${optionSignature(spec).replace(/^-\w, /, '')})`);
    }
    if (spec.flag && token.inlineValue) {
      throw new UsageError(`option --${spec.name} takes no value`);
    }
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options: config, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const spec of specs) {
    const given = parsed.values[spec.name];
    const value = Array.isArray(given) ? given[given.length - 1] : given;
    if (typeof value === 'string' && spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`--${spec.name} is one of ${spec.choices.join(', ')}; got ${JSON.stringify(value)}`);
    }
    values[spec.name] = value ?? spec.default;
  }
  const positionals = parsed.positionals;
  const required = command.arguments.filter((a) => !a.optional).length;
  if (!values.help && (positionals.length < required || positionals.length > command.arguments.length)) {
    const got = positionals.length === 0 ? 'none' : `${positionals.length}: ${positionals.join(', ')}`;
    throw new UsageError(`${command.name} takes ${command.takes}, got ${got}`);
  }
  return new ParsedCommand(positionals, values);
}

const WIDTH = 100;

/** The `--help` of a command, made from its specification. */
export function commandHelp(bin: string, command: CommandSpec): string {
  const lines = [`Usage: ${usageLine(bin, command)}`, ''];
  for (const paragraph of command.description) { lines.push(...wrap(paragraph, '  ', '  '), ''); }
  if (command.arguments.length > 0) {
    lines.push('Arguments:');
    lines.push(...table(command.arguments.map((a) => [a.name, a.description])), '');
  }
  lines.push('Options:');
  lines.push(...table(optionsOf(command).map((o) => [optionSignature(o), describeOption(o)])));
  return lines.join('\n');
}

/** `eks-access-manager validate <map.yaml|map.json> [options]` */
export function usageLine(bin: string, command: CommandSpec): string {
  const args = command.arguments.map((a) => (a.optional ? `[${a.name}]` : a.name));
  return [bin, command.name, ...args, '[options]'].join(' ');
}

function describeOption(option: OptionSpec): string {
  return option.default === undefined ? option.description : `${option.description} (default: ${option.default})`;
}

/** Two columns, the second wrapped and aligned. */
export function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 3;
  return rows.flatMap(([left, right]) => wrap(right, `  ${left.padEnd(width)}`, ' '.repeat(width + 2)));
}

function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/)) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
