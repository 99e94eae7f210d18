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
    const violations: Violation[] = [];
    const grants = entry.accessPolicies;
    // No map: an entry holds at most 20 grants (R15), mostly one or two, and this runs
    // for every entry at each synth.
    const keys: Array<string | undefined> = [];
    for (let i = 0; i < grants.length; i++) {
      const grant = grants[i];
      // A name and the ARN of the same policy are the same policy.
      const key = grant.policy === undefined || isToken(grant.policy) ? undefined : parsePolicy(grant.policy).name ?? grant.policy;
      keys.push(key);
      const first = key === undefined ? -1 : keys.indexOf(key);
      if (first === i || first < 0) { continue; }
      const earlier = grants[first].field;
      violations.push({
        field: `${grant.field}.policy`,
        message: `${key} is already granted at ${earlier}`,
        fix: 'merge the two into one grant: a namespace scope lists all its namespaces, or use one cluster scope',
      });
    }
    return violations;
  },
};
