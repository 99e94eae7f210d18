import { readMapFile } from '../../src/map-file/read-map-file';

const ROLE = 'arn:aws:iam::111122223333:role/dev';

describe('readMapFile', () => {
  describe('duplicate keys', () => {
    test.each([
      ['a principal twice', `principals:\n  ${ROLE}: {}\n  ${ROLE}: {}\n`, { line: 3, column: 3, message: `not valid YAML or JSON: Map keys must be unique: "${ROLE}" is also on line 2` }],
      ['a key twice inside an entry', `principals:\n  ${ROLE}:\n    username: a\n    kubernetesGroups: [x]\n    username: b\n`, { line: 5, column: 5, message: 'not valid YAML or JSON: Map keys must be unique: "username" is also on line 3' }],
      ['a key twice in a flow map of a list', `principals:\n  ${ROLE}:\n    accessPolicies:\n      - { policy: P, accessScope: { type: cluster, type: namespace } }\n`, { line: 4, column: 52, message: 'not valid YAML or JSON: Map keys must be unique: "type" is also on line 4' }],
      ['a key twice in JSON', `{"principals": {"${ROLE}": {}, "${ROLE}": {}}}`, { line: 1, column: 59, message: `not valid YAML or JSON: Map keys must be unique: "${ROLE}" is also on line 1` }],
      ['a number key and its string', 'principals: {}\n1: a\n"1": b\n', { line: 3, column: 1, message: 'not valid YAML or JSON: Map keys must be unique: "1" is also on line 2' }],
    ])('fails on %s, with the line and column of the second', (_what, text, problem) => {
      const read = readMapFile(text);
      expect(read.problems).toEqual([{ ruleId: 'EAM101', ...problem }]);
      expect(read.principals).toEqual({});
    });

    test('accepts the same key in two maps', () => {
      const read = readMapFile(`principals:\n  ${ROLE}:\n    username: a\n  arn:aws:iam::111122223333:role/ops:\n    username: a\n`);
      expect(read.problems).toEqual([]);
      expect(Object.keys(read.principals)).toHaveLength(2);
    });

    test('reports every duplicate, in the order of the file', () => {
      const read = readMapFile(`principals:\n  ${ROLE}: {username: a, username: b}\n  ${ROLE}: {}\n`);
      expect(read.problems.map((p) => [p.line, p.column])).toEqual([[2, 53], [3, 3]]);
    });
  });

  test('reads a map of 50,000 principals in linear time (the yaml package\'s own check took 40 s)', () => {
    const lines = ['principals:'];
    for (let i = 0; i < 50_000; i++) { lines.push(`  arn:aws:iam::111122223333:role/r${i}: {}`); }
    const started = Date.now();
    const read = readMapFile(lines.join('\n'));
    expect(read.problems).toEqual([]);
    expect(Object.keys(read.principals)).toHaveLength(50_000);
    expect(read.source.positionOf(['principals', 'arn:aws:iam::111122223333:role/r49999'])).toEqual({ line: 50_001, column: 3 });
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 60_000);

  test('gives the column of a problem', () => {
    const read = readMapFile(`principals:\n  ${ROLE}: {}\nclusterNme: prod\n`);
    expect(read.problems).toEqual([expect.objectContaining({ line: 3, column: 1, ruleId: 'EAM100' })]);
  });
});
