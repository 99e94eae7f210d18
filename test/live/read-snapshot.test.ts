import * as sdk from '@aws-sdk/client-eks';
import {
  DescribeAccessEntryCommand, DescribeClusterCommand, DescribeFargateProfileCommand, DescribeNodegroupCommand, EKSClient,
  ListAccessEntriesCommand, ListAssociatedAccessPoliciesCommand, ListFargateProfilesCommand, ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CLUSTER, CLUSTER_ARN, describeAccessEntry, describeCluster, describeNodegroup, listAccessEntries, listAssociatedAccessPolicies,
  REGION, ROLE, sdkError,
} from './eks-responses';
import { LiveError } from '../../src/live/live-error';
import { readClusterSnapshot } from '../../src/live/read-snapshot';

const eks = mockClient(EKSClient);
const client = () => new EKSClient({ region: REGION, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
const NOW = () => new Date('2026-12-01T10:00:00.000Z');

/** A cluster without node groups or Fargate profiles, whose listed entries each have one view policy. */
function emptyLists() {
  eks.on(DescribeClusterCommand).resolves(describeCluster());
  eks.on(ListNodegroupsCommand).resolves({ nodegroups: [] });
  eks.on(ListFargateProfilesCommand).resolves({ fargateProfileNames: [] });
}

function entries(principals: string[]) {
  eks.on(ListAccessEntriesCommand).resolves(listAccessEntries(principals));
  const listed = new Set(principals);
  const known = (input: { clusterName?: string; principalArn?: string }) => {
    if (input.clusterName !== CLUSTER || !listed.has(input.principalArn!)) { throw new Error(`unexpected request ${JSON.stringify(input)}`); }
    return input.principalArn!;
  };
  eks.on(DescribeAccessEntryCommand).callsFake((input) => describeAccessEntry(known(input)));
  eks.on(ListAssociatedAccessPoliciesCommand).callsFake((input) => listAssociatedAccessPolicies(known(input), [{ name: 'AmazonEKSViewPolicy' }]));
}

async function failure(promise: Promise<unknown>): Promise<LiveError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(LiveError);
    return e as LiveError;
  }
  throw new Error('expected the read to fail');
}

beforeEach(() => eks.reset());

