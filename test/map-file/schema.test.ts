import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { AccessEntryType, AccessScopeType, AuthenticationMode } from '../../src';

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
});
