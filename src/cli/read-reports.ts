import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { CliIo, InputError, readInput } from './io';
import { AccessReport, REPORT_VERSION } from '../report/access-report';
import { REPORT_PREFIX } from '../report/report-files';

const EXPECTED = `an eks-access-manager access report (${REPORT_PREFIX}<cluster>.json)`;

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

/** One report file, checked enough that comparing it cannot fail half-way. */
export function readReportFile(io: CliIo, path: string): AccessReport {
  const text = readInput(io, path, `diff expects ${EXPECTED}`);
  if (text.trim() === '') { throw new InputError(`${path} is empty; expected ${EXPECTED}`); }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path} is not JSON (${(e as Error).message}); expected ${EXPECTED}`);
  }
  const problem = reportProblem(parsed);
  if (problem) {
    throw new InputError(`${path} is not an eks-access-manager access report (version ${REPORT_VERSION}): ${problem}`);
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
