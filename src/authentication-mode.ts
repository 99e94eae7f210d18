/**
 * How a cluster authenticates IAM principals.
 *
 * The values are the exact strings EKS expects. Access entries need `API` or
 * `API_AND_CONFIG_MAP`.
 *
 * @see https://docs.aws.amazon.com/eks/latest/userguide/grant-k8s-access.html
 */
export enum AuthenticationMode {
  /**
   * Only the `aws-auth` ConfigMap: access entries cannot be created.
   */
  CONFIG_MAP = 'CONFIG_MAP',

  /**
   * Access entries and the `aws-auth` ConfigMap; where both name a principal, the access
   * entry wins.
   */
  API_AND_CONFIG_MAP = 'API_AND_CONFIG_MAP',

  /**
   * Only access entries.
   */
  API = 'API',
}
