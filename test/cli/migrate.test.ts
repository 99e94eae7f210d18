import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { cli, ROOT, tempFile, USAGE_MARK } from './helpers';
import { AccessMapFile } from '../../src';

const SSO_ARN = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Developers_0123456789abcdef';
const configMap = (mapRoles: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n${mapRoles.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n')}`;

/** The first fenced block of a kind after a README heading. */
function readmeBlock(heading: string, lang: string, nth = 0): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(`\n${heading}\n`));
  const blocks = [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))];
  return blocks[nth][1];
}

describe('eks-access-manager migrate', () => {
  test('prints a YAML map the loader accepts, the findings, and exits 1 when something was not migrated', () => {
    const { code, stdout, stderr } = cli('migrate', 'aws-auth/production.yaml');
    expect(code).toBe(1);
    const file = tempFile('map.yaml', stdout);
    // The Identity Center role lost its path: it would fail synth (EAM004), so it is not written.
    expect(Object.keys(AccessMapFile.load(file).principals)).toHaveLength(6);
    expect(stdout).not.toContain('AWSReservedSSO_Developers');
    expect(stderr).toContain('aws-auth/production.yaml:52:7: error MIG004 mapAccounts[0]: maps the whole account 444455556666');
    expect(stderr.trim().split('\n').pop()).toBe('9 mappings: 0 migrated as written, 6 migrated with findings, 3 dropped; 4 errors, 10 warnings');
  });

  test('fails on a string where a list of groups belongs and on misspelt keys, naming each line, and writes neither mapping', () => {
    // The ConfigMap of issue 15: a cluster-admin mapping and a misspelt one, both once migrated as `{}`.
    const file = tempFile('aws-auth.yaml', configMap([
      '- rolearn: arn:aws:iam::111122223333:role/admins2',
      '  groups: system:masters',
      '- rolearn: arn:aws:iam::111122223333:role/ops',
      '  usrname: ops:{{SessionName}}',
      '  grops: [ops]',
      '',
    ].join('\n')));
    const { code, stdout, stderr } = cli('migrate', file, '--paths', tempFile('roles.txt', 'arn:aws:iam::111122223333:role/admins2\narn:aws:iam::111122223333:role/ops\n'));
    expect(code).toBe(1);
    expect(parse(stdout)).toEqual({ principals: {} });
    expect(stderr.split('\n')).toEqual(expect.arrayContaining([
      `${file}:9:7: error MIG003 mapRoles[0]: arn:aws:iam::111122223333:role/admins2: groups: must be a list of group names, got the string "system:masters"; not migrated`,
      `${file}:11:7: error MIG003 mapRoles[1]: arn:aws:iam::111122223333:role/ops: "usrname" is not a key of a mapRoles mapping (did you mean "username"?); not migrated`,
      `${file}:12:7: error MIG003 mapRoles[1]: arn:aws:iam::111122223333:role/ops: "grops" is not a key of a mapRoles mapping (did you mean "groups"?); not migrated`,
      '2 mappings: 0 migrated as written, 0 migrated with findings, 2 dropped; 3 errors, 0 warnings',
    ]));
  });

  test('never writes a mapping the rules reject, and counts it as dropped', () => {
    const file = tempFile('aws-auth.yaml', `${configMap('- rolearn: not-an-arn\n  groups: [ops]\n')}  mapUsers: |\n    - userarn: arn:aws:iam::111122223333:user/bob\n      groups: [readers]\n`);
    const { code, stdout, stderr } = cli('migrate', file);
    expect(code).toBe(1);
    expect(Object.keys(parse(stdout).principals)).toEqual(['arn:aws:iam::111122223333:user/bob']);
    expect(stderr).toContain(`${file}:8:7: error EAM003 mapRoles[0]: not-an-arn:`);
    expect(stderr).toContain('; not migrated');
    expect(stderr).toContain('2 mappings: 1 migrated as written, 0 migrated with findings, 1 dropped; 1 errors, 0 warnings');
  });

  test('warns on a mapping that grants nothing, and writes it', () => {
    const file = tempFile('aws-auth.yaml', configMap('- rolearn: arn:aws:iam::111122223333:role/admins/empty\n'));
    const { code, stdout, stderr } = cli('migrate', file);
    expect(code).toBe(0);
    expect(parse(stdout).principals).toEqual({ 'arn:aws:iam::111122223333:role/admins/empty': {} });
    expect(stderr).toContain(`${file}:8:7: warning MIG009 mapRoles[0]: arn:aws:iam::111122223333:role/admins/empty: grants nothing: no group and no username`);
    expect(stderr).toContain('1 mappings: 0 migrated as written, 1 migrated with findings, 0 dropped; 0 errors, 1 warnings');
  });

  test('accepts the README\'s abridged aws-auth (just data:) with a warning, and prints the README\'s map', () => {
    const file = tempFile('aws-auth.yaml', readmeBlock('## Migrating from aws-auth', 'yaml', 0));
    const roles = tempFile('roles.txt', `${SSO_ARN}\n`);
    const { code, stdout, stderr } = cli('migrate', file, '--paths', roles);
    expect(stderr).toContain(`${file}:1:1: warning MIG002 input: has no kind and no metadata; read as the data of the aws-auth ConfigMap`);
    expect(stderr).not.toContain('nothing kind');
    expect(parse(stdout)).toEqual(parse(readmeBlock('## Migrating from aws-auth', 'yaml', 1)));
    expect(code).toBe(1); // system:monitoring and mapAccounts cannot be carried over
  });

  test('restores paths from --paths and prints JSON', () => {
    const roles = tempFile('roles.txt', `# from aws iam list-roles\n${SSO_ARN}\n`);
    const { stdout, stderr } = cli('migrate', 'aws-auth/production.yaml', '--paths', roles, '--format', 'json');
    expect(Object.keys(JSON.parse(stdout).principals)).toContain(SSO_ARN);
    expect(stderr).not.toContain('AWSReservedSSO_Developers_0123456789abcdef has a path that aws-auth strips');
  });

  test('fails on a binary --paths file, naming it, without usage text', () => {
    const roles = tempFile('roles.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe]));
    const { code, stdout, stderr } = cli('migrate', 'aws-auth/production.yaml', '--paths', roles);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${roles} is a binary file (a NUL byte at offset 6); --paths expects a text file of role ARNs, one per line`);
    expect(stderr).not.toContain(USAGE_MARK);
  });

  test('fails on a --paths line that is not a role ARN, naming the line', () => {
    const roles = tempFile('roles.txt', `${SSO_ARN}\narn:aws:iam::111122223333:user/bob\n`);
    const { code, stderr } = cli('migrate', 'aws-auth/production.yaml', '--paths', roles);
    expect(code).toBe(2);
    expect(stderr).toContain(`${roles}:2: "arn:aws:iam::111122223333:user/bob" is not an IAM role ARN; --paths expects a text file of role ARNs, one per line`);
  });

  test('prints a TypeScript snippet with the library\'s constants', () => {
    const { stdout } = cli('migrate', 'aws-auth/production.yaml', '--format', 'ts');
    expect(stdout).toContain('policy: EksAccessPolicy.CLUSTER_ADMIN,');
    expect(stdout).toContain('type: AccessEntryType.EC2_WINDOWS,');
    expect(stdout).toContain('type: AccessScopeType.CLUSTER,');
  });

  test('exits 0 when everything migrated', () => {
    const file = tempFile('aws-auth.yaml', 'kind: ConfigMap\nmetadata: {name: aws-auth}\ndata:\n  mapUsers: |\n    - userarn: arn:aws:iam::111122223333:user/bob\n      groups: [readers]\n');
    const { code, stdout } = cli('migrate', file);
    expect(code).toBe(0);
    expect(parse(stdout)).toEqual({ principals: { 'arn:aws:iam::111122223333:user/bob': { kubernetesGroups: ['readers'] } } });
  });

  test('writes the map to --out and prints nothing on stdout', () => {
    const out = tempFile('placeholder', '').replace(/placeholder$/, 'access.yaml');
    const { code, stdout } = cli('migrate', 'aws-auth/production.yaml', '--out', out);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(Object.keys(AccessMapFile.load(out).principals)).toHaveLength(6);
  });

  test('exits 1 with the place on malformed input', () => {
    const file = tempFile('bad.yaml', 'kind: ConfigMap\nmetadata:\n  name: coredns\n');
    const { code, stderr } = cli('migrate', file);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:3:3: error MIG001 metadata: expected the ConfigMap "aws-auth" (kube-system), got the ConfigMap "coredns"`);
  });

  describe('--findings', () => {
    test('json: every finding with its file, line, column, rule and whether the mapping was dropped', () => {
      const { stderr } = cli('migrate', 'aws-auth/production.yaml', '--findings', 'json');
      const doc = JSON.parse(stderr);
      expect(doc.summary).toEqual({ mappings: 9, migratedAsWritten: 0, migratedWithFindings: 6, dropped: 3, errors: 4, warnings: 10 });
      expect(doc.findings).toContainEqual({
        file: 'aws-auth/production.yaml',
        line: 52,
        column: 7,
        severity: 'error',
        ruleId: 'MIG004',
        location: 'mapAccounts[0]',
        dropped: true,
        message: 'maps the whole account 444455556666; access entries name roles and users, not accounts; not migrated',
      });
    });

    test('sarif: a SARIF 2.1.0 log whose rules describe every result', () => {
      const out = tempFile('placeholder', '').replace(/placeholder$/, 'migrate.sarif');
      const { stderr } = cli('migrate', 'aws-auth/production.yaml', '--findings', 'sarif', '--findings-out', out);
      expect(stderr).toBe('');
      const log = JSON.parse(readFileSync(out, 'utf8'));
      expect(log.version).toBe('2.1.0');
      const run = log.runs[0];
      const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
      expect(ids).toEqual(expect.arrayContaining(['MIG001', 'MIG004', 'EAM003']));
      expect(run.results).toHaveLength(14);
      for (const result of run.results) {
        expect(ids[result.ruleIndex]).toBe(result.ruleId);
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('aws-auth/production.yaml');
        expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
      }
    });
  });
});
