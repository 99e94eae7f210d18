/**
 * aws-sdk-client-mock replaces the client's `send`, and with it the SDK's retry
 * middleware; so the retries themselves are tested one level down, with the real client
 * of the reader's configuration and an HTTP handler that answers as EKS does (HTTP 429
 * with `x-amzn-errortype: ThrottlingException`, then the JSON of the API reference).
 */
import * as sdk from '@aws-sdk/client-eks';
import { EKSClient } from '@aws-sdk/client-eks';
import { eksClientConfig, MAX_ATTEMPTS } from '../../src/live/eks-sdk';
import { readClusterSnapshot } from '../../src/live/read-snapshot';

interface Answer { readonly status: number; readonly body: unknown; readonly errorType?: string }

/** An HTTP handler that answers each request path from `answer`, and records the requests. */
function handler(answer: (path: string, attempt: number) => Answer) {
  const seen = new Map<string, number>();
  const requests: string[] = [];
  return {
    requests,
    handle: async (request: { path: string; method: string }) => {
      const attempt = (seen.get(request.path) ?? 0) + 1;
      seen.set(request.path, attempt);
      requests.push(`${request.method} ${request.path}`);
      const a = answer(request.path, attempt);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (a.errorType) { headers['x-amzn-errortype'] = a.errorType; }
      return { response: { statusCode: a.status, reason: undefined, headers, body: Buffer.from(JSON.stringify(a.body)) } };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
}

const CLUSTER_BODY = {
  cluster: {
    name: 'prod',
    arn: 'arn:aws:eks:eu-west-1:111122223333:cluster/prod',
    createdAt: 1768032000,
    accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
  },
};

function eks(path: string): Answer {
  if (path === '/clusters/prod') { return { status: 200, body: CLUSTER_BODY }; }
  if (path === '/clusters/prod/access-entries') { return { status: 200, body: { accessEntries: ['arn:aws:iam::111122223333:role/ops'] } }; }
  if (path.endsWith('/access-policies')) {
    return { status: 200, body: { associatedAccessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', accessScope: { type: 'cluster', namespaces: [] }, associatedAt: 1772366401 }] } };
  }
  if (path.startsWith('/clusters/prod/access-entries/')) {
    return { status: 200, body: { accessEntry: { clusterName: 'prod', principalArn: 'arn:aws:iam::111122223333:role/ops', kubernetesGroups: [], type: 'STANDARD', tags: {}, createdAt: 1772366400 } } };
  }
  if (path === '/clusters/prod/node-groups') { return { status: 200, body: { nodegroups: [] } }; }
  if (path === '/clusters/prod/fargate-profiles') { return { status: 200, body: { fargateProfileNames: [] } }; }
  return { status: 404, errorType: 'ResourceNotFoundException', body: { message: `no route ${path}` } };
}

const THROTTLED: Answer = { status: 429, errorType: 'ThrottlingException', body: { message: 'Rate exceeded' } };
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

describe('the reader\'s client', () => {
  test('uses the SDK\'s adaptive retries with 10 attempts', async () => {
    expect(eksClientConfig({ region: 'eu-west-1', profile: 'ops' })).toEqual({ region: 'eu-west-1', profile: 'ops', retryMode: 'adaptive', maxAttempts: 10 });
    const client = new EKSClient({ ...eksClientConfig({ region: 'eu-west-1' }), credentials });
    expect(await client.config.maxAttempts()).toBe(MAX_ATTEMPTS);
    expect((await client.config.retryStrategy() as { mode?: string }).mode).toBe('adaptive');
  });

  test('creates the snapshot when EKS throttles a call twice, then answers', async () => {
    const http = handler((path, attempt) => path.startsWith('/clusters/prod/access-entries/') && !path.endsWith('/access-policies') && attempt <= 2 ? THROTTLED : eks(path));
    const client = new EKSClient({ ...eksClientConfig({ region: 'eu-west-1' }), credentials, requestHandler: http });
    const snapshot = await readClusterSnapshot(sdk, client, { clusterName: 'prod' });
    expect(snapshot.accessEntries.map((e) => [e.principalArn, e.createdAt])).toEqual([['arn:aws:iam::111122223333:role/ops', '2026-03-01T12:00:00.000Z']]);
    expect(http.requests.filter((r) => r === 'GET /clusters/prod/access-entries/arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fops')).toHaveLength(3);
  }, 30_000);

  test('fails naming the call when every attempt is throttled', async () => {
    const http = handler((path) => path === '/clusters/prod' ? THROTTLED : eks(path));
    // Two attempts keep the test short; the reader's client makes MAX_ATTEMPTS.
    const client = new EKSClient({ ...eksClientConfig({ region: 'eu-west-1' }), maxAttempts: 2, credentials, requestHandler: http });
    await expect(readClusterSnapshot(sdk, client, { clusterName: 'prod' })).rejects.toThrow(
      'DescribeCluster on cluster prod (eu-west-1): EKS kept throttling the requests (ThrottlingException after 2 attempts); nothing was written');
    expect(http.requests).toEqual(['GET /clusters/prod', 'GET /clusters/prod']);
  }, 30_000);
});
