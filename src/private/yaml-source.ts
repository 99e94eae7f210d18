import type * as YamlModule from 'yaml';

type Node = YamlModule.Node;

/**
 * The yaml package, loaded on first use: it takes about 40 ms to load, which every
 * `cdk synth` of an app that never reads a map file would otherwise pay.
 */
function yaml(): typeof YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml');
}

/** The largest input read: an access map or an aws-auth ConfigMap is far smaller. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** A path into parsed YAML: map keys and list indexes. */
export type YamlPath = ReadonlyArray<string | number>;

/** A problem found while reading a YAML or JSON text, with its line. */
export interface YamlProblem {
  readonly line?: number;
  readonly message: string;
}

/** Parsed YAML (or JSON) that remembers where each value stands. */
export interface YamlSource {
  /** The value as plain data; undefined when the text could not be parsed. */
  readonly value: unknown;
  /** Syntax errors (and the size limit), each with its line. */
  readonly problems: readonly YamlProblem[];
  /** The line of the deepest node of `path` that exists (of a map entry: its key). */
  lineOf(path: YamlPath): number | undefined;
}

/**
 * Parses YAML or JSON text (JSON is YAML) and keeps a way to find the line of any value.
 * Never throws: syntax errors come back as problems.
 *
 * @param firstLine the line of the text's first line in its file (for YAML embedded in a
 * string of another YAML document, such as aws-auth's `mapRoles`)
 */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  if (Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) {
    return { value: undefined, problems: [{ message: `the input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB` }], lineOf: () => undefined };
  }
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems: YamlProblem[] = doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: e.message.split('\n')[0] }));
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      problems.push({ message: (e as Error).message });
    }
  }
  return {
    value,
    problems,
    lineOf: (path) => {
      let node: unknown = doc.contents;
      let line = node && (node as Node).range ? lineAt((node as Node).range![0]) : undefined;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
          if (!pair) { break; }
          const key = pair.key as Node;
          if (key.range) { line = lineAt(key.range[0]); }
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
          node = node.items[segment];
          const range = (node as Node).range;
          if (range) { line = lineAt(range[0]); }
        } else {
          break;
        }
      }
      return line;
    },
  };
}
