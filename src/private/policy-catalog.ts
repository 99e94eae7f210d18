/**
 * The EKS cluster access policies known to this version of the library.
 *
 * Source: the EKS user guide, access-policy-reference (awsdocs/amazon-eks-user-guide,
 * commit 145543a). AWS adds policies often, so a well-formed name missing here is only a
 * warning.
 */

/** Who a policy is meant for. */
export enum PolicyAudience {
  /** Customer IAM principals: people and workloads. */
  CUSTOMER = 'customer',
  /** The node role of EKS Auto Mode (entry type `EC2`). */
  AUTO_MODE_NODE = 'auto-mode-node',
  /** AWS service roles only; EKS associates these itself. */
  AWS_SERVICE = 'aws-service',
  /** Listed by AWS without saying who it is for. */
  UNSPECIFIED = 'unspecified',
}

export interface CatalogPolicy {
  readonly name: string;
  readonly audience: PolicyAudience;
  /** The closest Kubernetes user-facing ClusterRole, for people reading a report. */
  readonly rbacEquivalent?: string;
}

const CUSTOMER = PolicyAudience.CUSTOMER;
const SERVICE = PolicyAudience.AWS_SERVICE;

export const POLICY_CATALOG: readonly CatalogPolicy[] = [
  { name: 'AmazonEKSClusterAdminPolicy', audience: CUSTOMER, rbacEquivalent: 'cluster-admin' },
  { name: 'AmazonEKSAdminPolicy', audience: CUSTOMER, rbacEquivalent: 'admin' },
  { name: 'AmazonEKSEditPolicy', audience: CUSTOMER, rbacEquivalent: 'edit' },
  { name: 'AmazonEKSViewPolicy', audience: CUSTOMER, rbacEquivalent: 'view' },
  { name: 'AmazonEKSAdminViewPolicy', audience: CUSTOMER, rbacEquivalent: 'view, secrets included' },
  { name: 'AmazonEKSSecretReaderPolicy', audience: CUSTOMER, rbacEquivalent: 'read secrets' },
  { name: 'AmazonEKSAutoNodePolicy', audience: PolicyAudience.AUTO_MODE_NODE },
  { name: 'AmazonEKSBlockStoragePolicy', audience: SERVICE },
  { name: 'AmazonEKSBlockStorageClusterPolicy', audience: SERVICE },
  { name: 'AmazonEKSComputePolicy', audience: SERVICE },
  { name: 'AmazonEKSComputeClusterPolicy', audience: SERVICE },
  { name: 'AmazonEKSLoadBalancingPolicy', audience: SERVICE },
  { name: 'AmazonEKSLoadBalancingClusterPolicy', audience: SERVICE },
  { name: 'AmazonEKSNetworkingPolicy', audience: SERVICE },
  { name: 'AmazonEKSNetworkingClusterPolicy', audience: SERVICE },
  { name: 'AmazonEKSHybridPolicy', audience: SERVICE },
  { name: 'AmazonEKSClusterInsightsPolicy', audience: SERVICE },
  { name: 'AmazonAIOpsAssistantPolicy', audience: PolicyAudience.UNSPECIFIED },
  { name: 'AmazonARCRegionSwitchScalingPolicy', audience: PolicyAudience.UNSPECIFIED },
];

const BY_NAME = new Map(POLICY_CATALOG.map((p) => [p.name, p]));

/** The catalog entry of a policy name, if this library knows it. */
export function catalogPolicy(name: string): CatalogPolicy | undefined {
  return BY_NAME.get(name);
}
