import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { AccessEntryType, AccessScopeType, AuthenticationMode } from '../../src';
import { parseIamPrincipal } from '../../src/private/principal-arn';
import { CLUSTER_NAME, MAX_CLUSTER_NAME } from '../../src/validation/rules/eam027-cluster-name';

const ROOT = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'access-map.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const fixture = (name: string) => parse(readFileSync(join(ROOT, 'test', 'fixtures', 'maps', name), 'utf8'));

describe('the JSON Schema of map files', () => {
  test('accepts the valid fixtures', () => {
    expect(validate(fixture('valid.yaml'))).toBe(true);
    expect(validate(fixture('valid.json'))).toBe(true);
  });

  test('flags an empty namespace list, a system: group and an unknown key', () => {
    expect(validate(fixture('invalid.yaml'))).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining([
      '/principals/arn:aws:iam::111122223333:role~1dev/accessPolicies/0/accessScope/namespaces',
      '/principals/arn:aws:iam::111122223333:role~1ops/kubernetesGroups/0',
      '/principals/arn:aws:iam::111122223333:role~1ops',
    ]));
  });

  test('lists the same enum values as the library', () => {
    const defs = schema.$defs;
    expect(defs.principalAccess.properties.type.enum).toEqual(Object.values(AccessEntryType));
    expect(defs.accessPolicyGrant.properties.accessScope.properties.type.enum).toEqual(Object.values(AccessScopeType));
    expect(schema.properties.authenticationMode.enum.sort()).toEqual(Object.values(AuthenticationMode).sort());
  });

  describe('the limits editors see, at and past each one', () => {
    const ROLE = 'arn:aws:iam::111122223333:role/dev';
    const mapWith = (extra: object, principal = ROLE, access: object = {}) => ({ principals: { [principal]: access }, ...extra });
    /** A path of `length` characters, slashes included. */
    const path = (length: number) => `/${'p'.repeat(length - 2)}/`;

    test.each([
      ['a cluster name of 100 characters', { clusterName: 'c'.repeat(100) }, true],
      ['a cluster name of 101 characters', { clusterName: 'c'.repeat(101) }, false],
      ['a cluster name with a dot', { clusterName: 'prod.eu' }, false],
      ['a cluster name starting with "-"', { clusterName: '-prod' }, false],
      ['a cluster ARN', { clusterName: 'arn:aws:eks:eu-west-1:111122223333:cluster/prod' }, false],
    ])('%s: valid %s', (_, extra, valid) => {
      expect(validate(mapWith(extra))).toBe(valid);
    });

    test.each([
      ['a 128-character tag key', { ['k'.repeat(128)]: 'v' }, true],
      ['a 129-character tag key', { ['k'.repeat(129)]: 'v' }, false],
      ['a key of 128 emoji, counted in characters', { ['🔑'.repeat(128)]: 'v' }, true],
      ['a 256-character value', { k: 'v'.repeat(256) }, true],
      ['a 257-character value', { k: 'v'.repeat(257) }, false],
      ['an "aws:" key', { 'aws:owner': 'me' }, false],
      ['an "AWS:" key', { 'AWS:Owner': 'me' }, false],
      ['an "awsome" key', { awsome: 'me' }, true],
    ])('%s: valid %s', (_, tags, valid) => {
      expect(validate(mapWith({}, ROLE, { tags }))).toBe(valid);
    });

    /** The schema's verdict on a principal key agrees with the rules' (EAM003). */
    test.each([
      `arn:aws:iam::111122223333:role/${'r'.repeat(64)}`,
      `arn:aws:iam::111122223333:user/${'u'.repeat(65)}`,
      `arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_${'P'.repeat(32)}_0123456789abcdef`,
      `arn:aws:iam::111122223333:role${path(512)}dev`,
      `arn:aws:iam::111122223333:role${path(513)}dev`,
      'arn:aws:iam::111122223333:role/team!~/a*b/dev',
      'arn:aws:iam::111122223333:role/my team/dev',
      'arn:aws:iam::111122223333:role//dev',
      'arn:aws:iam::111122223333:user/alice smith',
      'arn:aws:iam::111122223333:user/ops/',
      'arn:aws:iam::111122223333:user/Az09+=,.@_-',
    ])('agrees with the rules on %s', (principal) => {
      expect(validate(mapWith({}, principal))).toBe(parseIamPrincipal(principal) !== undefined);
    });

    test('states the cluster name limits of rule EAM027', () => {
      expect(schema.properties.clusterName.maxLength).toBe(MAX_CLUSTER_NAME);
      expect(schema.properties.clusterName.pattern).toBe(CLUSTER_NAME.source);
    });
  });
});
