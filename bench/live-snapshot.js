// The snapshot benchmark (not a test): a snapshot of a cluster of 3,000 access entries,
// the EKS quota, through an EKS client mocked with aws-sdk-client-mock whose every call
// answers after 50 ms. It prints the wall time, the calls made and the most calls in
// flight at once. The target: under a minute, with at most a few dozen calls in flight.
//
// Usage (after `npx projen compile`, which writes lib/):
//   node bench/live-snapshot.js [--entries 3000] [--latency 50] [--concurrency 24]
const sdk = require('@aws-sdk/client-eks');
const { mockClient } = require('aws-sdk-client-mock');
const { DEFAULT_CONCURRENCY, readClusterSnapshot } = require('../lib/live/read-snapshot');

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const entries = Number(args.entries ?? 3000);
const latency = Number(args.latency ?? 50);
const concurrency = args.concurrency === undefined ? undefined : Number(args.concurrency);

const principals = Array.from({ length: entries }, (_, i) => `arn:aws:iam::111122223333:role/team-${String(i).padStart(4, '0')}`);
let inFlight = 0;
let most = 0;
let calls = 0;
/** Answers after `latency` ms, counting what is in flight. */
const slowly = (answer) => async (input) => {
  calls++;
  inFlight++;
  most = Math.max(most, inFlight);
  await new Promise((resolve) => setTimeout(resolve, latency));
  inFlight--;
  return answer(input);
};

const eks = mockClient(sdk.EKSClient);
eks.on(sdk.DescribeClusterCommand).callsFake(slowly(() => ({
  cluster: { name: 'prod', arn: 'arn:aws:eks:eu-west-1:111122223333:cluster/prod', createdAt: new Date('2026-01-10T08:00:00Z'), accessConfig: { authenticationMode: 'API' } },
})));
eks.on(sdk.ListAccessEntriesCommand).callsFake(slowly((input) => {
  const start = input.nextToken === undefined ? 0 : Number(input.nextToken);
  const end = start + (input.maxResults ?? 100);
  return { accessEntries: principals.slice(start, end), nextToken: end < principals.length ? String(end) : undefined };
}));
eks.on(sdk.ListNodegroupsCommand).callsFake(slowly(() => ({ nodegroups: [] })));
eks.on(sdk.ListFargateProfilesCommand).callsFake(slowly(() => ({ fargateProfileNames: [] })));
eks.on(sdk.DescribeAccessEntryCommand).callsFake(slowly((input) => ({
  accessEntry: { clusterName: 'prod', principalArn: input.principalArn, type: 'STANDARD', kubernetesGroups: [], tags: {}, createdAt: new Date('2026-03-01T12:00:00Z') },
})));
eks.on(sdk.ListAssociatedAccessPoliciesCommand).callsFake(slowly((input) => ({
  clusterName: 'prod',
  principalArn: input.principalArn,
  associatedAccessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', accessScope: { type: 'cluster', namespaces: [] } }],
})));

async function main() {
  const client = new sdk.EKSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
  const started = process.hrtime.bigint();
  const snapshot = await readClusterSnapshot(sdk, client, { clusterName: 'prod', concurrency, log: () => undefined });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (snapshot.accessEntries.length !== entries) { throw new Error(`read ${snapshot.accessEntries.length} entries, expected ${entries}`); }
  // The reader must keep to the concurrency it was given, not just to the most a caller may ask for.
  const limit = concurrency ?? DEFAULT_CONCURRENCY;
  const met = seconds < 60 && most <= limit;
  console.log(`${entries} entries, ${latency} ms per call: ${seconds.toFixed(1)} s, ${calls} calls, at most ${most} in flight`
    + ` (target: under 60 s, at most ${limit} in flight): ${met ? 'met' : 'MISSED'}`);
  process.exitCode = met ? 0 : 1;
}

main().catch((e) => {
  console.error(e.message);
  process.exitCode = 2;
});
