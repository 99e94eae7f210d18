import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { MAX_NAMESPACE_LENGTH, NAMESPACE_NAME, rbacNameProblem } from '../../rbac/rbac-vocabulary';
import { CollectionViolation, Rule, Severity } from '../rule';

/**
 * R30: what Kubernetes refuses in a binding: a `clusterRole` that is no RBAC name (a path
 * segment: not `.` or `..`, no `/` or `%`), and a namespace that is no namespace name (an
 * RFC 1123 label of at most 63 characters). RBAC has no namespace patterns: unlike an
 * access policy scope, `dev-*` names no namespace. An empty namespace list is refused,
 * never widened to a ClusterRoleBinding.
 */
export const EAM030: Rule = {
  id: 'EAM030',
  severity: Severity.ERROR,
  summary: 'A group\'s `clusterRole` is an RBAC name (not `.` or `..`, no `/` or `%`); its `namespaces` are namespace names (RFC 1123 labels, at most 63 characters, no wildcard: RBAC has none), at least one, each once.',
  source: 'R30 (proposed: not yet in the rules document) — Kubernetes API validation (pkg/apis/rbac/validation: RBAC names are path segments; namespace names are RFC 1123 labels)',
  checkAll: (_entries, context) => {
    const violations: CollectionViolation[] = [];
    for (const { group, clusterRole, namespaces } of context.rbac?.groups ?? []) {
      const problem = clusterRole === undefined || isToken(clusterRole) ? undefined : rbacNameProblem(clusterRole);
      if (problem) {
        violations.push({ group, field: 'clusterRole', message: `${quote(clusterRole!)} is not a ClusterRole name: it ${problem}`, fix: 'write the name `kubectl get clusterroles` shows' });
      }
      if (namespaces?.length === 0) {
        violations.push({
          group,
          field: 'namespaces',
          message: 'is empty; a group is never bound cluster-wide because its namespace list is empty',
          fix: 'list the namespaces, or leave `namespaces` out to bind the group cluster-wide on purpose',
        });
      }
      const seen = new Set<string>();
      (namespaces ?? []).forEach((namespace, i) => {
        const found = isToken(namespace) ? undefined : namespaceProblem(namespace)
          ?? (seen.has(namespace) ? { message: `${quote(namespace)} is listed twice`, fix: 'list each namespace once' } : undefined);
        if (found) { violations.push({ group, field: `namespaces[${i}]`, ...found }); }
        seen.add(namespace);
      });
    }
    return violations;
  },
};

function namespaceProblem(namespace: string): { message: string; fix: string } | undefined {
  if (namespace.includes('*')) {
    return {
      message: `${quote(namespace)} is a pattern, and RBAC has none: a RoleBinding is in one namespace`,
      fix: 'list each namespace; only the scopes of access policies (`accessPolicies`) take prefixes such as "dev-*"',
    };
  }
  if (namespace.length > MAX_NAMESPACE_LENGTH) {
    return { message: `${quote(namespace)} is ${namespace.length} characters long; a namespace has at most ${MAX_NAMESPACE_LENGTH}`, fix: 'use the namespace\'s real name' };
  }
  if (NAMESPACE_NAME.test(namespace)) { return undefined; }
  const lower = namespace.toLowerCase();
  return {
    message: `${quote(namespace)} is not a Kubernetes namespace name (lower-case letters, digits and "-", starting and ending with a letter or digit)`,
    fix: NAMESPACE_NAME.test(lower) ? `namespace names are lower case: write ${quote(lower)}` : 'use the namespace\'s real name',
  };
}