describe('readClusterSnapshot', () => {
  test('creates a snapshot with the fields of the EKS API, entries sorted, timestamps in ISO 8601', async () => {
    emptyLists();
    entries([ROLE('ops'), ROLE('admin')]);
    const snapshot = await readClusterSnapshot(sdk, client(), { clusterName: CLUSTER, now: NOW });
    expect(snapshot).toMatchObject({
      clusterName: CLUSTER,
      clusterArn: CLUSTER_ARN,
      region: REGION,
      authenticationMode: 'API_AND_CONFIG_MAP',
      bootstrapClusterCreatorAdminPermissions: true,
      createdAt: '2026-01-10T08:00:00.000Z',
      takenAt: '2026-12-01T10:00:00.000Z',
      nodegroups: [],
      fargateProfiles: [],
    });
    expect(snapshot.accessEntries.map((e) => e.principalArn)).toEqual([ROLE('admin'), ROLE('ops')]);
    expect(snapshot.accessEntries[0]).toEqual({
      principalArn: ROLE('admin'),
      type: 'STANDARD',
      username: 'arn:aws:sts::111122223333:assumed-role/admin/{{SessionName}}',
      kubernetesGroups: [],
      tags: {},
      accessEntryArn: expect.stringContaining(':access-entry/prod/role/111122223333/admin/'),
      createdAt: '2026-03-01T12:00:00.000Z',
      modifiedAt: '2026-03-01T12:00:00.000Z',
      associatedAccessPolicies: [{
        policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
        accessScope: { type: 'cluster', namespaces: [] },
        associatedAt: '2026-03-01T12:00:01.000Z',
        modifiedAt: '2026-03-01T12:00:01.000Z',
      }],
    });
  });

  test('follows nextToken across pages of ListAccessEntries and of ListAssociatedAccessPolicies', async () => {
    emptyLists();
    const first = Array.from({ length: 100 }, (_, i) => ROLE(`page1-${i}`));
    eks.on(ListAccessEntriesCommand, { clusterName: CLUSTER, nextToken: undefined }).resolves(listAccessEntries(first, 'token-2'));
    eks.on(ListAccessEntriesCommand, { clusterName: CLUSTER, nextToken: 'token-2' }).resolves(listAccessEntries([ROLE('page2')]));
    eks.on(DescribeAccessEntryCommand).callsFake((input) => describeAccessEntry(input.principalArn));
    eks.on(ListAssociatedAccessPoliciesCommand).resolves(listAssociatedAccessPolicies('', []));
    eks.on(ListAssociatedAccessPoliciesCommand, { principalArn: ROLE('page2'), nextToken: undefined })
      .resolves(listAssociatedAccessPolicies(ROLE('page2'), [{ name: 'AmazonEKSViewPolicy' }], 'p2'));
    eks.on(ListAssociatedAccessPoliciesCommand, { principalArn: ROLE('page2'), nextToken: 'p2' })
      .resolves(listAssociatedAccessPolicies(ROLE('page2'), [{ name: 'AmazonEKSEditPolicy', namespaces: ['dev'] }]));
    const snapshot = await readClusterSnapshot(sdk, client(), { clusterName: CLUSTER });
    expect(snapshot.accessEntries).toHaveLength(101);
    expect(eks.commandCalls(ListAccessEntriesCommand).map((c) => c.args[0].input)).toEqual([
      { clusterName: CLUSTER, maxResults: 100, nextToken: undefined },
      { clusterName: CLUSTER, maxResults: 100, nextToken: 'token-2' },
    ]);
    const page2 = snapshot.accessEntries.find((e) => e.principalArn === ROLE('page2'))!;
    expect(page2.associatedAccessPolicies.map((p) => [p.policyArn.replace(/.*\//, ''), p.accessScope])).toEqual([
      ['AmazonEKSEditPolicy', { type: 'namespace', namespaces: ['dev'] }],
      ['AmazonEKSViewPolicy', { type: 'cluster', namespaces: [] }],
    ]);
  });

  test('creates the node groups and Fargate profiles whose roles EKS gives entries', async () => {
    eks.on(DescribeClusterCommand).resolves(describeCluster());
    entries([]);
    eks.on(ListNodegroupsCommand).resolves({ nodegroups: ['ng-1'] });
    eks.on(DescribeNodegroupCommand, { nodegroupName: 'ng-1' }).resolves(describeNodegroup('ng-1', ROLE('nodes')));
    eks.on(ListFargateProfilesCommand).resolves({ fargateProfileNames: ['default'] });
    eks.on(DescribeFargateProfileCommand).resolves({ fargateProfile: { fargateProfileName: 'default', podExecutionRoleArn: ROLE('pods') } });
    const snapshot = await readClusterSnapshot(sdk, client(), { clusterName: CLUSTER });
    expect(snapshot.nodegroups).toEqual([{ nodegroupName: 'ng-1', nodeRole: ROLE('nodes') }]);
    expect(snapshot.fargateProfiles).toEqual([{ fargateProfileName: 'default', podExecutionRoleArn: ROLE('pods') }]);
  });

  test('fails naming DescribeCluster, the cluster and the region when the cluster does not exist', async () => {
    eks.on(DescribeClusterCommand).rejects(new sdk.ResourceNotFoundException({ message: 'No cluster found for name: prod.', $metadata: { httpStatusCode: 404 } }));
    const error = await failure(readClusterSnapshot(sdk, client(), { clusterName: CLUSTER }));
    expect(error.message).toBe('DescribeCluster on cluster prod (eu-west-1): no cluster prod in eu-west-1 (ResourceNotFoundException). Fix: check --cluster and --region (aws eks list-clusters --region eu-west-1)');
  });

  test('fails naming the call, the cluster and the principal when one call is denied, and returns no snapshot', async () => {
    emptyLists();
    entries([ROLE('a'), ROLE('b'), ROLE('c')]);
    eks.on(ListAssociatedAccessPoliciesCommand, { principalArn: ROLE('b') }).rejects(new sdk.AccessDeniedException({
      message: 'User: arn:aws:sts::111122223333:assumed-role/ci/x is not authorized to perform: eks:ListAssociatedAccessPolicies', $metadata: { httpStatusCode: 403 },
    }));
    const error = await failure(readClusterSnapshot(sdk, client(), { clusterName: CLUSTER }));
    expect(error.message).toContain('ListAssociatedAccessPolicies on cluster prod (eu-west-1) for arn:aws:iam::111122223333:role/b: access denied (AccessDeniedException: User:');
    expect(error.message).toContain('Fix: allow eks:ListAssociatedAccessPolicies on the cluster');
  });

  test('fails naming the call when EKS keeps throttling after the SDK\'s retries (a throttling storm)', async () => {
    emptyLists();
    entries([ROLE('a')]);
    eks.on(DescribeAccessEntryCommand).rejects(sdkError('ThrottlingException', 'Rate exceeded', 429, 10));
    const error = await failure(readClusterSnapshot(sdk, client(), { clusterName: CLUSTER }));
    expect(error.message).toBe('DescribeAccessEntry on cluster prod (eu-west-1) for arn:aws:iam::111122223333:role/a: EKS kept throttling the requests '
      + '(ThrottlingException after 10 attempts); nothing was written. Fix: try again later, or with a lower --concurrency');
  });

  test('fails with the fix when there are no credentials', async () => {
    eks.on(DescribeClusterCommand).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    const error = await failure(readClusterSnapshot(sdk, client(), { clusterName: CLUSTER }));
    expect(error.message).toMatch(/^DescribeCluster on cluster prod \(eu-west-1\): no usable AWS credentials \(Could not load credentials from any providers\)\. Fix: configure credentials/);
  });

  test('leaves out, and names, an entry deleted between ListAccessEntries and DescribeAccessEntry', async () => {
    emptyLists();
    entries([ROLE('kept'), ROLE('gone')]);
    eks.on(DescribeAccessEntryCommand, { principalArn: ROLE('gone') }).rejects(new sdk.ResourceNotFoundException({ message: 'not found', $metadata: { httpStatusCode: 404 } }));
    const log: string[] = [];
    const snapshot = await readClusterSnapshot(sdk, client(), { clusterName: CLUSTER, log: (l) => log.push(l) });
    expect(snapshot.accessEntries.map((e) => e.principalArn)).toEqual([ROLE('kept')]);
    expect(log).toEqual(['arn:aws:iam::111122223333:role/gone: deleted while the snapshot was taken; left out']);
  });

  test('prints progress past 100 entries, at each tenth, and none for 100', async () => {
    emptyLists();
    entries(Array.from({ length: 101 }, (_, i) => ROLE(`r${i}`)));
    const log: string[] = [];
    await readClusterSnapshot(sdk, client(), { clusterName: CLUSTER, log: (l) => log.push(l) });
    expect(log[0]).toBe('cluster prod: reading 101 access entries');
    expect(log.slice(1)).toHaveLength(10);
    expect(log[log.length - 1]).toBe('cluster prod: 101/101 access entries read');

    eks.reset();
    emptyLists();
    entries(Array.from({ length: 100 }, (_, i) => ROLE(`r${i}`)));
    const quiet: string[] = [];
    await readClusterSnapshot(sdk, client(), { clusterName: CLUSTER, log: (l) => quiet.push(l) });
    expect(quiet).toEqual([]);
  });

  test('keeps at most `concurrency` calls in flight', async () => {
    emptyLists();
    const principals = Array.from({ length: 60 }, (_, i) => ROLE(`r${i}`));
    eks.on(ListAccessEntriesCommand).resolves(listAccessEntries(principals));
    let inFlight = 0;
    let most = 0;
    const slow = <T>(value: T) => async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      return value;
    };
    eks.on(DescribeAccessEntryCommand).callsFake(async (input) => slow(describeAccessEntry(input.principalArn))());
    eks.on(ListAssociatedAccessPoliciesCommand).callsFake(async (input) => slow(listAssociatedAccessPolicies(input.principalArn, []))());
    await readClusterSnapshot(sdk, client(), { clusterName: CLUSTER, concurrency: 7 });
    expect(most).toBe(7);
  });

  test.each([0, 65, 2.5])('fails when the concurrency is %p', async (concurrency) => {
    const error = await failure(readClusterSnapshot(sdk, client(), { clusterName: CLUSTER, concurrency }));
    expect(error.message).toBe(`the concurrency is a whole number from 1 to 64, got ${concurrency}`);
  });
});
