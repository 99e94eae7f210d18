import { describeValue } from '../private/describe-value';
import { parseYamlSource, YamlPath, YamlSource } from '../private/yaml-source';

/** The sections of aws-auth's `data` that hold mappings. */
export type MappingSection = 'mapRoles' | 'mapUsers' | 'mapAccounts';

/** One item of `mapRoles`, `mapUsers` or `mapAccounts`, with where it stands. */
export interface RawMapping {
  readonly section: MappingSection;
  readonly index: number;
  readonly line?: number;
  readonly value: unknown;
}

/** A problem that stops reading a section (or the whole ConfigMap). */
export interface ReadProblem {
  readonly location: string;
  readonly line?: number;
  readonly message: string;
}

export interface ConfigMapContents {
  readonly mappings: RawMapping[];
  readonly problems: ReadProblem[];
}

const SECTIONS: readonly MappingSection[] = ['mapRoles', 'mapUsers', 'mapAccounts'];

/**
 * Reads the mappings of an aws-auth ConfigMap: the whole ConfigMap as YAML or JSON (as
 * `kubectl get configmap aws-auth -n kube-system -o yaml` prints it), or a bare list of
 * mappings (items with `rolearn` go to mapRoles, `userarn` to mapUsers).
 */
export function readConfigMap(text: string): ConfigMapContents {
  const source = parseYamlSource(text);
  const problems: ReadProblem[] = source.problems.map((p) => ({ location: 'input', line: p.line, message: `not valid YAML or JSON: ${p.message}` }));
  if (problems.length > 0) { return { mappings: [], problems }; }

  const doc = source.value;
  if (Array.isArray(doc)) { return { mappings: bareList(doc, source), problems }; }
  if (!isObject(doc)) {
    return { mappings: [], problems: [{ location: 'input', line: 1, message: `expected an aws-auth ConfigMap, got ${describeValue(doc)}` }] };
  }
  const metadata = isObject(doc.metadata) ? doc.metadata : {};
  if (doc.kind !== 'ConfigMap' || metadata.name !== 'aws-auth') {
    const what = doc.kind === 'ConfigMap' ? `the ConfigMap "${String(metadata.name)}"` : `a ${describeValue(doc.kind)} kind`;
    problems.push({ location: 'metadata', line: source.lineOf(['metadata', 'name']), message: `expected the ConfigMap "aws-auth" (kube-system), got ${what}` });
    return { mappings: [], problems };
  }
  const data = isObject(doc.data) ? doc.data : {};
  const mappings: RawMapping[] = [];
  for (const section of SECTIONS) {
    const raw = data[section];
    if (raw === undefined || raw === null) { continue; }
    const line = source.lineOf(['data', section]);
    if (typeof raw !== 'string') {
      problems.push({ location: `data.${section}`, line, message: `must be a string holding a YAML list, got ${describeValue(raw)}` });
      continue;
    }
    mappings.push(...readSection(section, raw, line, problems));
  }
  return { mappings, problems };
}

/** Reads one section given as its string (`mapRoles: |` ...). */
export function readSection(section: MappingSection, text: string, keyLine: number | undefined, problems: ReadProblem[]): RawMapping[] {
  // A block scalar's content starts on the line after its key.
  const inner = parseYamlSource(text, keyLine === undefined ? 1 : keyLine + 1);
  for (const p of inner.problems) {
    problems.push({ location: `data.${section}`, line: p.line, message: `not a valid YAML list: ${p.message}` });
  }
  if (inner.problems.length > 0 || inner.value === null || inner.value === undefined) { return []; }
  if (!Array.isArray(inner.value)) {
    problems.push({ location: `data.${section}`, line: keyLine, message: `must be a YAML list of mappings, got ${describeValue(inner.value)}` });
    return [];
  }
  return inner.value.map((value, index) => ({ section, index, value, line: inner.lineOf([index]) }));
}

function bareList(items: unknown[], source: YamlSource): RawMapping[] {
  return items.map((value, index) => {
    const section: MappingSection = isObject(value) && 'userarn' in value ? 'mapUsers' : 'mapRoles';
    const path: YamlPath = [index];
    return { section, index, value, line: source.lineOf(path) };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
