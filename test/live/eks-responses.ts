/**
 * Responses of the EKS API as the SDK hands them over, in the shapes of the EKS API
 * reference (DescribeCluster, ListAccessEntries, DescribeAccessEntry,
 * ListAssociatedAccessPolicies, ListNodegroups, DescribeNodegroup, ListFargateProfiles,
 * DescribeFargateProfile): timestamps are `Date`s, absent members are absent.
 */
import type {
  DescribeAccessEntryResponse, DescribeClusterResponse, DescribeNodegroupResponse, ListAccessEntriesResponse,
  ListAssociatedAccessPoliciesResponse,
} from '@aws-sdk/client-eks';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
export const CLUSTER = 'prod';
export const CLUSTER_ARN = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`;
export const CREATED = new Date('2026-01-10T08:00:00Z');
export const POLICY = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`;
export const ROLE = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

export function describeCluster(overrides: Partial<NonNullable<DescribeClusterResponse['cluster']>> = {}): DescribeClusterResponse {
  return {
    cluster: {
      name: CLUSTER,
      arn: CLUSTER_ARN,
      createdAt: CREATED,
      version: '1.34',
      roleArn: ROLE('eks-cluster'),
      status: 'ACTIVE',
      accessConfig: { bootstrapClusterCreatorAdminPermissions: true, authenticationMode: 'API_AND_CONFIG_MAP' },
      ...overrides,
    },
  };
}

export function listAccessEntries(principals: string[], nextToken?: string): ListAccessEntriesResponse {
  return nextToken === undefined ? { accessEntries: principals } : { accessEntries: principals, nextToken };
}

export function describeAccessEntry(principalArn: string, overrides: Partial<NonNullable<DescribeAccessEntryResponse['accessEntry']>> = {}): DescribeAccessEntryResponse {
  const name = principalArn.replace(/^.*\//, '');
  return {
    accessEntry: {
      clusterName: CLUSTER,
      principalArn,
      kubernetesGroups: [],
      accessEntryArn: `arn:aws:eks:${REGION}:${ACCOUNT}:access-entry/${CLUSTER}/role/${ACCOUNT}/${name}/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`,
      createdAt: new Date('2026-03-01T12:00:00Z'),
      modifiedAt: new Date('2026-03-01T12:00:00Z'),
      tags: {},
      username: `arn:aws:sts::${ACCOUNT}:assumed-role/${name}/{{SessionName}}`,
      type: 'STANDARD',
      ...overrides,
    },
  };
}

type Policies = Array<{ name: string; namespaces?: string[] }>;

export function listAssociatedAccessPolicies(principalArn: string, policies: Policies, nextToken?: string): ListAssociatedAccessPoliciesResponse {
  return {
    clusterName: CLUSTER,
    principalArn,
    associatedAccessPolicies: policies.map((p) => ({
      policyArn: POLICY(p.name),
      accessScope: p.namespaces ? { type: 'namespace', namespaces: p.namespaces } : { type: 'cluster', namespaces: [] },
      associatedAt: new Date('2026-03-01T12:00:01Z'),
      modifiedAt: new Date('2026-03-01T12:00:01Z'),
    })),
    ...(nextToken === undefined ? {} : { nextToken }),
  };
}

export function describeNodegroup(nodegroupName: string, nodeRole: string): DescribeNodegroupResponse {
  return { nodegroup: { nodegroupName, clusterName: CLUSTER, nodeRole, status: 'ACTIVE' } };
}

/** An error as the SDK throws it: a named exception with the response's metadata. */
export function sdkError(name: string, message: string, httpStatusCode: number, attempts = 1): Error {
  return Object.assign(new Error(message), { name, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: { httpStatusCode, attempts } });
}
