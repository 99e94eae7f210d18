import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { CliIo, InputError, readInput } from './io';
import { AccessReport } from '../report/access-report';
import { parseReport, REPORT_FILE_EXPECTED as EXPECTED, REPORT_PREFIX } from '../report/report-files';

/**
 * The access reports of a report file, or of a cloud assembly directory, by cluster, so
 * that two synths pair up (a report file kept from the last release with the cloud
 * assembly of this change, say). Anything else is an `InputError` that names the file and
 * what was expected.
 */
export function reportsIn(io: CliIo, path: string): Map<string, AccessReport> {
  if (!existsSync(path)) { throw new InputError(`cannot read ${path}: no such file or directory; diff expects ${EXPECTED} or a cloud assembly (cdk.out) directory`); }
  const files = statSync(path).isDirectory()
    ? readdirSync(path).filter((f) => f.startsWith(REPORT_PREFIX) && f.endsWith('.json')).sort().map((f) => join(path, f))
    : [path];
  if (files.length === 0) { throw new InputError(`${path} holds no access report (${REPORT_PREFIX}*.json); diff expects ${EXPECTED} or a cloud assembly (cdk.out) directory`); }
  const reports = new Map<string, AccessReport>();
  const fileOf = new Map<string, string>();
  for (const file of files) {
    const report = readReportFile(io, file);
    if (fileOf.has(report.cluster)) {
      throw new InputError(`${file} and ${fileOf.get(report.cluster)} are both reports of the cluster ${report.cluster}; diff expects one report per cluster in ${path}`);
    }
    reports.set(report.cluster, report);
    fileOf.set(report.cluster, file);
  }
  return reports;
}

/** One report file, checked enough that comparing it cannot fail half-way (see `parseReport`). */
export function readReportFile(io: CliIo, path: string): AccessReport {
  const text = readInput(io, path, `diff expects ${EXPECTED}`);
  try {
    return parseReport(text, path);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}
