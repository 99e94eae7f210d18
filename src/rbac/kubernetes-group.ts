/**
 * One rule of a ClusterRole the library creates for a Kubernetes group: these verbs on
 * these resources of these API groups, and nothing else.
 *
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#role-and-clusterrole
 *
 * @example
 * const readPods: RbacRule = {
 *   apiGroups: [''],
 *   resources: ['pods', 'pods/log'],
 *   verbs: ['get', 'list', 'watch'],
 * };
 */
export interface RbacRule {
  /**
   * The API groups of the resources: `''` for the core group (pods, services, secrets),
   * `apps` for deployments, and so on.
   */
  readonly apiGroups: string[];

  /**
   * The resources, as Kubernetes names them: lower-case plurals (`pods`), with a
   * subresource after a `/` (`pods/log`). `*` is every resource of the API groups, present
   * and future: a warning.
   */
  readonly resources: string[];

  /**
   * What the members may do: `get`, `list`, `watch`, `create`, `update`, `patch`,
   * `delete`, `deletecollection`, or one of the special verbs (`impersonate`, `bind`,
   * `escalate`, `use`, `approve`, `sign`, `attest`). `*` is every verb: a warning.
   */
  readonly verbs: string[];

  /**
   * Limits the rule to the objects of these names.
   *
   * @default - every object of the resources
   */
  readonly resourceNames?: string[];
}

/**
 * What the members of one Kubernetes group may do: the RBAC binding the library creates
 * for it on the cluster. The members are the principals whose access entry lists the
 * group in `kubernetesGroups`.
 *
 * Give exactly one of `clusterRole` (bind a ClusterRole that exists) and `rules` (the
 * library creates a ClusterRole with exactly these rules, and binds it).
 *
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#rolebinding-and-clusterrolebinding
 *
 * @example
 * const viewers: KubernetesGroupAccess = { clusterRole: 'view', namespaces: ['apps'] };
 * const podReaders: KubernetesGroupAccess = {
 *   rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }],
 * };
 */
export interface KubernetesGroupAccess {
  /**
   * A ClusterRole of the cluster to bind: one of Kubernetes' own (`view`, `edit`,
   * `admin`, `cluster-admin`) or one of your own.
   *
   * @default - none: give `rules` instead
   */
  readonly clusterRole?: string;

  /**
   * The rules of a ClusterRole the library creates for the group, and binds. The role
   * grants exactly these rules.
   *
   * @default - none: give `clusterRole` instead
   */
  readonly rules?: RbacRule[];

  /**
   * Bind the role in these namespaces only: one RoleBinding in each. Each is a namespace
   * name (RBAC has no wildcards), and the namespace must exist when the binding is applied.
   * An empty list is an error: it is never widened to the whole cluster.
   *
   * @default - a ClusterRoleBinding: the role applies in every namespace, and to
   * cluster-wide resources
   */
  readonly namespaces?: string[];
}
