import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { AccessReport, buildReport, REPORT_VERSION } from './access-report';
import { renderReport } from './render-markdown';
import { AccessChange, diffReports } from './report-diff';

/** The prefix of report files in a cloud assembly. */
export const REPORT_PREFIX = 'eks-access-report.';

/** A report as written to disk: the report and, with a baseline, what changed. */
export interface ReportFile extends AccessReport {
  readonly changes?: AccessChange[];
}

/** The file name (without extension) of a cluster's report. */
export function reportBaseName(cluster: string): string {
  return `${REPORT_PREFIX}${cluster.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

/**
 * Writes a cluster's report into a directory as `<name>.json` and `<name>.md`; with a
 * baseline (an earlier report file, or the cloud assembly it was written to), both say
 * what changed since.
 *
 * @returns the paths written
 */
export function writeReport(outdir: string, report: AccessReport, baseline?: string): string[] {
  const base = reportBaseName(report.cluster);
  const earlier = baseline === undefined ? undefined : findBaseline(baseline, base);
  const changes = baseline === undefined ? undefined : diffReports(earlier ?? emptyReport(report.cluster), report);
  const file: ReportFile = changes ? { ...report, changes } : report;
  const json = join(outdir, `${base}.json`);
  const md = join(outdir, `${base}.md`);
  writeFileSync(json, JSON.stringify(file, undefined, 2) + '\n');
  writeFileSync(md, renderReport(report, changes));
  return [json, md];
}

/** Reads a report file, refusing anything that is not one. */
export function readReport(path: string): AccessReport {
  const parsed = JSON.parse(readFileSync(path, 'utf8'));
  if (parsed?.version !== REPORT_VERSION || !Array.isArray(parsed.entries) || typeof parsed.cluster !== 'string') {
    throw new Error(`${path} is not an eks-access-manager report (version ${REPORT_VERSION})`);
  }
  return parsed;
}

/** The earlier report of the same cluster: the file given, or its namesake in a directory. */
function findBaseline(baseline: string, base: string): AccessReport | undefined {
  if (!existsSync(baseline)) {
    throw new Error(`the report baseline ${baseline} does not exist`);
  }
  const path = statSync(baseline).isDirectory() ? join(baseline, `${base}.json`) : baseline;
  return existsSync(path) ? readReport(path) : undefined;
}

/** A report with no entry: the baseline of a cluster that had none. */
export function emptyReport(cluster: string): AccessReport {
  return buildReport(cluster, []);
}
