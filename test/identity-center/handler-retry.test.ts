import { join } from 'path';
import { IAMClient, IAMClientConfig, ListRolesCommand } from '@aws-sdk/client-iam';

/**
 * The handler's client against a fake IAM endpoint: aws-sdk-client-mock replaces `send`,
 * and with it the SDK's retries, so these tests give the real client a request handler.
 */
interface LookupClient {
  readonly SSO_PATH_PREFIX: string;
  newClient(config?: IAMClientConfig): IAMClient;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lookup = require(join(__dirname, '..', '..', 'handlers', 'permission-set-role')) as LookupClient;

describe('the handler\'s IAM client', () => {
  const OK = '<ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListRolesResult><IsTruncated>false</IsTruncated><Roles><member>'
    + '<Path>/aws-reserved/sso.amazonaws.com/</Path><RoleName>AWSReservedSSO_Dev_0123456789abcdef</RoleName><RoleId>AROAEXAMPLE</RoleId>'
    + '<Arn>arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_0123456789abcdef</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate>'
    + '</member></Roles></ListRolesResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></ListRolesResponse>';
  const THROTTLED = '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>Throttling</Code>'
    + '<Message>Rate exceeded</Message></Error><RequestId>2</RequestId></ErrorResponse>';

  test('retries a throttled ListRoles past the SDK\'s default of 3 attempts, and succeeds (the SDK\'s retry, not a mock)', async () => {
    // GIVEN: IAM answers Throttling three times, then the page: a fourth attempt is more
    // than the SDK's default allows, so this passes only with the handler's maxAttempts
    const responses = [...Array(3).fill({ status: 400, body: THROTTLED }), { status: 200, body: OK }];
    const requests: string[] = [];
    const client = lookup.newClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      requestHandler: {
        handle: async (request: { body?: string }) => {
          requests.push(String(request.body));
          const next = responses.shift()!;
          return { response: { statusCode: next.status, headers: { 'content-type': 'text/xml' }, body: Buffer.from(next.body) } };
        },
      },
    });

    // WHEN
    const page = await client.send(new ListRolesCommand({ PathPrefix: lookup.SSO_PATH_PREFIX }));

    // THEN
    expect(page.Roles?.map((r) => r.RoleName)).toEqual(['AWSReservedSSO_Dev_0123456789abcdef']);
    expect(page.$metadata.attempts).toBe(4);
    expect(requests).toHaveLength(4);
    expect(requests[3]).toContain('Action=ListRoles');
    // The SDK's throttling backoff, with jitter, waits up to 0.5 + 1 + 2 seconds.
  }, 15_000);

  test('allows more attempts than the SDK\'s default of 3', async () => {
    const client = lookup.newClient({ region: 'us-east-1' });
    await expect(client.config.maxAttempts()).resolves.toBe(10);
  });
});
