import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { ACCESS_SCOPE_TYPES } from '../../private/vocabulary';
import { Rule, Severity, Violation } from '../rule';

/**
 * R16: a scope is `cluster` or `namespace`, lower case; `namespace` needs at least one
 * namespace and is never widened to the cluster; `cluster` takes no namespaces.
 */
export const EAM016: Rule = {
  id: 'EAM016',
  severity: Severity.ERROR,
  summary: 'Scope `type` is `cluster` or `namespace` (lower case); a `namespace` scope lists at least one namespace; a `cluster` scope lists none.',
  source: 'R16 — EKS API reference (AccessScope); eksctl',
  checkEntry: (entry) => {
    const violations: Violation[] = [];
    for (const grant of entry.accessPolicies) {
      const { scopeType, namespaces } = grant;
      if (scopeType === undefined || isToken(scopeType) || isToken(namespaces)) { continue; }
      if (!ACCESS_SCOPE_TYPES.has(scopeType)) {
        const lower = scopeType.toLowerCase();
        violations.push({
          field: `${grant.field}.accessScope.type`,
          message: `${quote(scopeType)} is not a scope type`,
          fix: ACCESS_SCOPE_TYPES.has(lower) ? `scope types are lower case: write ${quote(lower)}` : 'use "cluster" or "namespace"',
        });
      } else if (scopeType === 'namespace' && (namespaces ?? []).length === 0) {
        violations.push({
          field: `${grant.field}.accessScope.namespaces`,
          message: `a namespace scope ${namespaces ? 'has an empty namespace list' : 'has no namespaces'}; it is never widened to the whole cluster`,
          fix: 'list the namespaces the policy applies to, or set the scope type to "cluster" to grant it cluster-wide on purpose',
        });
      } else if (scopeType === 'cluster' && (namespaces ?? []).length > 0) {
        violations.push({
          field: `${grant.field}.accessScope.namespaces`,
          message: `a cluster scope covers every namespace, yet it lists ${namespaces!.length}`,
          fix: 'set the scope type to "namespace" to limit the policy to these namespaces, or remove the list',
        });
      }
    }
    return violations;
  },
};
