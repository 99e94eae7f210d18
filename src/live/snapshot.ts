/**
 * A cluster's access entries as EKS has them, read once and kept as a file. Every field
 * is the EKS API's own, with its name (`DescribeCluster`, `DescribeAccessEntry`,
 * `ListAssociatedAccessPolicies`, `DescribeNodegroup`, `DescribeFargateProfile`), so a
 * reader who knows the API knows the file; `takenAt` is the only field of this tool.
 * `plan` and `adopt` read the same document from a file or from the cluster, so a
 * pipeline without AWS credentials can run them on a snapshot taken elsewhere.
 */

/** An access scope, as `ListAssociatedAccessPolicies` returns it. */
export interface LiveAccessScope {
  /** `cluster` or `namespace`. */
  readonly type: string;
  readonly namespaces?: readonly string[];
}

/** An access policy associated with an entry. */
export interface LiveAccessPolicy {
  readonly policyArn: string;
  readonly accessScope: LiveAccessScope;
  /** ISO 8601. */
  readonly associatedAt?: string;
  /** ISO 8601. */
  readonly modifiedAt?: string;
}

/** An access entry, as `DescribeAccessEntry` returns it, with its policies. */
export interface LiveAccessEntry {
  readonly principalArn: string;
  readonly type: string;
  readonly username?: string;
  readonly kubernetesGroups: readonly string[];
  /** Every tag, CloudFormation's `aws:cloudformation:*` tags included. */
  readonly tags: Readonly<Record<string, string>>;
  readonly associatedAccessPolicies: readonly LiveAccessPolicy[];
  readonly accessEntryArn?: string;
  /** ISO 8601. */
  readonly createdAt?: string;
  /** ISO 8601. */
  readonly modifiedAt?: string;
}

/** A managed node group: EKS gives its node role an entry itself. */
export interface LiveNodegroup {
  readonly nodegroupName: string;
  readonly nodeRole: string;
}

/** A Fargate profile: EKS gives its pod execution role an entry itself. */
export interface LiveFargateProfile {
  readonly fargateProfileName: string;
  readonly podExecutionRoleArn: string;
}

/** What `DescribeCluster` says of Auto Mode. */
export interface LiveComputeConfig {
  readonly enabled?: boolean;
  /** The role of Auto Mode's nodes: EKS gives it an entry itself. */
  readonly nodeRoleArn?: string;
}

/** One cluster's access, as EKS had it at `takenAt`. */
export interface ClusterSnapshot {
  readonly clusterName: string;
  readonly clusterArn?: string;
  readonly region: string;
  /** `CONFIG_MAP`, `API_AND_CONFIG_MAP` or `API`. */
  readonly authenticationMode: string;
  /** Whether EKS gave the cluster's creator an admin entry when it made the cluster. */
  readonly bootstrapClusterCreatorAdminPermissions?: boolean;
  /** The cluster's IAM role (EKS gives it an entry itself in Auto Mode). */
  readonly roleArn?: string;
  readonly computeConfig?: LiveComputeConfig;
  /** When the cluster was created (ISO 8601): its creator's entry was made then. */
  readonly createdAt?: string;
  /** When the snapshot started (ISO 8601): nothing in it is older. */
  readonly takenAt: string;
  readonly accessEntries: readonly LiveAccessEntry[];
  readonly nodegroups?: readonly LiveNodegroup[];
  readonly fargateProfiles?: readonly LiveFargateProfile[];
}

/** The tags CloudFormation puts on the resources it creates (those whose type takes them). */
export const CFN_STACK_NAME_TAG = 'aws:cloudformation:stack-name';
export const CFN_LOGICAL_ID_TAG = 'aws:cloudformation:logical-id';

/**
 * True for a tag key of AWS's own (`aws:`, in any case: AWS reserves the prefix so, as rule
 * R20 reads it): CloudFormation's tags are on the live entry, never in the template.
 */
export function isAwsTag(key: string): boolean {
  return key.toLowerCase().startsWith('aws:');
}
