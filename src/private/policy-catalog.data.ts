// The EKS access policies this library knows (rule R19), one per line, sorted by name.
//
// `node scripts/update-policy-catalog.js <file>` rewrites the lines between the markers from
// the output of `aws eks list-access-policies`: it keeps the audience and rbacEquivalent of
// each policy already here, adds new ones as 'unspecified' and drops (and names) those EKS
// no longer lists. An audience may be set here by hand, in the same one-line form; the
// script refuses a line it cannot read rather than guess.
//
// Sources: EKS user guide, access-policy-reference (awsdocs/amazon-eks-user-guide, commit
// 145543a: the "designated for AWS service-linked roles only" notes, the Auto Mode cluster
// role policies), the EKS capabilities pages (Argo CD, ACK, kro), the doc history of
// 2025-08-27 (AmazonEKSEventPolicy, attached by the EKS service-linked role), and a recorded
// `aws eks list-access-policies` output of 2026-04 (33 policies; AmazonEKSClusterInsightsPolicy,
// documented in the user guide, was not in it).
import type { CatalogPolicy } from './policy-catalog';

/** Every EKS access policy this library knows, sorted by name. */
export const POLICY_DATA: readonly CatalogPolicy[] = [
  // policies:begin
  { name: 'AIDevOpsAgentAccessPolicy', audience: 'unspecified' },
  { name: 'AmazonAIOpsAssistantPolicy', audience: 'unspecified' },
  { name: 'AmazonARCRegionSwitchScalingPolicy', audience: 'unspecified' },
  { name: 'AmazonEKSACKPolicy', audience: 'capability-role' },
  { name: 'AmazonEKSAdminPolicy', audience: 'customer', rbacEquivalent: 'admin' },
  { name: 'AmazonEKSAdminViewPolicy', audience: 'customer', rbacEquivalent: 'view, secrets included' },
  { name: 'AmazonEKSArgoCDClusterPolicy', audience: 'capability-role' },
  { name: 'AmazonEKSArgoCDPolicy', audience: 'capability-role' },
  { name: 'AmazonEKSAutoNodePolicy', audience: 'auto-mode-node' },
  { name: 'AmazonEKSBlockStorageClusterPolicy', audience: 'service-linked-only' },
  { name: 'AmazonEKSBlockStoragePolicy', audience: 'service-linked-only' },
  { name: 'AmazonEKSClusterAdminPolicy', audience: 'customer', rbacEquivalent: 'cluster-admin' },
  { name: 'AmazonEKSClusterInsightsPolicy', audience: 'service-linked-only' },
  { name: 'AmazonEKSComputeClusterPolicy', audience: 'service-linked-only' },
  { name: 'AmazonEKSComputePolicy', audience: 'service-linked-only' },
  { name: 'AmazonEKSEditPolicy', audience: 'customer', rbacEquivalent: 'edit' },
  { name: 'AmazonEKSEventPolicy', audience: 'eks-service-linked-role' },
  { name: 'AmazonEKSHybridPolicy', audience: 'service-linked-only' },
  { name: 'AmazonEKSKROPolicy', audience: 'capability-role' },
  { name: 'AmazonEKSLoadBalancingClusterPolicy', audience: 'auto-mode-cluster-role' },
  { name: 'AmazonEKSLoadBalancingPolicy', audience: 'auto-mode-cluster-role' },
  { name: 'AmazonEKSNetworkingClusterPolicy', audience: 'auto-mode-cluster-role' },
  { name: 'AmazonEKSNetworkingPolicy', audience: 'auto-mode-cluster-role' },
  { name: 'AmazonEKSPodIdentityPolicy', audience: 'unspecified' },
  { name: 'AmazonEKSSecretAdminPolicy', audience: 'customer', rbacEquivalent: 'all verbs on secrets' },
  { name: 'AmazonEKSSecretReaderPolicy', audience: 'customer', rbacEquivalent: 'read secrets' },
  { name: 'AmazonEKSViewPolicy', audience: 'customer', rbacEquivalent: 'view' },
  { name: 'AmazonEMRJobPolicy', audience: 'unspecified' },
  { name: 'AmazonSagemakerHyperpodClusterPolicy', audience: 'unspecified' },
  { name: 'AmazonSagemakerHyperpodControllerPolicy', audience: 'unspecified' },
  { name: 'AmazonSagemakerHyperpodSpacePolicy', audience: 'unspecified' },
  { name: 'AmazonSagemakerHyperpodSpaceTemplatePolicy', audience: 'unspecified' },
  { name: 'AmazonSagemakerHyperpodSystemNamespacePolicy', audience: 'unspecified' },
  { name: 'AmazonSagemakerHyperpodUserClusterPolicy', audience: 'unspecified' },
  // policies:end
];
