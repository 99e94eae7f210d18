/**
 * What Kubernetes RBAC accepts, as plain data for the rules and the manifests.
 *
 * @see https://kubernetes.io/docs/reference/access-authn-authz/authorization/#determine-the-request-verb
 */

/** The API group of RBAC objects and of their subjects and role references. */
export const RBAC_API_GROUP = 'rbac.authorization.k8s.io';

/**
 * The verbs Kubernetes itself authorizes: the request verbs, and the special verbs of
 * some resources (`impersonate` on users, groups and service accounts; `bind` and
 * `escalate` on roles; `use` on pod security policies; `approve`, `sign` and `attest` on
 * certificate signers). RBAC takes any string, but one Kubernetes never asks for grants
 * nothing: a typo (`gets`) would silently grant less than was written.
 */
export const KUBERNETES_VERBS: readonly string[] = [
  'get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection',
  'impersonate', 'bind', 'escalate', 'use', 'approve', 'sign', 'attest',
];

/**
 * Why a string cannot name an RBAC object (a ClusterRole, Role or binding), or undefined
 * when it can. Kubernetes checks RBAC names as path segments only (not as DNS names: its
 * own ClusterRoles are named `system:aggregate-to-view`): not empty, not `.` or `..`,
 * and without `/` or `%`.
 *
 * @see https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/rbac/validation/validation.go
 */
export function rbacNameProblem(name: string): string | undefined {
  if (name === '') { return 'is empty'; }
  if (name === '.' || name === '..') { return `may not be ${JSON.stringify(name)}`; }
  for (const c of ['/', '%']) {
    if (name.includes(c)) { return `may not contain ${JSON.stringify(c)}`; }
  }
  return undefined;
}
