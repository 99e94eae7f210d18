import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { AccessMapFile, EksAccessManager } from '../../src';
import { KUBERNETES_VERBS } from '../../src/rbac/rbac-vocabulary';
import { checkAccessMap } from '../../src/validation/check-map';
import { synthError } from '../synth-error';
import { objectNames, v2App } from './helpers';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'maps', 'with-groups.yaml');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'access-map.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('groups in map files', () => {
  test('loads the groups of a file, which the construct binds', () => {
    const contents = AccessMapFile.load(FIXTURE);
    expect(contents.groups).toEqual({
      'dev-team': { clusterRole: 'edit', namespaces: ['dev', 'staging'] },
      'pod-readers': { rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }] },
    });
    const { stack, cluster } = v2App();
    new EksAccessManager(stack, 'Access', { cluster, principals: contents.principals, groups: contents.groups });
    expect(synthError(stack)).toBeUndefined();
    expect(objectNames(stack).map((n) => n.replace(/-[0-9a-f]{8}$/, ''))).toEqual([
      'ClusterRole eam-pod-readers',
      'ClusterRoleBinding eam-pod-readers',
      'RoleBinding dev/eam-dev-team-edit',
      'RoleBinding staging/eam-dev-team-edit',
    ]);
  });

  test('leaves `groups` out of a file that has none', () => {
    expect('groups' in AccessMapFile.parse('principals:\n  arn:aws:iam::111122223333:role/a: {}\n')).toBe(false);
  });

  test('fails on an unknown key of a group with the file, the line and the group', () => {
    const text = 'principals:\n  arn:aws:iam::111122223333:role/a: {}\ngroups:\n  dev:\n    clusterRole: view\n    namespace: [apps]\n';
    expect(() => AccessMapFile.parse(text, 'm.yaml')).toThrow('m.yaml:6: [EAM100] group "dev": namespace: "namespace" is not a known field. Fix: did you mean "namespaces"?');
  });

  test.each([
    ['a rule without resources', '    rules:\n      - apiGroups: [""]\n        verbs: [get]\n', 'm.yaml:6: [EAM101] group "dev": rules[0].resources: is required but missing'],
    ['neither a role nor rules', '    namespaces: [apps]\n', 'm.yaml:4: [EAM101] group "dev": clusterRole: must be exactly one of'],
    ['a group that is a string', null, 'm.yaml:4: [EAM101] group "dev": (group): must be an object, got the string "view"'],
  ])('fails on %s, naming the place', (_what, body, message) => {
    const group = body === null ? '  dev: view\n' : `  dev:\n${body}`;
    expect(() => AccessMapFile.parse(`principals:\n  arn:aws:iam::111122223333:role/a: {}\ngroups:\n${group}`, 'm.yaml')).toThrow(message);
  });

  test('fails on groups that are no map', () => {
    expect(() => AccessMapFile.parse('principals:\n  arn:aws:iam::111122223333:role/a: {}\ngroups: [dev]\n', 'm.yaml')).toThrow('m.yaml:3: [EAM101] groups: must be an object, got a list of 1');
  });

  test('runs the group rules on a map, as the construct does', () => {
    const findings = checkAccessMap({ 'arn:aws:iam::111122223333:role/a': { kubernetesGroups: ['ops'] } }, {
      groups: { 'dev': { clusterRole: 'view', namespaces: ['dev-*'] }, 'system:masters': { clusterRole: 'cluster-admin' } },
    });
    expect(findings.map((f) => `${f.ruleId} ${f.principal} ${f.field}`)).toEqual([
      'EAM207 arn:aws:iam::111122223333:role/a kubernetesGroups',
      'EAM012 group "system:masters" ',
      'EAM030 group "dev" namespaces[0]',
      'EAM206 group "dev" ',
      'EAM206 group "system:masters" ',
    ]);
    expect(findings.find((f) => f.ruleId === 'EAM030')!.group).toBe('dev');
  });
});

describe('the JSON Schema of groups', () => {
  const mapWith = (groups: unknown) => ({ principals: {}, groups });

  test('accepts the fixture with groups, and every verb of the rules', () => {
    expect(validate(parse(readFileSync(FIXTURE, 'utf8')))).toBe(true);
    expect(validate(mapWith({ ops: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: [...KUBERNETES_VERBS, '*'] }] } }))).toBe(true);
    expect(schema.$defs.rbacRule.properties.verbs.items.enum).toEqual([...KUBERNETES_VERBS, '*']);
  });

  test.each([
    ['both a role and rules', { dev: { clusterRole: 'view', rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] } }],
    ['neither', { dev: { namespaces: ['a'] } }],
    ['a namespace wildcard', { dev: { clusterRole: 'view', namespaces: ['dev-*'] } }],
    ['an empty namespace list', { dev: { clusterRole: 'view', namespaces: [] } }],
    ['an unknown verb', { dev: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['gets'] }] } }],
    ['a rule without verbs', { dev: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: [] }] } }],
    ['a system: group', { 'system:authenticated': { clusterRole: 'view' } }],
    ['a ClusterRole name with a slash', { dev: { clusterRole: 'a/b' } }],
    ['an unknown key', { dev: { clusterRole: 'view', namespace: ['a'] } }],
  ])('rejects %s', (_what, groups) => {
    expect(validate(mapWith(groups))).toBe(false);
  });
});
