import { MIGRATION_RULES, MigrationRule } from './migration-rules';
import { closestMatch } from '../private/closest';
import { describeValue } from '../private/describe-value';
import { parseYamlSource, YamlPath, YamlPosition, YamlSource } from '../private/yaml-source';
import { Severity } from '../severity';

/** The sections of aws-auth's `data` that hold mappings. */
export type MappingSection = 'mapRoles' | 'mapUsers' | 'mapAccounts';

/** One item of `mapRoles`, `mapUsers` or `mapAccounts`, with where it stands. */
export interface RawMapping {
  readonly section: MappingSection;
  readonly index: number;
  readonly position?: YamlPosition;
  readonly value: unknown;
  /** Where a key of the mapping (or an item of its groups) stands, when the mapping has it. */
  readonly positionOf: (path: YamlPath) => YamlPosition | undefined;
}

/** A problem of the input as a whole, or of a section of it. */
export interface ReadProblem {
  readonly rule: MigrationRule;
  readonly severity: Severity;
  readonly location: string;
  readonly position?: YamlPosition;
  readonly message: string;
}

export interface ConfigMapContents {
  readonly mappings: RawMapping[];
  readonly problems: ReadProblem[];
}

/** The sections, in the order they are read. */
export const SECTIONS: readonly MappingSection[] = ['mapRoles', 'mapUsers', 'mapAccounts'];
/** The keys of a ConfigMap object (Kubernetes API), all others are not. */
const CONFIG_MAP_KEYS = ['apiVersion', 'kind', 'metadata', 'data', 'binaryData', 'immutable'];

/**
 * Reads the mappings of an aws-auth ConfigMap: the whole ConfigMap as YAML or JSON (as
 * `kubectl get configmap aws-auth -n kube-system -o yaml` prints it), its `data` alone
 * (with or without the `data:` key, as the README abridges it: a warning), or a bare list
 * of mappings (items with `userarn` go to mapUsers, the others to mapRoles).
 */
export function readConfigMap(text: string): ConfigMapContents {
  const source = parseYamlSource(text);
  const problems: ReadProblem[] = source.problems.map((p) => inputError('input', p.line === undefined ? undefined : { line: p.line, column: p.column ?? 1 }, `not valid YAML or JSON: ${p.message}`));
  if (problems.length > 0) { return { mappings: [], problems }; }

  const doc = source.value;
  if (Array.isArray(doc)) { return { mappings: bareList(doc, source), problems }; }
  if (!isObject(doc)) {
    return { mappings: [], problems: [inputError('input', { line: 1, column: 1 }, `expected an aws-auth ConfigMap, got ${describeValue(doc)}`)] };
  }
  const sectionsAtTop = doc.data === undefined && doc.kind === undefined && doc.metadata === undefined;
  const dataPath: YamlPath = sectionsAtTop ? [] : ['data'];
  if (!sectionsAtTop) {
    const stop = checkIdentity(doc, source, problems);
    if (stop) { return { mappings: [], problems }; }
  } else {
    problems.push(unlabelled(source, 'has no kind, no metadata and no data; read as the data of the aws-auth ConfigMap'));
  }

  const data = sectionsAtTop ? doc : doc.data;
  if (data === undefined || data === null) { return { mappings: [], problems }; }
  if (!isObject(data)) {
    problems.push(inputError('data', source.positionOf(['data']), `must be an object with mapRoles, mapUsers and mapAccounts, got ${describeValue(data)}`));
    return { mappings: [], problems };
  }
  for (const key of Object.keys(data)) {
    if ((SECTIONS as readonly string[]).includes(key)) { continue; }
    const closest = closestMatch(key, SECTIONS);
    problems.push(inputError(sectionsAtTop ? 'input' : 'data', source.positionOf([...dataPath, key]),
      `"${key}" is not a section of aws-auth${closest ? ` (did you mean "${closest}"?)` : ''}; it holds mapRoles, mapUsers and mapAccounts; not read`));
  }
  const mappings: RawMapping[] = [];
  for (const section of SECTIONS) {
    const raw = data[section];
    if (raw === undefined || raw === null) { continue; }
    const path = [...dataPath, section];
    const keyPosition = source.positionOf(path);
    if (typeof raw !== 'string') {
      problems.push(inputError(`data.${section}`, keyPosition, `must be a string holding a YAML list, got ${describeValue(raw)}`));
      continue;
    }
    // A block scalar's text starts on the line after its key, at its indentation.
    const start = source.blockStartOf(path) ?? (keyPosition && { line: keyPosition.line, column: 1 });
    mappings.push(...readSection(section, raw, start, problems, keyPosition));
  }
  return { mappings, problems };
}

