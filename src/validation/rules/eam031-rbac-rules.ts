import { closestMatch } from '../../private/closest';
import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { KUBERNETES_VERBS } from '../../rbac/rbac-vocabulary';
import { CollectionViolation, Rule, Severity } from '../rule';

/**
 * R31: a rule of a group's ClusterRole has verbs, API groups and resources (Kubernetes
 * refuses a resource rule without any of them), and `rules` lists at least one. Each verb
 * is one Kubernetes asks for (or `*`): RBAC takes any string, but a misspelt verb would
 * silently grant less than was written.
 */
export const EAM031: Rule = {
  id: 'EAM031',
  severity: Severity.ERROR,
  summary: `A group's \`rules\` list at least one rule; each has at least one verb, API group and resource, and every verb is a Kubernetes verb (${KUBERNETES_VERBS.map((v) => `\`${v}\``).join(', ')}) or \`*\`.`,
  source: 'R31 (proposed: not yet in the rules document) — Kubernetes API validation (pkg/apis/rbac/validation, ValidatePolicyRule); Kubernetes authorization overview (request verbs)',
  checkAll: (_entries, context) => {
    const violations: CollectionViolation[] = [];
    for (const { group, rules } of context.rbac?.groups ?? []) {
      if (rules?.length === 0) {
        violations.push({ group, field: 'rules', message: 'lists no rule; the ClusterRole would grant nothing', fix: 'list the rules, or bind an existing ClusterRole with `clusterRole`' });
      }
      for (const rule of rules ?? []) {
        for (const [key, what] of [['verbs', 'a verb'], ['apiGroups', 'an API group'], ['resources', 'a resource']] as const) {
          if (rule[key]?.length === 0) {
            violations.push({
              group,
              field: `${rule.field}.${key}`,
              message: `is empty; Kubernetes refuses a rule without ${what}`,
              fix: key === 'apiGroups' ? 'list the API groups; `""` is the core group (pods, services, secrets)' : `list the ${key}`,
            });
          }
        }
        (rule.verbs ?? []).forEach((verb, i) => {
          if (verb === '*' || isToken(verb) || KUBERNETES_VERBS.includes(verb)) { return; }
          const suggestion = closestMatch(verb, KUBERNETES_VERBS);
          violations.push({
            group,
            field: `${rule.field}.verbs[${i}]`,
            message: `${quote(verb)} is not a Kubernetes verb; no request would match it`,
            fix: suggestion ? `did you mean ${quote(suggestion)}?` : `use ${KUBERNETES_VERBS.map((v) => `"${v}"`).join(', ')} or "*"`,
          });
        });
      }
    }
    return violations;
  },
};
