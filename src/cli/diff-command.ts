import { existsSync, readdirSync, statSync } from 'fs';
import { basename, join } from 'path';
import { CliIo, ExitCode, parseArgs, UsageError } from './io';
import { AccessReport } from '../report/access-report';
import { renderChanges } from '../report/render-markdown';
import { ChangeKind, diffReports } from '../report/report-diff';
import { emptyReport, REPORT_PREFIX, readReport } from '../report/report-files';

export const DIFF_USAGE = `eks-access-manager diff <before> <after>

  Prints who gains or loses access between two synths: each argument is an access report
  (.json) or a cloud assembly directory (cdk.out) holding them. Widening comes first, and
  changes that will fail or cut access during cdk deploy before everything else. Exits 1
  when there is such a deploy hazard.`;

export function diffCommand(args: readonly string[], io: CliIo): ExitCode {
  const { positional } = parseArgs(args, []);
  if (positional.length !== 2) { throw new UsageError('diff takes two reports (or two cdk.out directories)'); }
  const [before, after] = positional.map(reportsIn);
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  let hazards = 0;
  for (const name of names) {
    const old = before.get(name);
    const now = after.get(name);
    const cluster = (now ?? old)!.cluster;
    const changes = diffReports(old ?? emptyReport(cluster), now ?? emptyReport(cluster));
    hazards += changes.filter((c) => c.kind === ChangeKind.DEPLOY_HAZARD).length;
    io.out(`# ${cluster}\n`);
    io.out(renderChanges(changes).slice(2).join('\n') + '\n');
  }
  return hazards > 0 ? ExitCode.FINDINGS : ExitCode.OK;
}

/** The reports of a file or directory, by file name (the cluster), to pair them up. */
function reportsIn(path: string): Map<string, AccessReport> {
  if (!existsSync(path)) { throw new UsageError(`${path} does not exist`); }
  const isDirectory = statSync(path).isDirectory();
  const files = isDirectory
    ? readdirSync(path).filter((f) => f.startsWith(REPORT_PREFIX) && f.endsWith('.json')).map((f) => join(path, f))
    : [path];
  if (files.length === 0) { throw new UsageError(`${path} holds no access report (${REPORT_PREFIX}*.json)`); }
  try {
    return new Map(files.map((f) => [isDirectory ? basename(f) : 'report', readReport(f)]));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
