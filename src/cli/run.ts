import { CommandSpec, commandHelp, parseCommand, table, usageLine } from './command';
import { COMMANDS } from './commands';
import { CliIo, ExitCode, InputError, UsageError } from './io';
import { packageInfo } from './package-info';
import { closestMatch } from '../private/closest';

const BIN = 'eks-access-manager';

/** The top-level help: every command of the table, and the global options. */
export function cliHelp(commands: readonly CommandSpec[] = COMMANDS): string {
  return [
    `Usage: ${BIN} <command> [options]`,
    '',
    'Commands:',
    ...commands.flatMap((c) => [`  ${usageLine(BIN, c)}`, `      ${c.summary}`]),
    '',
    'Options:',
    ...table([['-h, --help', 'print this help (after a command: the command\'s)'], ['-V, --version', 'print the version']]),
    '',
    `Run '${BIN} <command> --help' for a command's options.`,
  ].join('\n');
}

/**
 * Runs a command line; resolves to the exit code (0 all good, 1 findings that are errors or
 * a failed gate, 2 the command could not run). Never rejects: every error is printed.
 */
export async function runCli(args: readonly string[], io: CliIo, commands: readonly CommandSpec[] = COMMANDS): Promise<ExitCode> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(cliHelp(commands));
    return name === undefined ? ExitCode.USAGE : ExitCode.OK;
  }
  if (name === '--version' || name === '-V') {
    io.out(packageInfo().version);
    return ExitCode.OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const closest = closestMatch(name, commands.map((c) => c.name));
    io.err(`unknown command "${name}"${closest ? ` (did you mean ${closest}?)` : ''}\n\n${cliHelp(commands)}`);
    return ExitCode.USAGE;
  }
  // `--help` anywhere before `--` wins over every other problem of the line.
  const end = rest.indexOf('--');
  if ((end === -1 ? rest : rest.slice(0, end)).some((a) => a === '--help' || a === '-h')) {
    io.out(commandHelp(BIN, command));
    return ExitCode.OK;
  }
  try {
    return await command.run(parseCommand(command, rest), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${BIN} ${name}: ${e.message}\n\n${commandHelp(BIN, command)}`);
      return ExitCode.USAGE;
    }
    if (e instanceof InputError) {
      io.err(`${BIN} ${name}: ${e.message}`);
      return ExitCode.USAGE;
    }
    io.err(`${BIN} ${name}: unexpected error, please report it: ${(e as Error).stack ?? e}`);
    return ExitCode.USAGE;
  }
}
