import { join } from 'path';
import { IAMClient, ListRolesCommand, ListRolesCommandInput, Role } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';

/** The handler is plain JavaScript, shipped as it is (see the provider): its shape, for the tests. */
interface LookupHandler {
  handler(event: unknown): Promise<{ PhysicalResourceId?: string; Data?: Record<string, string> }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lookup = require(join(__dirname, '..', '..', 'handlers', 'permission-set-role')) as LookupHandler;

const ACCOUNT = '111122223333';
const STACK_ID = `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/Platform/8e0f0c10-0000-11ef-0000-0a1b2c3d4e5f`;
const EU_PATH = '/aws-reserved/sso.amazonaws.com/eu-west-1/';
const US_EAST_PATH = '/aws-reserved/sso.amazonaws.com/';

function role(name: string, path = EU_PATH): Role {
  return { RoleName: name, Path: path, Arn: `arn:aws:iam::${ACCOUNT}:role${path}${name}`, RoleId: `AROA${name.length}`, CreateDate: new Date(0) };
}

function event(requestType: 'Create' | 'Update' | 'Delete', permissionSetName: unknown, physicalResourceId?: string) {
  return {
    RequestType: requestType,
    StackId: STACK_ID,
    PhysicalResourceId: physicalResourceId,
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111122223333:function:provider', PermissionSetName: permissionSetName, LookupNonce: '1' },
  };
}

const iam = mockClient(IAMClient);

beforeEach(() => {
  iam.reset();
});

afterAll(() => {
  iam.restore();
});

describe('the permission set lookup handler', () => {
  test('finds the role of the permission set, under the SSO path prefix, and hands on its ARN', async () => {
    // GIVEN
    const dev = role('AWSReservedSSO_Dev_0123456789abcdef');
    iam.on(ListRolesCommand).resolves({ Roles: [role('AWSReservedSSO_Admin_aaaabbbbccccdddd'), dev], IsTruncated: false });

    // WHEN
    const result = await lookup.handler(event('Create', 'Dev'));

    // THEN
    expect(result).toEqual({ PhysicalResourceId: dev.Arn, Data: { Arn: dev.Arn, RoleName: dev.RoleName, Path: EU_PATH } });
    expect(iam.commandCalls(ListRolesCommand)[0].args[0].input).toEqual({ PathPrefix: '/aws-reserved/sso.amazonaws.com/', MaxItems: 1000, Marker: undefined });
  });

  test('reads every page, following the marker, until a page is not truncated', async () => {
    // GIVEN: the role is on the third page
    const dev = role('AWSReservedSSO_Dev_0123456789abcdef');
    iam.on(ListRolesCommand)
      .resolvesOnce({ Roles: [role('AWSReservedSSO_Admin_aaaabbbbccccdddd')], IsTruncated: true, Marker: 'page-2' })
      .resolvesOnce({ Roles: [role('AWSReservedSSO_ReadOnly_1111222233334444')], IsTruncated: true, Marker: 'page-3' })
      .resolvesOnce({ Roles: [dev], IsTruncated: false });

    // WHEN
    const result = await lookup.handler(event('Update', 'Dev', 'arn:old'));

    // THEN
    expect(result.Data?.Arn).toBe(dev.Arn);
    const markers = iam.commandCalls(ListRolesCommand).map((call) => (call.args[0].input as ListRolesCommandInput).Marker);
    expect(markers).toEqual([undefined, 'page-2', 'page-3']);
  });

  test('fails when two roles match (on two pages, one without a region segment), naming both', async () => {
    iam.on(ListRolesCommand)
      .resolvesOnce({ Roles: [role('AWSReservedSSO_Dev_0123456789abcdef', US_EAST_PATH)], IsTruncated: true, Marker: 'next' })
      .resolvesOnce({ Roles: [role('AWSReservedSSO_Dev_fedcba9876543210')], IsTruncated: false });

    await expect(lookup.handler(event('Create', 'Dev'))).rejects.toThrow(
      `IAM Identity Center permission set "Dev" has 2 roles in account ${ACCOUNT}, expected one: `
      + `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_0123456789abcdef, `
      + `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_fedcba9876543210.`,
    );
  });

  test('matches the name exactly: Dev is not DevOps, Dev_Ops or dev', async () => {
    // GIVEN: roles whose names start like Dev's, listed before it
    const dev = role('AWSReservedSSO_Dev_0123456789abcdef');
    iam.on(ListRolesCommand).resolves({
      Roles: [
        role('AWSReservedSSO_DevOps_aaaabbbbccccdddd'),
        role('AWSReservedSSO_Dev_Ops_1111222233334444'),
        role('AWSReservedSSO_dev_5555666677778888'),
        role('AWSReservedSSO_Developers_9999aaaabbbbcccc'),
        dev,
      ],
      IsTruncated: false,
    });

    // WHEN / THEN: one match, not five
    await expect(lookup.handler(event('Create', 'Dev'))).resolves.toMatchObject({ PhysicalResourceId: dev.Arn });
    await expect(lookup.handler(event('Create', 'Dev_Ops'))).resolves.toMatchObject({ Data: { RoleName: 'AWSReservedSSO_Dev_Ops_1111222233334444' } });
  });

  test('fails when the permission set has no role in the account, naming it, the account and the others', async () => {
    iam.on(ListRolesCommand).resolves({ Roles: [role('AWSReservedSSO_DevOps_aaaabbbbccccdddd'), role('AWSReservedSSO_Admin_1111222233334444')], IsTruncated: false });

    await expect(lookup.handler(event('Create', 'Dev'))).rejects.toThrow(
      `IAM Identity Center permission set "Dev" has no role in account ${ACCOUNT} (no role AWSReservedSSO_Dev_<suffix> under /aws-reserved/sso.amazonaws.com/): `
      + 'assign the permission set to a user or group in this account in IAM Identity Center (it makes the role then), or check the name. '
      + 'Permission sets with a role here: Admin, DevOps.',
    );
  });

  test('fails when no permission set at all is assigned in the account', async () => {
    iam.on(ListRolesCommand).resolves({ Roles: [], IsTruncated: false });

    await expect(lookup.handler(event('Create', 'Dev'))).rejects.toThrow(`"Dev" has no role in account ${ACCOUNT} `);
    await expect(lookup.handler(event('Create', 'Dev'))).rejects.toThrow('No permission set is assigned in this account.');
  });

  test('fails with a hint when only the case differs', async () => {
    iam.on(ListRolesCommand).resolves({ Roles: [role('AWSReservedSSO_dev_5555666677778888')], IsTruncated: false });

    await expect(lookup.handler(event('Create', 'Dev'))).rejects.toThrow('Did you mean "dev"? Names are case-sensitive.');
  });

  test.each([
    ['with a region segment (Identity Center outside us-east-1)', EU_PATH],
    ['without a region segment (Identity Center in us-east-1)', US_EAST_PATH],
  ])('finds the role %s', async (_, path) => {
    const dev = role('AWSReservedSSO_Dev_0123456789abcdef', path);
    iam.on(ListRolesCommand).resolves({ Roles: [dev], IsTruncated: false });

    await expect(lookup.handler(event('Create', 'Dev'))).resolves.toMatchObject({ Data: { Arn: dev.Arn, Path: path } });
  });

  test('ignores roles deeper under the prefix than Identity Center puts them', async () => {
    iam.on(ListRolesCommand).resolves({ Roles: [role('AWSReservedSSO_Dev_0123456789abcdef', '/aws-reserved/sso.amazonaws.com/eu-west-1/other/')], IsTruncated: false });

    await expect(lookup.handler(event('Create', 'Dev'))).rejects.toThrow('"Dev" has no role');
  });

  test('stops at a truncated page without a marker rather than looping', async () => {
    iam.on(ListRolesCommand).resolves({ Roles: [role('AWSReservedSSO_Dev_0123456789abcdef')], IsTruncated: true });

    await expect(lookup.handler(event('Create', 'Dev'))).resolves.toMatchObject({ Data: { RoleName: 'AWSReservedSSO_Dev_0123456789abcdef' } });
    expect(iam.commandCalls(ListRolesCommand)).toHaveLength(1);
  });

  test('does nothing on delete, and never calls IAM: the permission set may be gone', async () => {
    await expect(lookup.handler(event('Delete', 'Dev', 'arn:aws:iam::111122223333:role/x'))).resolves.toEqual({ PhysicalResourceId: 'arn:aws:iam::111122223333:role/x' });
    expect(iam.commandCalls(ListRolesCommand)).toHaveLength(0);
  });

  test('fails on a missing permission set name', async () => {
    await expect(lookup.handler(event('Create', undefined))).rejects.toThrow('PermissionSetName must be the name of an IAM Identity Center permission set, got undefined');
  });
});
