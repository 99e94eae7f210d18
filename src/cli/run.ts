import { diffCommand, DIFF_USAGE } from './diff-command';
import { CliIo, ExitCode, UsageError } from './io';
import { migrateCommand, MIGRATE_USAGE } from './migrate-command';
import { validateCommand, VALIDATE_USAGE } from './validate-command';

const COMMANDS: Record<string, { run: (args: readonly string[], io: CliIo) => ExitCode; usage: string }> = {
  migrate: { run: migrateCommand, usage: MIGRATE_USAGE },
  validate: { run: validateCommand, usage: VALIDATE_USAGE },
  diff: { run: diffCommand, usage: DIFF_USAGE },
};

const USAGE = `Usage: eks-access-manager <command> [options]

Commands:
${Object.values(COMMANDS).map((c) => `  ${c.usage.split('\n')[0]}`).join('\n')}

Run 'eks-access-manager <command> --help' for a command's options.`;

/** Runs the command line; returns the exit code. Never throws. */
export function runCli(args: readonly string[], io: CliIo): ExitCode {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? ExitCode.USAGE : ExitCode.OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`unknown command "${name}"\n\n${USAGE}`);
    return ExitCode.USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return ExitCode.OK;
  }
  try {
    return command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`eks-access-manager ${name}: ${e.message}\n\n${command.usage}`);
      return ExitCode.USAGE;
    }
    io.err(`eks-access-manager ${name}: unexpected error, please report it: ${(e as Error).stack ?? e}`);
    return ExitCode.USAGE;
  }
}
