import { quote } from './describe-value';

/**
 * R12: why a Kubernetes group name cannot be carried by an access entry (it starts with
 * `system:`, which EKS refuses, or is blank), or undefined when it can. Shared by the
 * entries' `kubernetesGroups` and the names of `groups` (rule EAM012).
 *
 * @param group the group as written
 * @param bound true for the name of a group binding, false for a group of an entry
 */
export function groupNameProblem(group: string, bound: boolean): { message: string; fix: string } | undefined {
  if (group.startsWith('system:')) {
    const refused = bound
      ? ' (EKS refuses it on access entries, so no entry of this map can carry it), and Kubernetes puts its own principals in it'
      : ', which EKS refuses';
    const fix = group === 'system:masters'
      ? 'grant AmazonEKSClusterAdminPolicy at cluster scope instead'
      : bound
        ? 'bind a group of your own name, and list it in the `kubernetesGroups` of the entries it is for'
        : 'bind your RBAC roles to a group of your own name, or use an access policy';
    return { message: `${quote(group)} starts with "system:"${refused}`, fix };
  }
  if (group.trim() === '') {
    return bound
      ? { message: 'is an empty group name', fix: 'name the group as the entries\' `kubernetesGroups` do' }
      : { message: 'is an empty group name', fix: 'remove it or name the group' };
  }
  return undefined;
}
