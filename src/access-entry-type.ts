/**
 * The type of an EKS access entry.
 *
 * The values are the exact strings EKS expects (they are case-sensitive: `Standard` is
 * rejected). A map read from JSON or YAML may use the same strings instead of the enum.
 *
 * @see https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateAccessEntry.html
 */
export enum AccessEntryType {
  /**
   * A person or a workload: may carry a username, Kubernetes groups and access policies.
   */
  STANDARD = 'STANDARD',

  /**
   * The node role of self-managed Amazon Linux or Bottlerocket nodes.
   */
  EC2_LINUX = 'EC2_LINUX',

  /**
   * The node role of self-managed Windows nodes.
   */
  EC2_WINDOWS = 'EC2_WINDOWS',

  /**
   * The pod execution role of Fargate profiles that EKS does not manage.
   */
  FARGATE_LINUX = 'FARGATE_LINUX',

  /**
   * The node role of EKS Auto Mode nodes (takes only `AmazonEKSAutoNodePolicy`).
   */
  EC2 = 'EC2',

  /**
   * The role of EKS hybrid nodes.
   */
  HYBRID_LINUX = 'HYBRID_LINUX',

  /**
   * The role of SageMaker HyperPod nodes.
   */
  HYPERPOD_LINUX = 'HYPERPOD_LINUX',
}
