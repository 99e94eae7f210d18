import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/**
 * An in-app role or user with a fixed name. If CloudFormation ever replaces it, the new
 * one has the same ARN but another unique id, and EKS no longer recognises it: the entry
 * silently stops granting anything until it is recreated.
 */
export const EAM203: Rule = {
  id: 'EAM203',
  severity: Severity.WARNING,
  summary: 'The principal is a role or user of this app with a fixed name: replacing it silently breaks the entry.',
  source: 'EKS API reference (AccessEntry: a recreated principal has a new unique id, and the entry stops working)',
  checkEntry: (entry) => {
    const { inAppWithFixedName, kind, name } = entry.principal.facts;
    if (!inAppWithFixedName) { return NO_VIOLATIONS; }
    return [{
      field: '',
      message: `is the ${kind} "${name}" of this app, with a fixed name; if CloudFormation replaces it, EKS stops recognising it and the entry grants nothing`,
      fix: `let CDK name the ${kind} (remove its fixed name), or recreate the entry whenever the ${kind} is replaced; acknowledge this warning if you do`,
    }];
  },
};
