/**
 * How far an access policy reaches.
 *
 * The values are the exact lower-case strings EKS expects.
 *
 * @see https://docs.aws.amazon.com/eks/latest/APIReference/API_AccessScope.html
 */
export enum AccessScopeType {
  /**
   * Every namespace of the cluster, and its cluster-wide resources.
   */
  CLUSTER = 'cluster',

  /**
   * Only the namespaces listed in `namespaces`.
   */
  NAMESPACE = 'namespace',
}

/**
 * Where an access policy applies.
 *
 * @example
 * const devNamespaces: AccessScope = {
 *   type: AccessScopeType.NAMESPACE,
 *   namespaces: ['dev', 'feature-*'],
 * };
 */
export interface AccessScope {
  /**
   * Cluster-wide, or limited to the listed namespaces.
   */
  readonly type: AccessScopeType;

  /**
   * The namespaces a `namespace` scope covers. Each is a Kubernetes namespace name; a
   * single trailing `*` makes it a prefix (`feature-*`).
   *
   * Required, and non-empty, for a `namespace` scope: an empty list is an error, never
   * widened to the whole cluster. Not allowed on a `cluster` scope.
   *
   * @default - none (only valid for a `cluster` scope)
   */
  readonly namespaces?: string[];
}
