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

/** Reads a report file, refusing anything that is not one (see `parseReport`). */
export function readReport(path: string): AccessReport {
  return parseReport(readFileSync(path, 'utf8'), path);
}

/** What a report file is, for messages. */
export const REPORT_FILE_EXPECTED = `an eks-access-manager access report (${REPORT_PREFIX}<cluster>.json)`;

/**
 * The report of a report file's text, checked enough that comparing it cannot fail
 * half-way; anything else throws an error that names the file (`path`) and what is wrong.
 */
export function parseReport(text: string, path: string): AccessReport {
  if (text.trim() === '') { throw new Error(`${path} is empty; expected ${REPORT_FILE_EXPECTED}`); }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not JSON (${(e as Error).message}); expected ${REPORT_FILE_EXPECTED}`);
  }
  const problem = reportProblem(parsed);
  if (problem) {
    throw new Error(`${path} is not an eks-access-manager access report (version ${REPORT_VERSION}): ${problem}`);
  }
  return parsed as AccessReport;
}

/** What keeps a parsed value from being a report the diff can read, if anything. */
function reportProblem(value: unknown): string | undefined {
  const shape = `expected a JSON object with "version": ${REPORT_VERSION}, "cluster" and "entries"`;
  if (!isObject(value) || value.entries === undefined || value.cluster === undefined) { return shape; }
  if (value.version !== REPORT_VERSION) { return `it has "version": ${JSON.stringify(value.version)}; this eks-access-manager reads version ${REPORT_VERSION}`; }
  if (typeof value.cluster !== 'string') { return '"cluster" must be a string'; }
  if (!Array.isArray(value.entries)) { return '"entries" must be a list'; }
  for (let i = 0; i < value.entries.length; i++) {
    const entry = value.entries[i];
    const where = `entries[${i}]`;
    if (!isObject(entry)) { return `${where} must be an object`; }
    for (const key of ['principal', 'stack', 'logicalId', 'type']) {
      if (typeof entry[key] !== 'string') { return `${where}.${key} must be a string`; }
    }
    if (entry.username !== undefined && typeof entry.username !== 'string') { return `${where}.username must be a string`; }
    if (!isStringList(entry.kubernetesGroups)) { return `${where}.kubernetesGroups must be a list of strings`; }
    if (!Array.isArray(entry.policies)) { return `${where}.policies must be a list`; }
    for (let j = 0; j < entry.policies.length; j++) {
      const p = entry.policies[j];
      if (!isObject(p) || typeof p.policy !== 'string' || typeof p.scope !== 'string' || !isStringList(p.namespaces)) {
        return `${where}.policies[${j}] must have "policy" and "scope" (strings) and "namespaces" (a list of strings)`;
      }
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
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
