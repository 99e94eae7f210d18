import { readFileSync } from 'fs';
import { join } from 'path';
import { AwsAuthMigration, Severity } from '../../src';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'aws-auth', name), 'utf8');
const SSO_ARN = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Developers_0123456789abcdef';
const CLUSTER_ADMIN = [{ policy: 'AmazonEKSClusterAdminPolicy', accessScope: { type: 'cluster' } }];

/** Findings as `severity location: message`, the way a reviewer reads them. */
const summary = (findings: ReturnType<typeof AwsAuthMigration.fromConfigMap>['findings']) =>
  findings.map((f) => `${f.severity} ${f.location}${f.line ? `@${f.line}` : ''}${f.ruleId ? ` ${f.ruleId}` : ''}: ${f.message}`);

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
        'warning mapRoles[1]@16: became an entry of type EC2_LINUX; if this is the role of a managed node group, EKS creates its entry itself: remove it, or set skipEksManagedPrincipals',
        'warning mapRoles[2]@21: became an entry of type EC2_WINDOWS; if this is the role of a managed node group, EKS creates its entry itself: remove it, or set skipEksManagedPrincipals',
        'warning mapRoles[3]@27: became an entry of type FARGATE_LINUX; if this is the role of a Fargate profile, EKS creates its entry itself: remove it, or set skipEksManagedPrincipals',
        'error mapRoles[5]@37: groups system:monitoring start with "system:" and cannot be expressed; dropped',
        'error mapRoles[6]@42: is mapped again (first at mapRoles[0]); the first mapping is kept, this one is not migrated',
        'warning mapUsers[0]@46: group system:authenticated dropped: every authenticated principal is in it anyway',
        'error mapAccounts[0]@52: maps the whole account 444455556666; access entries name roles and users, not accounts; not migrated',
      ]);
    });

    test('produces a map the construct accepts (no rule finding)', () => {
      expect(result.findings.filter((f) => f.ruleId)).toEqual([]);
    });
  });

  describe('of the same ConfigMap without a role table', () => {
    const result = AwsAuthMigration.fromConfigMap(fixture('production.yaml'));

    test('keeps the ARNs as written, and fails on the Identity Center role whose path is lost', () => {
      expect(Object.keys(result.principals)).toContain('arn:aws:iam::111122223333:role/AWSReservedSSO_Developers_0123456789abcdef');
      expect(summary(result.findings)).toContain(
        'error mapRoles[4]@33: the IAM Identity Center role AWSReservedSSO_Developers_0123456789abcdef has a path that aws-auth strips (aws-reserved/sso.amazonaws.com/<region>/); give its full ARN in the role table',
      );
    });

    test('warns on every role whose path could not be restored', () => {
      const unrestored = result.findings.filter((f) => f.message.includes('could not be restored')).map((f) => f.location);
      expect(unrestored).toEqual(['mapRoles[0]', 'mapRoles[1]', 'mapRoles[2]', 'mapRoles[3]', 'mapRoles[5]', 'mapRoles[6]']);
    });
  });

  test('migrates hybrid nodes, and reports what cannot be migrated or would fail the rules', () => {
    const result = AwsAuthMigration.fromConfigMap(fixture('hybrid-and-broken.yaml'), { knownRoleArns: ['arn:aws:iam::111122223333:role/hybrid-nodes', 'arn:aws:iam::111122223333:role/legacy'] });
    expect(result.principals).toEqual({
      'arn:aws:iam::111122223333:role/hybrid-nodes': { type: 'HYBRID_LINUX' },
      'arn:aws:iam::111122223333:role/legacy': { username: 'legacy{{SessionName}}' },
    });
    expect(summary(result.findings)).toEqual([
      'error mapRoles[1]@13: has no rolearn; not migrated',
      'error mapRoles[2]@16: "arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS" is a service-linked role; EKS manages its access itself; not migrated',
      'error mapRoles[3]@19 EAM011: username: "legacy{{SessionName}}" has {{SessionName}} with no ":" before it, which EKS refuses. Fix: put a prefix ending in ":" before it, for example "legacy:{{SessionName}}"',
    ]);
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
      ['malformed YAML', 'kind: ConfigMap\n  data: [unclosed', /^error input@\d+: not valid YAML or JSON/],
      ['a ConfigMap of another name', 'kind: ConfigMap\nmetadata:\n  name: coredns\n', /^error metadata@3: expected the ConfigMap "aws-auth" \(kube-system\), got the ConfigMap "coredns"/],
      ['another kind', 'kind: Secret\nmetadata:\n  name: aws-auth\n', /got a the string "Secret" kind/],
      ['mapRoles that is not a list', 'kind: ConfigMap\nmetadata: {name: aws-auth}\ndata:\n  mapRoles: |\n    rolearn: x\n', /^error data.mapRoles@4: must be a YAML list of mappings, got an object/],
      ['mapRoles that is not a string', 'kind: ConfigMap\nmetadata: {name: aws-auth}\ndata:\n  mapRoles: [1]\n', /^error data.mapRoles@4: must be a string holding a YAML list, got a list of 1/],
      ['malformed YAML inside mapRoles', 'kind: ConfigMap\nmetadata: {name: aws-auth}\ndata:\n  mapRoles: |\n    - rolearn: [x\n', /^error data.mapRoles@\d+: not a valid YAML list/],
      ['a scalar document', '42', /^error input@1: expected an aws-auth ConfigMap, got the number 42/],
      ['a huge input', `# ${'x'.repeat(6 * 1024 * 1024)}`, /^error input: not valid YAML or JSON: the input is larger than 5 MiB/],
    ])('%s', (_what, text, expected) => {
      const result = AwsAuthMigration.fromConfigMap(text);
      expect(result.principals).toEqual({});
      expect(summary(result.findings)[0]).toMatch(expected);
      expect(result.findings[0].severity).toBe(Severity.ERROR);
    });
  });
});
