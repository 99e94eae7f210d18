import { PrincipalAccess } from '../principal-access';
import { describeValue } from '../private/describe-value';
import { FieldReader } from '../private/normalize';
import { parseYamlSource, YamlPath, YamlSource } from '../private/yaml-source';
import { KubernetesGroupAccess } from '../rbac/kubernetes-group';

/** The top-level keys of a map file. */
export const MAP_FILE_KEYS = ['$schema', 'clusterName', 'authenticationMode', 'principals', 'groups'];

/** A problem of a map file, with its place. */
export interface MapFileProblem {
  readonly line?: number;
  readonly column?: number;
  readonly ruleId: string;
  readonly message: string;
}

/** A map file as read: its values, where each stands, and what is wrong with its shape. */
export interface MapFileRead {
  readonly principals: Record<string, PrincipalAccess>;
  /** The Kubernetes groups to bind, when the file has `groups`. */
  readonly groups?: Record<string, KubernetesGroupAccess>;
  readonly clusterName?: string;
  readonly authenticationMode?: string;
  readonly problems: MapFileProblem[];
  readonly source: YamlSource;
}

/**
 * Reads an access map file (YAML or JSON) into its parts. Never throws: a syntax error, a
 * top-level key it does not know, or a value of the wrong type comes back as a problem
 * with its line; the entries themselves are checked by the rule engine.
 */
export function readMapFile(text: string): MapFileRead {
  const source = parseYamlSource(text);
  const problems: MapFileProblem[] = source.problems.map((p) => ({ line: p.line, column: p.column, ruleId: 'EAM101', message: `not valid YAML or JSON: ${p.message}` }));
  const reader = new FieldReader();
  const top = source.problems.length > 0 ? undefined : reader.object(source.value, '(file)');
  reader.unknownKeys(top, MAP_FILE_KEYS, '');
  reader.required(top, 'principals', '');
  const principals = reader.object(top?.principals, 'principals', true) as Record<string, PrincipalAccess> | undefined;
  const groups = reader.object(top?.groups, 'groups', true) as Record<string, KubernetesGroupAccess> | undefined;
  const clusterName = reader.string(top, 'clusterName', '');
  const authenticationMode = reader.string(top, 'authenticationMode', '');
  reader.string(top, '$schema', '');

  for (const u of reader.unknown) {
    problems.push({ ...source.positionOf([u.field]), ruleId: 'EAM100', message: `"${u.field}" is not a known key; use only ${MAP_FILE_KEYS.map((k) => `"${k}"`).join(', ')}` });
  }
  for (const m of reader.malformed) {
    const got = m.got === 'nothing' ? 'is required but missing' : `must be ${m.expected}, got ${m.got}`;
    problems.push({ ...source.positionOf(fieldPath(m.field)), ruleId: 'EAM101', message: `${m.field}: ${got}` });
  }
  if (top && top.principals !== undefined && principals && Object.keys(principals).length === 0) {
    problems.push({ ...source.positionOf(['principals']), ruleId: 'EAM101', message: `principals: is empty (${describeValue(top.principals)})` });
  }
  return { principals: principals ?? {}, groups, clusterName, authenticationMode, problems, source };
}

/** `accessPolicies[0].accessScope.namespaces` as a YAML path. */
export function fieldPath(field: string): YamlPath {
  const path: Array<string | number> = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]*)((\[\d+\])*)$/.exec(part);
    if (!match) { path.push(part); continue; }
    if (match[1]) { path.push(match[1]); }
    for (const index of match[2].match(/\d+/g) ?? []) { path.push(Number(index)); }
  }
  return path;
}

/**
 * Where a finding stands in a map file: under its group (`groups.<group>`), its principal
 * (`principals.<arn>`), or at the top level (the cluster settings).
 */
export function findingPath(finding: { principal: string; identity?: string; group?: string; field: string }): YamlPath {
  // `(group)`: the group's value itself has the wrong shape.
  const field = finding.field.startsWith('(') ? [] : fieldPath(finding.field);
  if (finding.group !== undefined) { return ['groups', finding.group, ...field]; }
  return finding.identity === undefined ? field : ['principals', finding.principal, ...field];
}
