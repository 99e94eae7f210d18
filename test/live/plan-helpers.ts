import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { ClusterSnapshot, LiveAccessEntry } from '../../src/live/snapshot';

export const ACCOUNT = '111122223333';
export const ENV = { account: ACCOUNT, region: 'eu-west-1' };
export const ROLE = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const POLICY = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`;

/** Synthesizes an app into a fresh cdk.out and returns its directory. */
export function synth(build: (app: App) => void): string {
  const outdir = mkdtempSync(join(tmpdir(), 'eam-plan-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

/** A stack of the cluster's account and region. */
export function stackIn(app: App, id: string): Stack {
  return new Stack(app, id, { env: ENV });
}

/** The logical id of the access entry of `principalArn` in a template of `outdir`. */
export function logicalIdOf(outdir: string, templateFile: string, principalArn: string): string {
  const resources = JSON.parse(readFileSync(join(outdir, templateFile), 'utf8')).Resources as Record<string, { Type: string; Properties: { PrincipalArn: unknown } }>;
  const found = Object.entries(resources).find(([, r]) => r.Type === 'AWS::EKS::AccessEntry' && JSON.stringify(r.Properties.PrincipalArn) === JSON.stringify(principalArn));
  if (!found) { throw new Error(`no entry for ${principalArn} in ${templateFile}`); }
  return found[0];
}

/** A live STANDARD entry with the default username, the given cluster-scope policies, and tags. */
type Policies = Array<{ name: string; namespaces?: string[] }>;

export function liveEntry(
  principalArn: string, policies: Policies, tags: Record<string, string> = {}, extra: Partial<LiveAccessEntry> = {},
): LiveAccessEntry {
  return {
    principalArn,
    type: 'STANDARD',
    username: `arn:aws:sts::${ACCOUNT}:assumed-role/${principalArn.replace(/^.*\//, '')}/{{SessionName}}`,
    kubernetesGroups: [],
    tags,
    associatedAccessPolicies: policies.map((p) => ({
      policyArn: POLICY(p.name),
      accessScope: p.namespaces ? { type: 'namespace', namespaces: p.namespaces } : { type: 'cluster', namespaces: [] },
    })),
    createdAt: '2026-03-01T12:00:00.000Z',
    ...extra,
  };
}

/** CloudFormation's tags on an entry it created. */
export function cfnTags(stackName: string, logicalId: string): Record<string, string> {
  return {
    'aws:cloudformation:stack-name': stackName,
    'aws:cloudformation:logical-id': logicalId,
    'aws:cloudformation:stack-id': `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/${stackName}/0f1e2d3c-0000-1111-2222-333344445555`,
  };
}

export function snapshotOf(accessEntries: LiveAccessEntry[], extra: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return {
    clusterName: 'prod',
    clusterArn: `arn:aws:eks:eu-west-1:${ACCOUNT}:cluster/prod`,
    region: 'eu-west-1',
    authenticationMode: 'API_AND_CONFIG_MAP',
    bootstrapClusterCreatorAdminPermissions: true,
    createdAt: '2026-01-10T08:00:00.000Z',
    takenAt: '2099-01-01T00:00:00.000Z',
    accessEntries,
    nodegroups: [],
    fargateProfiles: [],
    ...extra,
  };
}
