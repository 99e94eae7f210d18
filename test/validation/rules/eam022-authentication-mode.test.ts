import { AuthenticationMode } from '../../../src';
import { EAM022 } from '../../../src/validation/rules/eam022-authentication-mode';
import { checkAll, contextOf } from '../helpers';

const withMode = (authenticationMode?: string) =>
  contextOf({ cluster: { authenticationMode, unknownFields: [], malformedFields: [], source: 'S/Access' } });

describe('EAM022 authentication mode', () => {
  test.each([AuthenticationMode.API, AuthenticationMode.API_AND_CONFIG_MAP, undefined])('accepts %s', (mode) => {
    expect(checkAll(EAM022, [], withMode(mode))).toEqual([]);
  });

  test('fails when the cluster uses CONFIG_MAP only', () => {
    const [violation] = checkAll(EAM022, [], withMode('CONFIG_MAP'));
    expect(violation.field).toBe('authenticationMode');
    expect(violation.entry).toBeUndefined();
    expect(violation.fix).toContain('API_AND_CONFIG_MAP');
  });

  test('fails when the mode is not an EKS value', () => {
    expect(checkAll(EAM022, [], withMode('api'))[0].message).toContain('"api"');
  });
});
