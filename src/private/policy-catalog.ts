/**
 * The EKS cluster access policies known to this version of the library, and who each one
 * is for (rule R19).
 *
 * The list itself is in `policy-catalog.data.ts`, which `scripts/update-policy-catalog.js`
 * rewrites from the output of `aws eks list-access-policies`. AWS adds policies often, so a
 * name missing here is only ever a warning (EAM201), never a refusal.
 */
import { closestMatch } from './closest';
import { POLICY_DATA } from './policy-catalog.data';

/**
 * Who a policy is meant for, as the EKS documentation says. Only `SERVICE_LINKED_ONLY` is a
 * certain refusal on an entry of this library; the roles EKS associates the others with
 * are customer roles, so the API accepts them on any entry.
 */
export const PolicyAudience = {
  /** Customer IAM principals: people and workloads. */
  CUSTOMER: 'customer',
  /**
   * Documented as "designated for AWS service-linked roles only"; it "cannot be used with
   * customer-managed roles" (EKS user guide, access-policy-reference).
   */
  SERVICE_LINKED_ONLY: 'service-linked-only',
  /** Associated by EKS itself with the IAM role of an EKS capability (Argo CD, ACK, kro). */
  CAPABILITY_ROLE: 'capability-role',
  /** Associated by EKS itself with its service-linked role (`AWSServiceRoleForAmazonEKS`). */
  EKS_SERVICE_LINKED_ROLE: 'eks-service-linked-role',
  /** Associated by EKS itself with the cluster IAM role when Auto Mode is enabled. */
  AUTO_MODE_CLUSTER_ROLE: 'auto-mode-cluster-role',
  /** The node role of EKS Auto Mode (entry type `EC2`). */
  AUTO_MODE_NODE: 'auto-mode-node',
  /** Listed by AWS without saying who it is for. */
  UNSPECIFIED: 'unspecified',
} as const;

/** One of the values of `PolicyAudience`. */
export type PolicyAudience = (typeof PolicyAudience)[keyof typeof PolicyAudience];

/** One policy of the catalog. */
export interface CatalogPolicy {
  /** The policy name, as in its ARN (`arn:<partition>:eks::aws:cluster-access-policy/<name>`). */
  readonly name: string;
  readonly audience: PolicyAudience;
  /** The closest Kubernetes user-facing ClusterRole, for people reading a report. */
  readonly rbacEquivalent?: string;
}

/** Every policy this library knows, sorted by name. */
export const POLICY_CATALOG: readonly CatalogPolicy[] = POLICY_DATA;

const BY_NAME = new Map(POLICY_CATALOG.map((p) => [p.name, p]));
const NAMES = POLICY_CATALOG.map((p) => p.name);

/** The catalog entry of a policy name, if this library knows it. */
export function catalogPolicy(name: string): CatalogPolicy | undefined {
  return BY_NAME.get(name);
}

/** The catalog name a name this library does not know is likely a misspelling of, if any. */
export function closestCatalogName(name: string): string | undefined {
  return closestMatch(name, NAMES);
}

/** The names of the policies meant for people and workloads, in catalog order. */
export const CUSTOMER_POLICY_NAMES: readonly string[] = POLICY_CATALOG
  .filter((p) => p.audience === PolicyAudience.CUSTOMER)
  .map((p) => p.name);