/**
 * Checks that a ConfigMap says it is aws-auth; a missing kind or name is a warning, another
 * kind or name an error (true: read nothing more).
 */
function checkIdentity(doc: Record<string, unknown>, source: YamlSource, problems: ReadProblem[]): boolean {
  const metadata = isObject(doc.metadata) ? doc.metadata : undefined;
  const name = metadata?.name;
  if (doc.kind !== undefined && doc.kind !== 'ConfigMap') {
    problems.push(inputError('kind', source.positionOf(['kind']), `expected the ConfigMap "aws-auth" (kube-system), got kind ${typeof doc.kind === 'string' ? JSON.stringify(doc.kind) : describeValue(doc.kind)}`));
    return true;
  }
  if (name !== undefined && name !== 'aws-auth') {
    const what = typeof name === 'string' ? `the ConfigMap "${name}"` : `the name ${describeValue(name)}`;
    problems.push(inputError('metadata', source.positionOf(['metadata', 'name']), `expected the ConfigMap "aws-auth" (kube-system), got ${what}`));
    return true;
  }
  for (const key of Object.keys(doc)) {
    if (CONFIG_MAP_KEYS.includes(key)) { continue; }
    const closest = closestMatch(key, CONFIG_MAP_KEYS);
    problems.push(inputError('input', source.positionOf([key]), `"${key}" is not a key of a ConfigMap${closest ? ` (did you mean "${closest}"?)` : ''}; not read`));
  }
  if (doc.kind === undefined && metadata === undefined) {
    problems.push(unlabelled(source, 'has no kind and no metadata; read as the data of the aws-auth ConfigMap'));
  } else if (doc.kind === undefined || name === undefined) {
    problems.push(unlabelled(source, `has no ${doc.kind === undefined ? 'kind' : 'metadata.name'}; read as the aws-auth ConfigMap`));
  }
  return false;
}

/**
 * Reads one section given as its string (`mapRoles: |` ...).
 *
 * @param start where the string's text starts in the file
 * @param keyPosition where the section's key stands in the file
 */
export function readSection(
  section: MappingSection, text: string, start: YamlPosition | undefined, problems: ReadProblem[], keyPosition?: YamlPosition,
): RawMapping[] {
  const inner = parseYamlSource(text, start);
  for (const p of inner.problems) {
    problems.push(inputError(`data.${section}`, p.line === undefined ? undefined : { line: p.line, column: p.column ?? 1 }, `not a valid YAML list: ${p.message}`));
  }
  if (inner.problems.length > 0 || inner.value === null || inner.value === undefined) { return []; }
  if (!Array.isArray(inner.value)) {
    problems.push(inputError(`data.${section}`, keyPosition, `must be a YAML list of mappings, got ${describeValue(inner.value)}`));
    return [];
  }
  return inner.value.map((value, index) => ({
    section,
    index,
    value,
    position: inner.positionOf([index]),
    positionOf: (path: YamlPath) => inner.positionOf([index, ...path]),
  }));
}

function bareList(items: unknown[], source: YamlSource): RawMapping[] {
  return items.map((value, index) => ({
    section: isObject(value) && 'userarn' in value ? 'mapUsers' as const : 'mapRoles' as const,
    index,
    value,
    position: source.positionOf([index]),
    positionOf: (path: YamlPath) => source.positionOf([index, ...path]),
  }));
}

function inputError(location: string, position: YamlPosition | undefined, message: string): ReadProblem {
  return { rule: MIGRATION_RULES.INPUT, severity: Severity.ERROR, location, position, message };
}

function unlabelled(source: YamlSource, message: string): ReadProblem {
  return { rule: MIGRATION_RULES.UNLABELLED, severity: Severity.WARNING, location: 'input', position: source.positionOf([]) ?? { line: 1, column: 1 }, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
