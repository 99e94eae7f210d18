/** What a command may touch; tests pass their own. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => string;
}

/** Exit codes: 0 all good, 1 findings that are errors, 2 the command could not run. */
export enum ExitCode {
  OK = 0,
  FINDINGS = 1,
  USAGE = 2,
}

/** A command that cannot run (bad arguments, unreadable file): message and exit code 2. */
export class UsageError extends Error {}

/** Options and positional arguments of a command line. */
export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Record<string, string>;
}

/** Parses `--name value` and `--name=value`; only the options a command declares. */
export function parseArgs(args: readonly string[], known: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) { positional.push(arg); continue; }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) { throw new UsageError(`unknown option --${name}; this command takes ${known.map((k) => `--${k}`).join(', ') || 'no options'}`); }
    const value = inline ?? args[++i];
    if (value === undefined) { throw new UsageError(`--${name} needs a value`); }
    options[name] = value;
  }
  return { positional, options };
}

/** Reads an input file, turning a missing or unreadable file into a usage error. */
export function readInput(io: CliIo, path: string): string {
  try {
    return io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message}`);
  }
}
