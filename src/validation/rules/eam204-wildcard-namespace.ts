import { Rule, Severity, Violation } from '../rule';

/** A `*` namespace: every namespace, present and future, which is easy to grant by accident. */
export const EAM204: Rule = {
  id: 'EAM204',
  severity: Severity.WARNING,
  summary: 'A namespace scope lists `*` alone, which matches every namespace, present and future.',
  source: 'R17 (prefix wildcards) — EKS user guide (grant-k8s-access)',
  checkEntry: (entry) => {
    const violations: Violation[] = [];
    for (const grant of entry.accessPolicies) {
      const i = (grant.namespaces ?? []).indexOf('*');
      if (grant.scopeType !== 'namespace' || i < 0) { continue; }
      violations.push({
        field: `${grant.field}.accessScope.namespaces[${i}]`,
        message: '"*" matches every namespace, including kube-system and every future one',
        fix: 'list the namespaces or a prefix such as "team-*"; acknowledge this warning if every namespace is intended',
      });
    }
    return violations;
  },
};
