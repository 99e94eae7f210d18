import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { AwsAuthMigration, Severity } from '../../src';
import { checkAccessMap } from '../../src/validation/check-map';
import { SEED } from '../properties/arbitraries';

// Property: whatever an aws-auth ConfigMap holds, every mapping of it is in the migrated map
// (exactly as written) or named by a finding; nothing is dropped silently, and what is
// written passes the rules.

const ROLES = ['arn:aws:iam::111122223333:role/team/admins', 'arn:aws:iam::111122223333:role/ops', 'arn:aws-cn:iam::444455556666:role/a/b/nodes',
  'arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS', 'not-an-arn', 'arn:aws:iam::111122223333:user/in-roles'];
const USERS = ['arn:aws:iam::111122223333:user/bob', 'arn:aws:iam::111122223333:user/people/alice', 'arn:aws:iam::111122223333:role/in-users'];
const GROUPS = ['system:masters', 'system:nodes', 'system:bootstrappers', 'system:node-proxier', 'eks:kube-proxy-windows',
  'system:authenticated', 'system:monitoring', 'dev', 'ops', 'readers'];
const USERNAMES = ['dev:{{SessionName}}', 'ci', 'system:node:{{EC2PrivateDNSName}}', 'system:node:{{SessionName}}', 'legacy{{SessionName}}', 'system:admin'];

/** Anything a YAML value can be, for the fields written with the wrong type. */
const junk = fc.oneof(
  fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 8 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

function mapping(arnKey: 'rolearn' | 'userarn', arns: string[]) {
  return fc.record({
    arn: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...arns) }, { weight: 1, arbitrary: junk }),
    username: fc.oneof(fc.constantFrom(...USERNAMES), junk),
    groups: fc.oneof({ weight: 6, arbitrary: fc.uniqueArray(fc.constantFrom(...GROUPS), { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constantFrom(...GROUPS) }, { weight: 1, arbitrary: fc.array(junk, { minLength: 1, maxLength: 2 }) }),
    misspelt: fc.constantFrom('usrname', 'grops', 'roleArn', 'group'),
  }, { requiredKeys: [] }).map((m) => {
    const value: Record<string, unknown> = {};
    if ('arn' in m) { value[arnKey] = m.arn; }
    if ('username' in m) { value.username = m.username; }
    if ('groups' in m) { value.groups = m.groups; }
    if ('misspelt' in m) { value[m.misspelt!] = 'x'; }
    return value;
  });
}

const section = <T>(item: fc.Arbitrary<T>) => fc.array(fc.oneof({ weight: 12, arbitrary: item }, { weight: 1, arbitrary: junk }), { maxLength: 6 });

const configMap = fc.record({
  mapRoles: section(mapping('rolearn', ROLES)),
  mapUsers: section(mapping('userarn', USERS)),
  mapAccounts: fc.array(fc.oneof(fc.stringMatching(/^\d{12}$/), junk), { maxLength: 2 }),
  withMetadata: fc.boolean(),
});

describe('AwsAuthMigration (property)', () => {
  test('every mapping is in the map, exactly as written, or named by a finding; what is written passes the rules', () => {
    fc.assert(fc.property(configMap, ({ withMetadata, ...sections }) => {
      const data = Object.fromEntries(Object.entries(sections).map(([name, items]) => [name, stringify(items)]));
      const text = stringify(withMetadata ? { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aws-auth', namespace: 'kube-system' }, data } : { data });
      const result = AwsAuthMigration.fromConfigMap(text);

      const total = Object.values(sections).reduce((n, items) => n + items.length, 0);
      expect(result.summary.mappings).toBe(total);
      expect(result.summary.migratedAsWritten + result.summary.migratedWithFindings + result.summary.dropped).toBe(total);

      for (const [name, items] of Object.entries(sections)) {
        items.forEach((item, index) => {
          const location = `${name}[${index}]`;
          const findings = result.findings.filter((f) => f.location === location);
          if (findings.length > 0) { return; }
          // No finding: it must be in the map, with everything it said.
          const fields = item as Record<string, unknown>;
          const arn = String(fields.rolearn ?? fields.userarn);
          const access = result.principals[arn];
          expect(access).toBeDefined();
          const groups = (fields.groups ?? []) as string[];
          if (access.type === undefined) {
            expect(access.username).toBe(fields.username);
            expect(access.kubernetesGroups ?? []).toEqual(groups.filter((g) => g !== 'system:masters'));
            expect((access.accessPolicies ?? []).map((p) => p.policy)).toEqual(groups.includes('system:masters') ? ['AmazonEKSClusterAdminPolicy'] : []);
          }
        });
      }
      // A mapping that failed is never written: the map has no error left.
      expect(checkAccessMap(result.principals).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
      // Only an error drops a mapping.
      expect(result.findings.filter((f) => f.dropped && f.severity !== Severity.ERROR)).toEqual([]);
    }), { seed: SEED, numRuns: 300 });
  });
});
