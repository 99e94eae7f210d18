import { parsePolicy } from '../../private/policy-arn';
import { isToken } from '../../private/tokens';
import { Rule, Severity, Violation } from '../rule';

/**
 * R14: a policy appears at most once per entry. CloudFormation's uniqueness compares
 * whole objects, so the same policy with two scopes passes the schema and fails the API.
 */
export const EAM014: Rule = {
  id: 'EAM014',
  severity: Severity.ERROR,
  summary: 'Each access policy appears once per entry (the same policy with two scopes fails the API).',
  source: 'R14 — EKS user guide',
  checkEntry: (entry) => {
    const firstField = new Map<string, string>();
    const violations: Violation[] = [];
    for (const grant of entry.accessPolicies) {
      if (grant.policy === undefined || isToken(grant.policy)) { continue; }
      // A name and the ARN of the same policy are the same policy.
      const key = parsePolicy(grant.policy).name ?? grant.policy;
      const earlier = firstField.get(key);
      if (earlier === undefined) {
        firstField.set(key, grant.field);
        continue;
      }
      violations.push({
        field: `${grant.field}.policy`,
        message: `${key} is already granted at ${earlier}`,
        fix: 'merge the two into one grant: a namespace scope lists all its namespaces, or use one cluster scope',
      });
    }
    return violations;
  },
};
