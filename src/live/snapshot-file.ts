/**
 * Snapshot files: written whole or not at all, and read back only when every field is one
 * a snapshot has, of the right type. A file that is malformed is refused with each field
 * that is wrong; an unknown field is an error, never ignored.
 */
import { renameSync, unlinkSync, writeFileSync } from 'fs';
import { LiveError } from './live-error';
import { ClusterSnapshot, LiveAccessEntry } from './snapshot';
import { closestMatch } from '../private/closest';
import { AUTHENTICATION_MODES } from '../private/vocabulary';

/**
 * Writes a snapshot as JSON: to a file beside `path` first, renamed onto it once
 * complete, so that no reader ever sees half a snapshot.
 */
export function writeSnapshotFile(path: string, snapshot: ClusterSnapshot): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, formatSnapshot(snapshot));
    renameSync(temporary, path);
  } catch (e) {
    try { unlinkSync(temporary); } catch { /* never written */ }
    throw new LiveError(`cannot write the snapshot to ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A snapshot as the file holds it. */
export function formatSnapshot(snapshot: ClusterSnapshot): string {
  return JSON.stringify(snapshot, undefined, 2) + '\n';
}

const TOP_FIELDS = ['clusterName', 'clusterArn', 'region', 'authenticationMode', 'bootstrapClusterCreatorAdminPermissions', 'roleArn',
  'computeConfig', 'createdAt', 'takenAt', 'accessEntries', 'nodegroups', 'fargateProfiles'];
const ENTRY_FIELDS = ['principalArn', 'type', 'username', 'kubernetesGroups', 'tags', 'associatedAccessPolicies', 'accessEntryArn',
  'createdAt', 'modifiedAt', 'clusterName'];
const POLICY_FIELDS = ['policyArn', 'accessScope', 'associatedAt', 'modifiedAt'];
const SCOPE_FIELDS = ['type', 'namespaces'];
const COMPUTE_FIELDS = ['enabled', 'nodeRoleArn', 'nodePools'];
const NODEGROUP_FIELDS = ['nodegroupName', 'nodeRole'];
const PROFILE_FIELDS = ['fargateProfileName', 'podExecutionRoleArn'];

/** How many problems a refusal lists. */
const MAX_PROBLEMS = 20;

/**
 * Reads a snapshot from the text of `file`, or throws a `LiveError` that names the file
 * and every field that is wrong.
 */
export function parseSnapshot(text: string, file: string): ClusterSnapshot {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new LiveError(`${file} is not a snapshot: not JSON (${(e as Error).message}). Fix: take it with eks-access-manager snapshot --cluster NAME --out ${file}`);
  }
  const problems: string[] = [];
  const check = new Checker(problems);
  const top = check.object(parsed, '', TOP_FIELDS);
  if (top) {
    check.string(top.clusterName, 'clusterName', true);
    check.string(top.region, 'region', true);
    check.string(top.clusterArn, 'clusterArn');
    check.string(top.roleArn, 'roleArn');
    check.boolean(top.bootstrapClusterCreatorAdminPermissions, 'bootstrapClusterCreatorAdminPermissions');
    check.date(top.createdAt, 'createdAt');
    check.date(top.takenAt, 'takenAt', true);
    if (check.string(top.authenticationMode, 'authenticationMode', true) && !AUTHENTICATION_MODES.has(top.authenticationMode as string)) {
      problems.push(`authenticationMode: ${JSON.stringify(top.authenticationMode)} is not one of ${[...AUTHENTICATION_MODES].join(', ')}`);
    }
    if (top.computeConfig !== undefined) {
      const compute = check.object(top.computeConfig, 'computeConfig', COMPUTE_FIELDS);
      if (compute) {
        check.boolean(compute.enabled, 'computeConfig.enabled');
        check.string(compute.nodeRoleArn, 'computeConfig.nodeRoleArn');
      }
    }
    check.list(top.accessEntries, 'accessEntries', true).forEach((item, i) => checkEntry(check, item, `accessEntries[${i}]`));
    check.list(top.nodegroups, 'nodegroups').forEach((item, i) => {
      const group = check.object(item, `nodegroups[${i}]`, NODEGROUP_FIELDS);
      if (group) { check.string(group.nodegroupName, `nodegroups[${i}].nodegroupName`, true); check.string(group.nodeRole, `nodegroups[${i}].nodeRole`, true); }
    });
    check.list(top.fargateProfiles, 'fargateProfiles').forEach((item, i) => {
      const profile = check.object(item, `fargateProfiles[${i}]`, PROFILE_FIELDS);
      if (profile) {
        check.string(profile.fargateProfileName, `fargateProfiles[${i}].fargateProfileName`, true);
        check.string(profile.podExecutionRoleArn, `fargateProfiles[${i}].podExecutionRoleArn`, true);
      }
    });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS).map((p) => `\n  ${file}: ${p}`).join('');
    const more = problems.length > MAX_PROBLEMS ? `\n  ... and ${problems.length - MAX_PROBLEMS} more` : '';
    throw new LiveError(`${file} is not a valid snapshot (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):${shown}${more}`);
  }
  return normalized(parsed as ClusterSnapshot);
}

function checkEntry(check: Checker, item: unknown, at: string): void {
  const entry = check.object(item, at, ENTRY_FIELDS);
  if (!entry) { return; }
  check.string(entry.principalArn, `${at}.principalArn`, true);
  check.string(entry.type, `${at}.type`, true);
  check.string(entry.username, `${at}.username`);
  check.string(entry.accessEntryArn, `${at}.accessEntryArn`);
  check.date(entry.createdAt, `${at}.createdAt`);
  check.date(entry.modifiedAt, `${at}.modifiedAt`);
  check.list(entry.kubernetesGroups, `${at}.kubernetesGroups`).forEach((g, i) => check.string(g, `${at}.kubernetesGroups[${i}]`, true));
  if (entry.tags !== undefined) {
    const tags = check.object(entry.tags, `${at}.tags`);
    for (const [key, value] of Object.entries(tags ?? {})) { check.string(value, `${at}.tags.${key}`, true); }
  }
  check.list(entry.associatedAccessPolicies, `${at}.associatedAccessPolicies`).forEach((p, i) => {
    const where = `${at}.associatedAccessPolicies[${i}]`;
    const policy = check.object(p, where, POLICY_FIELDS);
    if (!policy) { return; }
    check.string(policy.policyArn, `${where}.policyArn`, true);
    check.date(policy.associatedAt, `${where}.associatedAt`);
    check.date(policy.modifiedAt, `${where}.modifiedAt`);
    const scope = check.object(policy.accessScope, `${where}.accessScope`, SCOPE_FIELDS);
    if (!scope) { return; }
    if (check.string(scope.type, `${where}.accessScope.type`, true) && scope.type !== 'cluster' && scope.type !== 'namespace') {
      check.problems.push(`${where}.accessScope.type: ${JSON.stringify(scope.type)} is not cluster or namespace`);
    }
    check.list(scope.namespaces, `${where}.accessScope.namespaces`).forEach((n, j) => check.string(n, `${where}.accessScope.namespaces[${j}]`, true));
  });
}

/** The optional lists and maps of entries made present, so readers need not test for them. */
function normalized(snapshot: ClusterSnapshot): ClusterSnapshot {
  return {
    ...snapshot,
    accessEntries: snapshot.accessEntries.map((e): LiveAccessEntry => ({
      ...e,
      kubernetesGroups: e.kubernetesGroups ?? [],
      tags: e.tags ?? {},
      associatedAccessPolicies: e.associatedAccessPolicies ?? [],
    })),
  };
}

/** Checks values, collecting a problem for each that is wrong. */
class Checker {
  constructor(public readonly problems: string[]) {}

  /** The object at `at`, its keys checked against `known` (when given); undefined when it is not one. */
  public object(value: unknown, at: string, known?: readonly string[]): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problems.push(`${at || '(top level)'}: expected an object, got ${kindOf(value)}`);
      return undefined;
    }
    for (const key of known ? Object.keys(value) : []) {
      if (known!.includes(key)) { continue; }
      const close = closestMatch(key, known!);
      this.problems.push(`${at ? `${at}.` : ''}${key}: not a field of a snapshot${close ? `; did you mean "${close}"?` : ''}`);
    }
    return value as Record<string, unknown>;
  }

  public string(value: unknown, at: string, required = false): boolean {
    if (value === undefined && !required) { return false; }
    if (typeof value !== 'string') {
      this.problems.push(`${at}: expected a string, got ${kindOf(value)}`);
      return false;
    }
    return true;
  }

  public boolean(value: unknown, at: string): void {
    if (value !== undefined && typeof value !== 'boolean') { this.problems.push(`${at}: expected true or false, got ${kindOf(value)}`); }
  }

  public date(value: unknown, at: string, required = false): void {
    if (this.string(value, at, required) && Number.isNaN(Date.parse(value as string))) {
      this.problems.push(`${at}: ${JSON.stringify(value)} is not a date (ISO 8601, such as 2026-12-01T10:00:00.000Z)`);
    }
  }

  public list(value: unknown, at: string, required = false): unknown[] {
    if (value === undefined && !required) { return []; }
    if (!Array.isArray(value)) {
      this.problems.push(`${at}: expected a list, got ${kindOf(value)}`);
      return [];
    }
    return value;
  }
}

function kindOf(value: unknown): string {
  if (value === undefined) { return 'nothing (the field is missing)'; }
  if (value === null) { return 'null'; }
  if (Array.isArray(value)) { return 'a list'; }
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
