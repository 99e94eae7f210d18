/**
 * The live entries EKS made itself (rules R5, R24, R25): those of its service-linked
 * roles, of managed node groups' and Fargate profiles' roles, of Auto Mode's roles, of
 * capability roles, and of the cluster's creator. Declaring one of those principals fails
 * with 409; `adopt` leaves them out and `plan` says so.
 */
import { ClusterSnapshot, LiveAccessEntry } from './snapshot';
import { policyNameOfRendered } from '../private/policy-arn';
import { PolicyAudience, catalogPolicy } from '../private/policy-catalog';
import { parseIamPrincipal } from '../private/principal-arn';
import { EksManagedPrincipal } from '../validation/rule';

/** EKS makes the creator's entry while it makes the cluster, which takes some minutes. */
const CREATOR_WINDOW_MS = 30 * 60 * 1000;

const AUDIENCE_REASONS: Partial<Record<string, string>> = {
  [PolicyAudience.CAPABILITY_ROLE]: 'the role of an EKS capability (Argo CD, ACK, kro)',
  [PolicyAudience.EKS_SERVICE_LINKED_ROLE]: 'the EKS service-linked role',
  [PolicyAudience.SERVICE_LINKED_ONLY]: 'a service-linked role',
};

/**
 * Why EKS made this entry itself, or undefined when nothing says it did (someone made it:
 * by hand, eksctl, Terraform, CloudFormation).
 *
 * @param known principals the synthesized app says EKS gives an entry (an in-app cluster's node groups, say)
 */
export function eksMadeReason(entry: LiveAccessEntry, snapshot: ClusterSnapshot, known: readonly EksManagedPrincipal[] = []): string | undefined {
  const arn = entry.principalArn;
  if (/:role\/aws-service-role\//.test(arn)) { return 'EKS made it for a service-linked role'; }
  const group = snapshot.nodegroups?.find((g) => sameRole(g.nodeRole, arn));
  if (group) { return `EKS made it for the node role of managed node group ${group.nodegroupName}`; }
  const profile = snapshot.fargateProfiles?.find((p) => sameRole(p.podExecutionRoleArn, arn));
  if (profile) { return `EKS made it for the pod execution role of Fargate profile ${profile.fargateProfileName}`; }
  if (snapshot.computeConfig?.enabled && snapshot.computeConfig.nodeRoleArn !== undefined && sameRole(snapshot.computeConfig.nodeRoleArn, arn)) {
    return 'EKS made it for the Auto Mode node role';
  }
  const fromApp = known.find((k) => k.key === arn);
  if (fromApp) { return `EKS made it for ${fromApp.reason}`; }
  for (const policy of entry.associatedAccessPolicies) {
    const audience = catalogPolicy(policyNameOfRendered(policy.policyArn) ?? '')?.audience;
    const reason = audience === undefined ? undefined : AUDIENCE_REASONS[audience];
    if (reason) { return `EKS made it for ${reason} (it holds ${policyNameOfRendered(policy.policyArn)})`; }
    if (audience === PolicyAudience.AUTO_MODE_CLUSTER_ROLE && snapshot.roleArn !== undefined && sameRole(snapshot.roleArn, arn)) {
      return 'EKS made it for the Auto Mode cluster role';
    }
  }
  if (isLikelyCreator(entry, snapshot)) {
    return `probably EKS made it for the cluster's creator (bootstrapClusterCreatorAdminPermissions; created with the cluster, ${entry.createdAt})`;
  }
  return undefined;
}

/**
 * The creator's entry: cluster admin at cluster scope, made within minutes of the cluster
 * while `bootstrapClusterCreatorAdminPermissions` was on. EKS records no other sign.
 */
function isLikelyCreator(entry: LiveAccessEntry, snapshot: ClusterSnapshot): boolean {
  if (snapshot.bootstrapClusterCreatorAdminPermissions === false || entry.type !== 'STANDARD') { return false; }
  if (snapshot.createdAt === undefined || entry.createdAt === undefined) { return false; }
  const after = Date.parse(entry.createdAt) - Date.parse(snapshot.createdAt);
  const admin = entry.associatedAccessPolicies.some((p) => policyNameOfRendered(p.policyArn) === 'AmazonEKSClusterAdminPolicy' && p.accessScope.type === 'cluster');
  return admin && after >= 0 && after <= CREATOR_WINDOW_MS;
}

/** Two ARNs of the same IAM role: equal, or the same account and name (one written without its path). */
function sameRole(a: string, b: string): boolean {
  if (a === b) { return true; }
  const x = parseIamPrincipal(a);
  const y = parseIamPrincipal(b);
  return x !== undefined && y !== undefined && x.kind === 'role' && y.kind === 'role'
    && x.partition === y.partition && x.account === y.account && x.name === y.name;
}
