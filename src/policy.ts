import { IAccessPolicy } from 'aws-cdk-lib/aws-eks-v2';
import { AccessScopeType } from './access-scope';
import { AccessPolicyGrant } from './principal-access';

/**
 * Names of the EKS access policies meant for people and workloads.
 *
 * Use them as `policy` in an `AccessPolicyGrant`; the name becomes an ARN in the stack's
 * partition (`arn:<partition>:eks::aws:cluster-access-policy/<name>`). Any other policy
 * name or full policy ARN is accepted too.
 *
 * @see https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html
 *
 * @example
 * const admins: AccessPolicyGrant = {
 *   policy: EksAccessPolicy.CLUSTER_ADMIN,
 *   accessScope: { type: AccessScopeType.CLUSTER },
 * };
 */
export class EksAccessPolicy {
  /** Everything on the cluster, like the Kubernetes `cluster-admin` role. */
  public static readonly CLUSTER_ADMIN = 'AmazonEKSClusterAdminPolicy';

  /** Most resources, like the Kubernetes `admin` role; usually scoped to namespaces. */
  public static readonly ADMIN = 'AmazonEKSAdminPolicy';

  /** Create, change and delete most objects, like the Kubernetes `edit` role. */
  public static readonly EDIT = 'AmazonEKSEditPolicy';

  /** Read most objects, secrets excluded, like the Kubernetes `view` role. */
  public static readonly VIEW = 'AmazonEKSViewPolicy';

  /** Read every object, secrets included. */
  public static readonly ADMIN_VIEW = 'AmazonEKSAdminViewPolicy';

  /** Read secrets (`get`, `list`, `watch` on `secrets`). */
  public static readonly SECRET_READER = 'AmazonEKSSecretReaderPolicy';

  /**
   * Every verb on secrets: read, create, change and delete them. For controllers that
   * manage secrets; usually scoped to their namespaces.
   */
  public static readonly SECRET_ADMIN = 'AmazonEKSSecretAdminPolicy';

  /** The node role of EKS Auto Mode nodes (entry type `EC2`), at cluster scope. */
  public static readonly AUTO_NODE = 'AmazonEKSAutoNodePolicy';

  /**
   * The grant of an aws-eks-v2 access policy (`AccessPolicy.fromAccessPolicyName(...)`),
   * for code that already builds those: its policy and scope, as a grant of this library,
   * checked by the same rules.
   *
   * @example
   * const viewAll = EksAccessPolicy.grantOf(eks.AccessPolicy.fromAccessPolicyName('AmazonEKSViewPolicy', {
   *   accessScopeType: eks.AccessScopeType.CLUSTER,
   * }));
   *
   * @param accessPolicy an aws-eks-v2 access policy
   */
  public static grantOf(accessPolicy: IAccessPolicy): AccessPolicyGrant {
    const { type, namespaces } = accessPolicy.accessScope;
    return {
      policy: accessPolicy.policy,
      // aws-eks-v2's scope types are the same strings as this library's.
      accessScope: { type: type as string as AccessScopeType, ...(namespaces !== undefined ? { namespaces: [...namespaces] } : {}) },
    };
  }

  private constructor() {}
}
