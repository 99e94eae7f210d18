import { CollectionViolation, Rule, Severity } from '../rule';

/**
 * `*` in the verbs or the resources of a group's rule is every verb, or every resource of
 * its API groups, present and future (custom resources included): easy to grant by accident.
 */
export const EAM208: Rule = {
  id: 'EAM208',
  severity: Severity.WARNING,
  summary: 'A rule of a group\'s `rules` has `*` in its verbs or resources, which grants every verb, or every resource of its API groups, present and future.',
  source: 'Kubernetes RBAC good practices (least privilege: avoid wildcards)',
  checkAll: (_entries, context) => {
    const violations: CollectionViolation[] = [];
    for (const { group, rules } of context.rbac?.groups ?? []) {
      for (const rule of rules ?? []) {
        for (const key of ['verbs', 'resources'] as const) {
          const i = (rule[key] ?? []).indexOf('*');
          if (i < 0) { continue; }
          violations.push({
            group,
            field: `${rule.field}.${key}[${i}]`,
            message: key === 'verbs'
              ? '"*" is every verb, `escalate`, `bind` and `impersonate` included'
              : '"*" is every resource of the rule\'s API groups, secrets and future custom resources included',
            fix: `list the ${key} the group needs; acknowledge this warning if every one is intended`,
          });
        }
      }
    }
    return violations;
  },
};
