import type * as YamlModule from 'yaml';

type Node = YamlModule.Node;
type YamlMap = YamlModule.YAMLMap<unknown, unknown>;
type Pair = YamlModule.Pair<unknown, unknown>;

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

/** Where something stands in a text: both 1-based. */
export interface YamlPosition {
  readonly line: number;
  readonly column: number;
}

/** A problem found while reading a YAML or JSON text, with its place. */
export interface YamlProblem {
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** Parsed YAML (or JSON) that remembers where each value stands. */
export interface YamlSource {
  /** The value as plain data; undefined when the text could not be parsed. */
  readonly value: unknown;
  /** Syntax errors, duplicate keys (and the size limit), each with its place. */
  readonly problems: readonly YamlProblem[];
  /** Line and column of the deepest node of `path` that exists (of a map entry: its key). */
  positionOf(path: YamlPath): YamlPosition | undefined;
  /**
   * Where the text of a block scalar (`mapRoles: |`) starts: its first line and the column
   * its indentation ends at. Undefined for any other value, whose inner lines cannot be
   * told from its text.
   */
  blockStartOf(path: YamlPath): YamlPosition | undefined;
}

/**
 * Parses YAML or JSON text (JSON is YAML) and keeps a way to find the place of any value.
 * Never throws: syntax errors come back as problems. Linear in the size of the text:
 * duplicate keys are found with one set per map, not by the yaml package's own check,
 * which compares each key with every earlier key of its map.
 *
 * @param start where the text's first character stands in its file (for YAML embedded in
 * a block scalar of another YAML document, such as aws-auth's `mapRoles`)
 */
export function parseYamlSource(text: string, start: YamlPosition = { line: 1, column: 1 }): YamlSource {
  if (Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) {
    return {
      value: undefined,
      problems: [{ message: `the input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB` }],
      positionOf: () => undefined,
      blockStartOf: () => undefined,
    };
  }
  const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number): YamlPosition => {
    // Every line of a block scalar is indented alike in its file.
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + start.line - 1, column: pos.col + start.column - 1 };
  };
  const problems: YamlProblem[] = doc.errors.map((e) => ({ ...at(e.pos[0]), message: e.message.split('\n')[0] }));
  if (problems.length === 0) { problems.push(...duplicateKeys(doc.contents)); }
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      problems.push({ message: (e as Error).message });
    }
  }

  /** The key text of a map entry, as the plain object of `toJS` would have it. */
  function keyText(key: unknown): string {
    if (isScalar(key)) { return String(key.value); }
    if (isAlias(key)) { return `*${key.source}`; }
    if (key && typeof (key as Node).toJSON === 'function') { return JSON.stringify((key as Node).toJSON()); }
    return String(key);
  }

  function duplicateKeys(root: unknown): YamlProblem[] {
    const found: YamlProblem[] = [];
    // An explicit stack: a deeply nested document must not overflow the call stack here.
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (isMap(node)) {
        const seen = new Map<string, Node | undefined>();
        for (const pair of node.items) {
          const name = keyText(pair.key);
          const key = pair.key as Node | undefined;
          const first = seen.get(name);
          if (seen.has(name)) {
            const firstLine = first?.range ? ` is also on line ${at(first.range[0]).line}` : ' appears twice';
            found.push({ ...(key?.range ? at(key.range[0]) : {}), message: `Map keys must be unique: ${JSON.stringify(name)}${firstLine}` });
          } else {
            seen.set(name, key);
          }
          stack.push(pair.value, pair.key);
        }
      } else if (isSeq(node)) {
        for (const item of node.items) { stack.push(isPair(item) ? item.value : item); }
      }
    }
    // Reported in the order of the text, as a reader goes through it.
    return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }

  // Each map's entries by key, made when a path first goes through the map.
  const indexes = new WeakMap<YamlMap, Map<string, Pair>>();
  function entry(map: YamlMap, segment: string | number): Pair | undefined {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const name = keyText(pair.key);
        if (!index.has(name)) { index.set(name, pair); }
      }
      indexes.set(map, index);
    }
    return index.get(String(segment));
  }

  /** The deepest node of the path, and where it (or its key) stands. */
  function walk(path: YamlPath): { node: unknown; position?: YamlPosition } {
    let node: unknown = doc.contents;
    let position = node && (node as Node).range ? at((node as Node).range![0]) : undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = entry(node, segment);
        if (!pair) { return { node: undefined, position }; }
        const key = pair.key as Node;
        if (key?.range) { position = at(key.range[0]); }
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        const range = (node as Node).range;
        if (range) { position = at(range[0]); }
      } else {
        return { node: undefined, position };
      }
    }
    return { node, position };
  }

  return {
    value,
    problems,
    positionOf: (path) => walk(path).position,
    blockStartOf: (path) => {
      const { node } = walk(path);
      if (!isScalar(node) || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') || !node.range) { return undefined; }
      // The header (`|`, `|-`, `|2`) ends its line; the text starts on the next line that
      // is not blank, at its indentation.
      const first = text.indexOf('\n', node.range[0]) + 1;
      let offset = first;
      while (offset > 0 && offset < node.range[1]) {
        let column = offset;
        while (text[column] === ' ') { column++; }
        if (text[column] !== '\n' && text[column] !== '\r') { return { line: at(first).line, column: column - offset + 1 }; }
        offset = text.indexOf('\n', column) + 1;
      }
      return undefined;
    },
  };
}
