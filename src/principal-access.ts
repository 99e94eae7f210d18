import { AccessEntryType } from './access-entry-type';
import { AccessScope } from './access-scope';

/**
 * One access policy granted to a principal, with the scope it applies to.
 *
 * @example
 * const grant: AccessPolicyGrant = {
 *   policy: EksAccessPolicy.EDIT,
 *   accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['dev'] },
 * };
 */
export interface AccessPolicyGrant {
  /**
   * The access policy: its name (`AmazonEKSViewPolicy`, see `EksAccessPolicy`) or its full
   * ARN (`arn:<partition>:eks::aws:cluster-access-policy/AmazonEKSViewPolicy`).
   *
   * A name becomes an ARN in the stack's partition.
   */
  readonly policy: string;

  /**
   * Where the policy applies: the whole cluster or a list of namespaces.
   */
  readonly accessScope: AccessScope;
}

/**
 * What one IAM principal may do in the cluster: the contents of its access entry.
 *
 * @example
 * const dev: PrincipalAccess = {
 *   kubernetesGroups: ['dev-team'],
 *   username: 'dev:{{SessionName}}',
 *   accessPolicies: [
 *     { policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['dev'] } },
 *   ],
 *   tags: { team: 'dev' },
 * };
 */
export interface PrincipalAccess {
  /**
   * The type of the access entry.
   *
   * Node types (`EC2_LINUX`, `EC2_WINDOWS`, `FARGATE_LINUX`, `HYBRID_LINUX`,
   * `HYPERPOD_LINUX`, `EC2`) take no username, groups or policies: EKS sets them.
   *
   * @default AccessEntryType.STANDARD
   */
  readonly type?: AccessEntryType;

  /**
   * The Kubernetes username the principal is mapped to. May contain `{{SessionName}}`
   * or `{{SessionNameRaw}}` after a `:`.
   *
   * @default - EKS derives it from the principal (for a role:
   * `arn:<partition>:sts::<account>:assumed-role/<name>/{{SessionName}}`)
   */
  readonly username?: string;

  /**
   * Kubernetes groups the principal belongs to, for your own RBAC bindings. Names must
   * not start with `system:`.
   *
   * @default - no groups
   */
  readonly kubernetesGroups?: string[];

  /**
   * EKS access policies granted to the principal, each with its scope. An entry with
   * groups and no policies is valid.
   *
   * @default - no access policies
   */
  readonly accessPolicies?: AccessPolicyGrant[];

  /**
   * Tags for the access entry.
   *
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}
