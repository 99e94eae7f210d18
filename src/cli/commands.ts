import { ADOPT_COMMAND } from './adopt-command';
import { CommandSpec } from './command';
import { DIFF_COMMAND } from './diff-command';
import { MIGRATE_COMMAND } from './migrate-command';
import { PLAN_COMMAND } from './plan-command';
import { SNAPSHOT_COMMAND } from './snapshot-command';
import { VALIDATE_COMMAND } from './validate-command';

/**
 * Every command of the CLI, in the order `--help` lists them. A new command is one entry
 * here: its `CommandSpec` gives its options (shared ones from `options.ts`), its help and
 * its `run`, which may be async.
 */
export const COMMANDS: readonly CommandSpec[] = [
  MIGRATE_COMMAND,
  VALIDATE_COMMAND,
  DIFF_COMMAND,
  SNAPSHOT_COMMAND,
  PLAN_COMMAND,
  ADOPT_COMMAND,
];
