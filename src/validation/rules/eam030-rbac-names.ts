import { quote } from '../../private/describe-value';
import { listedTwice, namespaceNameProblem } from '../../private/namespace-name';
import { isToken } from '../../private/tokens';
import { rbacNameProblem } from '../../rbac/rbac-vocabulary';
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
          ?? (seen.has(namespace) ? listedTwice(namespace) : undefined);
        if (found) { violations.push({ group, field: `namespaces[${i}]`, ...found }); }
        seen.add(namespace);
      });
    }
    return violations;
  },
};

function namespaceProblem(namespace: string): { message: string; fix: string } | undefined {
  // RBAC has no patterns: `dev-*` names no namespace.
  if (namespace.includes('*')) {
    return {
      message: `${quote(namespace)} is a pattern, and RBAC has none: a RoleBinding is in one namespace`,
      fix: 'list each namespace; only the scopes of access policies (`accessPolicies`) take prefixes such as "dev-*"',
    };
  }
  return namespaceNameProblem(namespace);
}
