import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// The real bin of the package, compiled (`npx projen compile`; the test task compiles first).
export const ROOT = join(__dirname, '..', '..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const BIN = join(ROOT, PACKAGE.bin['eks-access-manager']);
export const FIXTURES = join(__dirname, '..', 'fixtures');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where the bin runs: @default cwd test/fixtures, env this process's. */
export interface CliPlace {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs the bin in test/fixtures, as a pipeline would; a first argument `{ cwd, env }` runs it there instead. */
export function cli(...args: string[]): CliRun;
export function cli(place: CliPlace, ...args: string[]): CliRun;
export function cli(...given: Array<string | CliPlace>): CliRun {
  const place = typeof given[0] === 'object' ? given[0] : {};
  const args = given.filter((a): a is string => typeof a === 'string');
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: place.cwd ?? FIXTURES, env: place.env, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Writes a file into a fresh temporary directory and returns its path. */
export function tempFile(name: string, contents: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'eam-cli-')), name);
  writeFileSync(path, contents);
  return path;
}

/** The usage text a usage error prints (and a file error must not). */
export const USAGE_MARK = 'Usage: eks-access-manager';
