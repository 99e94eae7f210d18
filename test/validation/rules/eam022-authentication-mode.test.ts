import { Token } from 'aws-cdk-lib';
import { AuthenticationMode } from '../../../src';
import { EAM022 } from '../../../src/validation/rules/eam022-authentication-mode';
import { checkAll, contextOf } from '../helpers';

const withMode = (authenticationMode?: string) =>
  contextOf({ cluster: { authenticationMode, unknownFields: [], malformedFields: [], source: 'S/Access' } });

/** A cluster defined in the app, with its own mode, and the mode given as a prop. */
const inAppWithMode = (clusterMode: string | undefined, declared?: string) => contextOf({
  cluster: {
    authenticationMode: declared,
    unknownFields: [],
    malformedFields: [],
    source: 'S/Access',
    inApp: { path: 'S/Cluster', authenticationMode: clusterMode, bootstrapCreatorAdmin: true, eksManaged: [] },
  },
});

const CONFIG_MAP_FIX = 'switch the cluster to API_AND_CONFIG_MAP (then API once aws-auth is migrated); the change is one-way';

describe('EAM022 authentication mode', () => {
  test.each([AuthenticationMode.API, AuthenticationMode.API_AND_CONFIG_MAP, undefined])('accepts %s', (mode) => {
    expect(checkAll(EAM022, [], withMode(mode))).toEqual([]);
  });

  test('fails when the cluster uses CONFIG_MAP only', () => {
    expect(checkAll(EAM022, [], withMode('CONFIG_MAP'))).toEqual([{
      field: 'authenticationMode',
      message: 'the cluster authenticates with the aws-auth ConfigMap only (CONFIG_MAP, the CloudFormation default); EKS refuses every access entry',
      fix: CONFIG_MAP_FIX,
    }]);
  });

  test('fails when the mode is not an EKS value', () => {
    expect(checkAll(EAM022, [], withMode('api'))).toEqual([{
      field: 'authenticationMode',
      message: '"api" is not an authentication mode',
      fix: 'use "API" or "API_AND_CONFIG_MAP" (values are case-sensitive)',
    }]);
  });

  test('does not check a token mode', () => {
    expect(checkAll(EAM022, [], withMode(Token.asString({ Ref: 'Mode' })))).toEqual([]);
  });

  test('names the in-app cluster whose own mode is CONFIG_MAP', () => {
    expect(checkAll(EAM022, [], inAppWithMode('CONFIG_MAP'))).toEqual([{
      field: 'authenticationMode',
      message: 'the cluster S/Cluster authenticates with the aws-auth ConfigMap only (CONFIG_MAP, the CloudFormation default); EKS refuses every access entry',
      fix: CONFIG_MAP_FIX,
    }]);
  });

  test('reads the mode from the in-app cluster when no prop is given', () => {
    expect(checkAll(EAM022, [], inAppWithMode(AuthenticationMode.API))).toEqual([]);
  });

  test('accepts a prop that agrees with the in-app cluster', () => {
    expect(checkAll(EAM022, [], inAppWithMode(AuthenticationMode.API, AuthenticationMode.API))).toEqual([]);
  });

  test('fails when the prop disagrees with the in-app cluster, which is the truth', () => {
    expect(checkAll(EAM022, [], inAppWithMode(AuthenticationMode.API, 'CONFIG_MAP'))).toEqual([{
      field: 'authenticationMode',
      message: 'is "CONFIG_MAP", but the cluster S/Cluster in this app has "API"',
      fix: 'leave `authenticationMode` out (it is read from the cluster), or make the two agree',
    }]);
  });

  test('uses the prop when the in-app cluster does not say its mode', () => {
    expect(checkAll(EAM022, [], inAppWithMode(undefined, 'CONFIG_MAP'))).toEqual([{
      field: 'authenticationMode',
      message: 'the cluster authenticates with the aws-auth ConfigMap only (CONFIG_MAP, the CloudFormation default); EKS refuses every access entry',
      fix: CONFIG_MAP_FIX,
    }]);
  });
});
