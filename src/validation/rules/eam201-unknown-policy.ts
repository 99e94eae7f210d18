import { parsePolicy } from '../../private/policy-arn';
import { catalogPolicy } from '../../private/policy-catalog';
import { isToken } from '../../private/tokens';
import { Rule, Severity, Violation } from '../rule';
import { typoOf } from './eam019-policy-catalog';

/**
 * A well-formed policy name this library does not know. AWS adds policies often, so it is
 * a warning, not an error: nobody is blocked by the age of the catalog.
 */
export const EAM201: Rule = {
  id: 'EAM201',
  severity: Severity.WARNING,
  summary: 'A policy name is not in this library\'s catalog (it may be new, or it may not exist).',
  source: 'R19 — EKS user guide (access-policy-reference); AWS adds policies often',
  checkEntry: (entry) => {
    const violations: Violation[] = [];
    for (const grant of entry.accessPolicies) {
      if (grant.policy === undefined || isToken(grant.policy)) { continue; }
      const name = parsePolicy(grant.policy).name;
      // Malformed names are EAM018's, misspelt catalog names EAM019's.
      if (name === undefined || catalogPolicy(name) || typoOf(name)) { continue; }
      violations.push({
        field: `${grant.field}.policy`,
        message: `${name} is not in this library's catalog of EKS access policies; if it does not exist, deploy fails`,
        fix: 'check the name with "aws eks list-access-policies"; acknowledge this warning if it is right',
      });
    }
    return violations;
  },
};
