import { readFileSync } from 'fs';
import { cli, tempFile, USAGE_MARK } from './helpers';
import { DEFAULT_RULES } from '../../src/validation';

const INVALID = [
  'maps/invalid.yaml:8:11: error EAM016 arn:aws:iam::111122223333:role/dev: accessPolicies[0].accessScope.namespaces: a namespace scope has an empty namespace list; it is never widened to the whole cluster. Fix: list the namespaces the policy applies to, or set the scope type to "cluster" to grant it cluster-wide on purpose',
  'maps/invalid.yaml:10:24: error EAM012 arn:aws:iam::111122223333:role/ops: kubernetesGroups[0]: "system:masters" starts with "system:", which EKS refuses. Fix: grant AmazonEKSClusterAdminPolicy at cluster scope instead',
  'maps/invalid.yaml:11:5: error EAM100 arn:aws:iam::111122223333:role/ops: accessPolicy: "accessPolicy" is not a known field. Fix: did you mean "accessPolicies"?',
];

describe('eks-access-manager validate', () => {
  test('exits 0 on a valid map', () => {
    const { code, stdout } = cli('validate', 'maps/valid.yaml', '--account', '111122223333');
    expect(stdout).toContain('3 principals checked: 0 errors, 0 warnings');
    expect(code).toBe(0);
  });

  test('prints findings like a compiler (file:line:column) and exits 1', () => {
    const { code, stdout } = cli('validate', 'maps/invalid.yaml');
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([...INVALID, '2 principals checked: 3 errors, 0 warnings']);
  });

  test('checks the file\'s cluster name, on its own line', () => {
    const file = tempFile('map.yaml', 'principals:\n  arn:aws:iam::111122223333:role/dev: {}\nclusterName: prod.eu\n');
    const { code, stdout } = cli('validate', file);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:3:1: error EAM027 (cluster settings): clusterName: "prod.eu" has ".", which EKS does not allow in cluster names`);
  });

  test('checks accounts with --account', () => {
    const file = tempFile('nodes.json', JSON.stringify({ principals: { 'arn:aws:iam::444455556666:role/nodes': { type: 'EC2_LINUX' } } }));
    expect(cli('validate', file).code).toBe(0);
    const { code, stdout } = cli('validate', file, '--account', '111122223333');
    expect(code).toBe(1);
    expect(stdout).toContain('error EAM007');
  });

  test('reports each duplicate key with its line, on a map of 50,000 keys in seconds', () => {
    const lines = ['principals:'];
    for (let i = 0; i < 50_000; i++) { lines.push(`  arn:aws:iam::111122223333:role/r${i % 49_999}: {}`); }
    const file = tempFile('big.yaml', lines.join('\n') + '\n');
    const started = Date.now();
    const { code, stdout } = cli('validate', file);
    const elapsed = Date.now() - started;
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:50001:3: error EAM101 not valid YAML or JSON: Map keys must be unique: "arn:aws:iam::111122223333:role/r0" is also on line 2`);
    // The yaml library's own duplicate-key check took 40 s here: it compares each key with every earlier one.
    expect(elapsed).toBeLessThan(10_000);
  }, 60_000);

  test('fails on a binary map file, naming it, without usage text', () => {
    const file = tempFile('map.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const { code, stderr } = cli('validate', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file} is a binary file (a NUL byte at offset 8); validate expects an access map file (YAML or JSON)`);
    expect(stderr).not.toContain(USAGE_MARK);
  });

  describe('--format', () => {
    test('json: the findings with file, line, column, rule and fix, and the counts', () => {
      const { code, stdout } = cli('validate', 'maps/invalid.yaml', '--format', 'json');
      expect(code).toBe(1);
      const doc = JSON.parse(stdout);
      expect(doc.summary).toEqual({ principals: 2, errors: 3, warnings: 0 });
      expect(doc.findings[0]).toEqual({
        file: 'maps/invalid.yaml',
        line: 8,
        column: 11,
        severity: 'error',
        ruleId: 'EAM016',
        principal: 'arn:aws:iam::111122223333:role/dev',
        field: 'accessPolicies[0].accessScope.namespaces',
        message: 'a namespace scope has an empty namespace list; it is never widened to the whole cluster',
        fix: 'list the namespaces the policy applies to, or set the scope type to "cluster" to grant it cluster-wide on purpose',
      });
    });

    test('sarif: SARIF 2.1.0 with every rule of the catalogue and a located result per finding', () => {
      const out = tempFile('placeholder', '').replace(/placeholder$/, 'validate.sarif');
      const { code, stdout } = cli('validate', 'maps/invalid.yaml', '--format', 'sarif', '--out', out);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const log = JSON.parse(readFileSync(out, 'utf8'));
      // The fields SARIF 2.1.0 requires (sarifLog: version, runs; run: tool; tool: driver; toolComponent: name;
      // reportingDescriptor: id; result: message; message: text; region: startLine >= 1, startColumn >= 1).
      expect(log.$schema).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
      expect(log.version).toBe('2.1.0');
      expect(log.runs).toHaveLength(1);
      const driver = log.runs[0].tool.driver;
      expect(driver.name).toBe('eks-access-manager');
      expect(driver.version).toBe(JSON.parse(readFileSync(`${__dirname}/../../package.json`, 'utf8')).version);
      expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(DEFAULT_RULES.map((r) => r.id));
      const eam016 = driver.rules.find((r: { id: string }) => r.id === 'EAM016');
      expect(eam016.shortDescription.text).toBe(DEFAULT_RULES.find((r) => r.id === 'EAM016')!.summary);
      expect(eam016.defaultConfiguration.level).toBe('error');
      expect(eam016.helpUri).toBe('https://github.com/eks-access-manager/eks-access-manager/blob/main/docs/rules.md');
      const located = (r: any) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region];
      expect(log.runs[0].results.map(located))
        .toEqual([
          ['EAM016', 'error', 'maps/invalid.yaml', { startLine: 8, startColumn: 11 }],
          ['EAM012', 'error', 'maps/invalid.yaml', { startLine: 10, startColumn: 24 }],
          ['EAM100', 'error', 'maps/invalid.yaml', { startLine: 11, startColumn: 5 }],
        ]);
      for (const result of log.runs[0].results) {
        expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
        expect(result.message.text).toContain('Fix: ');
      }
    });

    test('fails on an unknown format, naming the choices', () => {
      const { code, stderr } = cli('validate', 'maps/valid.yaml', '--format', 'xml');
      expect(code).toBe(2);
      expect(stderr).toContain('--format is one of text, json, sarif; got "xml"');
    });
  });
});
