import { readFileSync } from 'fs';
import { join } from 'path';
import { AwsAuthMigration, Severity } from '../../src';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'aws-auth', name), 'utf8');
const SSO_ARN = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Developers_0123456789abcdef';
const CLUSTER_ADMIN = [{ policy: 'AmazonEKSClusterAdminPolicy', accessScope: { type: 'cluster' } }];

/** Findings as `severity rule location@line:column: message`, the way a reviewer reads them. */
const summary = (findings: ReturnType<typeof AwsAuthMigration.fromConfigMap>['findings']) =>
  findings.map((f) => `${f.severity} ${f.ruleId} ${f.location}${f.line ? `@${f.line}:${f.column}` : ''}${f.dropped ? ' (dropped)' : ''}: ${f.message}`);

describe('AwsAuthMigration', () => {
  describe('of a production ConfigMap with a role table', () => {
    const result = AwsAuthMigration.fromConfigMap(fixture('production.yaml'), {
      roleArns: { AWSReservedSSO_Developers_0123456789abcdef: SSO_ARN },
      knownRoleArns: [
        'arn:aws:iam::111122223333:role/platform-admins',
        'arn:aws:iam::111122223333:role/nodes/eks-linux-nodes',
        'arn:aws:iam::111122223333:role/eks-windows-nodes',
        'arn:aws:iam::111122223333:role/eks-fargate-pods',
        'arn:aws:iam::111122223333:role/ci-deployer',
        // Same name, other account: never used.
        'arn:aws:iam::999999999999:role/teams/platform-admins',
      ],
    });

    test('creates exactly this map', () => {
      expect(result.principals).toEqual({
        'arn:aws:iam::111122223333:role/platform-admins': { username: 'admin:{{SessionName}}', accessPolicies: CLUSTER_ADMIN },
        'arn:aws:iam::111122223333:role/nodes/eks-linux-nodes': { type: 'EC2_LINUX' },
        'arn:aws:iam::111122223333:role/eks-windows-nodes': { type: 'EC2_WINDOWS' },
        'arn:aws:iam::111122223333:role/eks-fargate-pods': { type: 'FARGATE_LINUX' },
        [SSO_ARN]: { username: 'dev:{{SessionName}}', kubernetesGroups: ['dev-team'] },
        'arn:aws:iam::111122223333:role/ci-deployer': { username: 'ci', kubernetesGroups: ['deployers'] },
        'arn:aws:iam::111122223333:user/alice': { username: 'alice', kubernetesGroups: ['auditors'] },
      });
    });

    test('reports exactly these findings, with lines', () => {
      expect(summary(result.findings)).toEqual([
        'warning MIG008 mapRoles[1]@16:7: became an entry of type EC2_LINUX; if this is the role of a managed node group, EKS creates its entry itself: remove it, or set skipEksManagedPrincipals',
        'warning MIG008 mapRoles[2]@21:7: became an entry of type EC2_WINDOWS; if this is the role of a managed node group, EKS creates its entry itself: remove it, or set skipEksManagedPrincipals',
        'warning MIG008 mapRoles[3]@27:7: became an entry of type FARGATE_LINUX; if this is the role of a Fargate profile, EKS creates its entry itself: remove it, or set skipEksManagedPrincipals',
        'error MIG007 mapRoles[5]@39:7: groups system:monitoring start with "system:" and cannot be expressed; dropped',
        'error MIG005 mapRoles[6]@42:7 (dropped): is mapped again (first at mapRoles[0]); the first mapping is kept, this one is not migrated',
        'warning MIG007 mapUsers[0]@48:7: group system:authenticated dropped: every authenticated principal is in it anyway',
        'error MIG004 mapAccounts[0]@52:7 (dropped): maps the whole account 444455556666; access entries name roles and users, not accounts; not migrated',
      ]);
    });

    test('counts each mapping once: migrated as written, with findings, or dropped', () => {
      expect(result.summary).toEqual({ mappings: 9, migratedAsWritten: 2, migratedWithFindings: 5, dropped: 2 });
    });

    test('produces a map the construct accepts (no rule finding)', () => {
      expect(result.findings.filter((f) => f.ruleId.startsWith('EAM'))).toEqual([]);
    });
  });

  describe('of the same ConfigMap without a role table', () => {
    const result = AwsAuthMigration.fromConfigMap(fixture('production.yaml'));

    test('keeps the ARNs as written, and leaves out the Identity Center role whose path is lost (it would fail synth)', () => {
      expect(Object.keys(result.principals)).toContain('arn:aws:iam::111122223333:role/platform-admins');
      expect(Object.keys(result.principals).filter((arn) => arn.includes('AWSReservedSSO_'))).toEqual([]);
      expect(summary(result.findings)).toContain(
        'error MIG006 mapRoles[4]@33:7 (dropped): the IAM Identity Center role AWSReservedSSO_Developers_0123456789abcdef has a path that aws-auth strips (aws-reserved/sso.amazonaws.com/<region>/); give its full ARN in the role table; not migrated',
      );
    });

    test('warns on every role whose path could not be restored', () => {
      const unrestored = result.findings.filter((f) => f.message.includes('could not be restored')).map((f) => f.location);
      expect(unrestored).toEqual(['mapRoles[0]', 'mapRoles[1]', 'mapRoles[2]', 'mapRoles[3]', 'mapRoles[5]', 'mapRoles[6]']);
    });
  });

  test('migrates hybrid nodes, and leaves out what cannot be migrated or would fail the rules', () => {
    const result = AwsAuthMigration.fromConfigMap(fixture('hybrid-and-broken.yaml'), { knownRoleArns: ['arn:aws:iam::111122223333:role/hybrid-nodes', 'arn:aws:iam::111122223333:role/legacy'] });
    expect(result.principals).toEqual({ 'arn:aws:iam::111122223333:role/hybrid-nodes': { type: 'HYBRID_LINUX' } });
    expect(summary(result.findings)).toEqual([
      'error MIG003 mapRoles[1]@13:7 (dropped): has no rolearn; not migrated',
      'error MIG004 mapRoles[2]@16:7 (dropped): "arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS" is a service-linked role; EKS manages its access itself; not migrated',
      'error EAM011 mapRoles[3]@20:7 (dropped): username: "legacy{{SessionName}}" has {{SessionName}} with no ":" before it, which EKS refuses. Fix: put a prefix ending in ":" before it, for example "legacy:{{SessionName}}"; not migrated',
    ]);
    expect(result.summary).toEqual({ mappings: 4, migratedAsWritten: 1, migratedWithFindings: 0, dropped: 3 });
  });

  describe('a mapping of the wrong shape: an error on its line and column, and not migrated', () => {
    const migrate = (mapRoles: string) => AwsAuthMigration.fromMappings({ mapRoles }, { knownRoleArns: ['arn:aws:iam::111122223333:role/ops'] });
    test.each([
      ['a misspelt key', '- rolearn: arn:aws:iam::111122223333:role/ops\n  grops: [ops]\n', 'error MIG003 mapRoles[0]@2:3 (dropped): "grops" is not a key of a mapRoles mapping (did you mean "groups"?); not migrated'],
      ['a key of mapUsers in mapRoles', '- userarn: arn:aws:iam::111122223333:role/ops\n', 'error MIG003 mapRoles[0]@1:3 (dropped): "userarn" is not a key of a mapRoles mapping; it has rolearn, username, groups; not migrated'],
      ['groups as a string', '- rolearn: arn:aws:iam::111122223333:role/ops\n  groups: system:masters\n', 'error MIG003 mapRoles[0]@2:3 (dropped): groups: must be a list of group names, got the string "system:masters"; not migrated'],
      ['a group that is not a string', '- rolearn: arn:aws:iam::111122223333:role/ops\n  groups: [ops, 7]\n', 'error MIG003 mapRoles[0]@2:17 (dropped): groups[1]: must be a group name (a string), got the number 7; not migrated'],
      ['a username that is not a string', '- rolearn: arn:aws:iam::111122223333:role/ops\n  username: [ops]\n', 'error MIG003 mapRoles[0]@2:3 (dropped): username: must be a string, got a list of 1; not migrated'],
      ['an ARN that is not a string', '- rolearn: 111122223333\n', 'error MIG003 mapRoles[0]@1:3 (dropped): rolearn: must be an IAM ARN (a string), got the number 111122223333; not migrated'],
      ['a mapping that is not an object', '- arn:aws:iam::111122223333:role/ops\n', 'error MIG003 mapRoles[0]@1:3 (dropped): must be a mapping with rolearn, username and groups, got the string "arn:aws:iam::111122223333:role/ops"; not migrated'],
    ])('%s', (_what, mapRoles, finding) => {
      const result = migrate(mapRoles);
      expect(result.principals).toEqual({});
      expect(summary(result.findings)).toContain(finding);
      expect(result.summary.dropped).toBe(1);
    });

    test('accepts the same mapping with the keys right', () => {
      const result = migrate('- rolearn: arn:aws:iam::111122223333:role/ops\n  username: ops\n  groups: [ops]\n');
      expect(result.principals).toEqual({ 'arn:aws:iam::111122223333:role/ops': { username: 'ops', kubernetesGroups: ['ops'] } });
      expect(result.findings).toEqual([]);
      expect(result.summary).toEqual({ mappings: 1, migratedAsWritten: 1, migratedWithFindings: 0, dropped: 0 });
    });
  });

  describe('a mapping that grants nothing', () => {
    test('warns, and migrates it', () => {
      const result = AwsAuthMigration.fromMappings({ mapUsers: '- userarn: arn:aws:iam::111122223333:user/bob\n  groups: [system:authenticated]\n' });
      expect(result.principals).toEqual({ 'arn:aws:iam::111122223333:user/bob': {} });
      expect(summary(result.findings)).toContain('warning MIG009 mapUsers[0]@1:3: grants nothing: no group and no username; its entry would let the principal authenticate and authorize nothing. Give it groups or an access policy, or leave it out');
    });

    test('is not said of a mapping with a username, which RBAC may bind', () => {
      const result = AwsAuthMigration.fromMappings({ mapUsers: '- userarn: arn:aws:iam::111122223333:user/bob\n  username: bob\n' });
      expect(result.findings).toEqual([]);
    });
  });

  describe('an input that does not say it is aws-auth', () => {
    test.each([
      ['data alone (the README\'s abridged example)', 'data:\n  mapUsers: |\n    - userarn: arn:aws:iam::111122223333:user/bob\n      groups: [readers]\n', 'warning MIG002 input@1:1: has no kind and no metadata; read as the data of the aws-auth ConfigMap'],
      ['the sections alone', 'mapUsers: |\n  - userarn: arn:aws:iam::111122223333:user/bob\n    groups: [readers]\n', 'warning MIG002 input@1:1: has no kind, no metadata and no data; read as the data of the aws-auth ConfigMap'],
      ['a ConfigMap without a name', 'kind: ConfigMap\ndata:\n  mapUsers: |\n    - userarn: arn:aws:iam::111122223333:user/bob\n      groups: [readers]\n', 'warning MIG002 input@1:1: has no metadata.name; read as the aws-auth ConfigMap'],
    ])('reads %s, with a warning', (_what, text, warning) => {
      const result = AwsAuthMigration.fromConfigMap(text);
      expect(result.principals).toEqual({ 'arn:aws:iam::111122223333:user/bob': { kubernetesGroups: ['readers'] } });
      expect(summary(result.findings)).toEqual([warning]);
    });

    test('fails on a misspelt section, naming it', () => {
      const result = AwsAuthMigration.fromConfigMap('data:\n  mapRole: |\n    - rolearn: arn:aws:iam::111122223333:role/ops\n');
      expect(summary(result.findings)).toContain('error MIG001 data@2:3: "mapRole" is not a section of aws-auth (did you mean "mapRoles"?); it holds mapRoles, mapUsers and mapAccounts; not read');
    });
  });

  test('migrates the mapRoles and mapUsers strings alone', () => {
    const result = AwsAuthMigration.fromMappings({
      mapRoles: '- rolearn: arn:aws:iam::111122223333:role/admins\n  groups: [system:masters]\n',
      mapUsers: '- userarn: arn:aws:iam::111122223333:user/bob\n  groups: [readers]\n',
    }, { knownRoleArns: ['arn:aws:iam::111122223333:role/admins'] });
    expect(result.principals).toEqual({
      'arn:aws:iam::111122223333:role/admins': { accessPolicies: CLUSTER_ADMIN },
      'arn:aws:iam::111122223333:user/bob': { kubernetesGroups: ['readers'] },
    });
    expect(result.findings).toEqual([]);
  });

  test('migrates a bare list of mappings', () => {
    const result = AwsAuthMigration.fromConfigMap('- userarn: arn:aws:iam::111122223333:user/bob\n  groups: [readers]\n');
    expect(result.principals).toEqual({ 'arn:aws:iam::111122223333:user/bob': { kubernetesGroups: ['readers'] } });
  });

  describe('bad input: a clear finding naming the place, never an exception', () => {
    test.each([
      ['malformed YAML', 'kind: ConfigMap\n  data: [unclosed', /^error MIG001 input@\d+:\d+: not valid YAML or JSON/],
      ['a ConfigMap of another name', 'kind: ConfigMap\nmetadata:\n  name: coredns\n', /^error MIG001 metadata@3:3: expected the ConfigMap "aws-auth" \(kube-system\), got the ConfigMap "coredns"/],
      ['another kind', 'kind: Secret\nmetadata:\n  name: aws-auth\n', /^error MIG001 kind@1:1: expected the ConfigMap "aws-auth" \(kube-system\), got kind "Secret"$/],
      ['mapRoles that is not a list', 'kind: ConfigMap\nmetadata: {name: aws-auth}\ndata:\n  mapRoles: |\n    rolearn: x\n', /^error MIG001 data.mapRoles@4:3: must be a YAML list of mappings, got an object/],
      ['mapRoles that is not a string', 'kind: ConfigMap\nmetadata: {name: aws-auth}\ndata:\n  mapRoles: [1]\n', /^error MIG001 data.mapRoles@4:3: must be a string holding a YAML list, got a list of 1/],
      ['malformed YAML inside mapRoles', 'kind: ConfigMap\nmetadata: {name: aws-auth}\ndata:\n  mapRoles: |\n    - rolearn: [x\n', /^error MIG001 data.mapRoles@6:5: not a valid YAML list/],
      ['a scalar document', '42', /^error MIG001 input@1:1: expected an aws-auth ConfigMap, got the number 42/],
      ['a huge input', `# ${'x'.repeat(6 * 1024 * 1024)}`, /^error MIG001 input: not valid YAML or JSON: the input is larger than 5 MiB/],
      ['a ConfigMap key misspelt', 'kind: ConfigMap\nmetadata: {name: aws-auth}\ndta:\n  mapRoles: ""\n', /^error MIG001 input@3:1: "dta" is not a key of a ConfigMap \(did you mean "data"\?\); not read/],
    ])('%s', (_what, text, expected) => {
      const result = AwsAuthMigration.fromConfigMap(text);
      expect(result.principals).toEqual({});
      expect(summary(result.findings)[0]).toMatch(expected);
      expect(result.findings[0].severity).toBe(Severity.ERROR);
    });
  });
});
