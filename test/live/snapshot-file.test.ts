import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LiveError } from '../../src/live/live-error';
import { ClusterSnapshot } from '../../src/live/snapshot';
import { checkSnapshotAge, isSnapshotOf, synthTimeOf } from '../../src/live/snapshot-checks';
import { parseSnapshot, writeSnapshotFile } from '../../src/live/snapshot-file';

const SNAPSHOT: ClusterSnapshot = {
  clusterName: 'prod',
  clusterArn: 'arn:aws:eks:eu-west-1:111122223333:cluster/prod',
  region: 'eu-west-1',
  authenticationMode: 'API_AND_CONFIG_MAP',
  takenAt: '2026-12-01T10:00:00.000Z',
  accessEntries: [{
    principalArn: 'arn:aws:iam::111122223333:role/ops',
    type: 'STANDARD',
    username: 'ops',
    kubernetesGroups: ['ops'],
    tags: { team: 'ops' },
    associatedAccessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', accessScope: { type: 'namespace', namespaces: ['dev'] } }],
  }],
};

function problemsOf(text: string): string {
  try {
    parseSnapshot(text, 'live.json');
  } catch (e) {
    expect(e).toBeInstanceOf(LiveError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('snapshot files', () => {
  test('creates a file that reads back as the same snapshot, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eam-live-'));
    writeSnapshotFile(join(dir, 'live.json'), SNAPSHOT);
    expect(readdirSync(dir)).toEqual(['live.json']);
    expect(parseSnapshot(readFileSync(join(dir, 'live.json'), 'utf8'), 'live.json')).toEqual(SNAPSHOT);
  });

  test('accepts a snapshot whose entries leave out empty lists and tags', () => {
    const minimal = { clusterName: 'prod', region: 'eu-west-1', authenticationMode: 'API', takenAt: '2026-12-01T10:00:00Z', accessEntries: [{ principalArn: 'arn:aws:iam::111122223333:role/a', type: 'STANDARD' }] };
    expect(parseSnapshot(JSON.stringify(minimal), 'live.json').accessEntries[0]).toEqual({
      principalArn: 'arn:aws:iam::111122223333:role/a', type: 'STANDARD', kubernetesGroups: [], tags: {}, associatedAccessPolicies: [],
    });
  });

  test('fails on a file that is not JSON, naming the file', () => {
    expect(problemsOf('{"clusterName": ')).toMatch(/^live\.json is not a snapshot: not JSON \(.*\)\. Fix: take it with eks-access-manager snapshot --cluster NAME --out live\.json$/);
  });

  test('fails listing every wrong field: a missing field, a wrong type, a wrong enum, an unknown field', () => {
    const bad = {
      ...SNAPSHOT,
      takenAt: undefined,
      authenticationMode: 'CONFIGMAP',
      accessEntries: [{ ...SNAPSHOT.accessEntries[0], kubernetesGroups: 'ops', accessPolicies: [] }],
    };
    expect(problemsOf(JSON.stringify(bad))).toBe('live.json is not a valid snapshot (4 problems):'
      + '\n  live.json: takenAt: expected a string, got nothing (the field is missing)'
      + '\n  live.json: authenticationMode: "CONFIGMAP" is not one of CONFIG_MAP, API_AND_CONFIG_MAP, API'
      + '\n  live.json: accessEntries[0].accessPolicies: not a field of a snapshot'
      + '\n  live.json: accessEntries[0].kubernetesGroups: expected a list, got string "ops"');
  });

  test('fails on an unknown field with the field it likely means', () => {
    expect(problemsOf(JSON.stringify({ ...SNAPSHOT, accesEntries: [] }))).toContain('live.json: accesEntries: not a field of a snapshot; did you mean "accessEntries"?');
  });

  test('fails on a scope type that is neither cluster nor namespace, and a date that is not one', () => {
    const entry = { ...SNAPSHOT.accessEntries[0], createdAt: 'yesterday', associatedAccessPolicies: [{ policyArn: 'x', accessScope: { type: 'Cluster' } }] };
    const message = problemsOf(JSON.stringify({ ...SNAPSHOT, accessEntries: [entry] }));
    expect(message).toContain('accessEntries[0].createdAt: "yesterday" is not a date');
    expect(message).toContain('accessEntries[0].associatedAccessPolicies[0].accessScope.type: "Cluster" is not cluster or namespace');
  });
});

describe('snapshot checks', () => {
  test('creates a match for the same name where account and region agree or are unknown', () => {
    expect(isSnapshotOf(SNAPSHOT, { name: 'prod', env: { account: '111122223333', region: 'eu-west-1' } })).toBe(true);
    expect(isSnapshotOf(SNAPSHOT, { name: 'prod', env: {} })).toBe(true);
  });

  test.each([
    ['another name', { name: 'dev', env: {} }],
    ['another account', { name: 'prod', env: { account: '444455556666' } }],
    ['another region', { name: 'prod', env: { region: 'us-east-1' } }],
  ])('fails to match a cluster of %s', (_, cluster) => {
    expect(isSnapshotOf(SNAPSHOT, cluster)).toBe(false);
  });

  test('fails on a snapshot older than the synth (the time of manifest.json), unless stale ones are allowed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eam-live-'));
    writeFileSync(join(dir, 'manifest.json'), '{}');
    const synth = new Date('2026-12-01T11:00:00.000Z');
    utimesSync(join(dir, 'manifest.json'), synth, synth);
    expect(synthTimeOf(dir)).toEqual(synth);
    expect(() => checkSnapshotAge(SNAPSHOT, 'live.json', synthTimeOf(dir), false)).toThrow(
      'live.json was taken at 2026-12-01T10:00:00.000Z, before the synth (2026-12-01T11:00:00.000Z, the time of cdk.out/manifest.json)');
    expect(() => checkSnapshotAge(SNAPSHOT, 'live.json', synthTimeOf(dir), true)).not.toThrow();
    expect(() => checkSnapshotAge({ ...SNAPSHOT, takenAt: '2026-12-01T11:00:01.000Z' }, 'live.json', synthTimeOf(dir), false)).not.toThrow();
    expect(synthTimeOf(join(dir, 'nothing'))).toBeUndefined();
  });
});
