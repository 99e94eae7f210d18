/** What a command may touch; tests pass their own. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Reads a text file (see `readTextFile`); throws an `InputError` when it cannot. */
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
}

/** Exit codes: 0 all good, 1 findings that are errors (or a gate that failed), 2 the command could not run. */
export enum ExitCode {
  OK = 0,
  FINDINGS = 1,
  USAGE = 2,
}

/** A command line that cannot run (bad arguments): its message, the command's usage, exit code 2. */
export class UsageError extends Error {}

/**
 * An input file that cannot be used (missing, binary, not what the command reads): its
 * message names the file and what was expected; exit code 2, and no usage text, since
 * the command line itself was right.
 */
export class InputError extends Error {}

/**
 * Reads an input file; any failure becomes an `InputError` that names the file and what
 * the command expected there (`validate expects an access map file (YAML or JSON)`).
 */
export function readInput(io: Pick<CliIo, 'readFile'>, path: string, expected: string): string {
  try {
    return io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `cannot read ${path}: no such file`
      : code === 'EISDIR' ? `cannot read ${path}: it is a directory`
        : code !== undefined ? `cannot read ${path}: ${code}`
          : (e as Error).message;
    throw new InputError(`${why}; ${expected}`);
  }
}

/** Writes what a command prints to `--out`, or to stdout without it. */
export function emit(io: CliIo, out: string | undefined, text: string): void {
  if (out === undefined) {
    io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
    return;
  }
  try {
    io.writeFile(out, text.endsWith('\n') ? text : `${text}\n`);
  } catch (e) {
    throw new InputError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
