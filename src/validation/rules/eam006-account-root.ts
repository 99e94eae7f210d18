import { NO_VIOLATIONS, Rule, Severity } from '../rule';

const ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;

/** R6: the account root is accepted by the API but grants nothing. */
export const EAM006: Rule = {
  id: 'EAM006',
  severity: Severity.ERROR,
  summary: 'The principal is not an account root (`:root`): EKS accepts it and it grants nothing.',
  source: 'R6 — aws-iam-authenticator issue 797',
  checkEntry: (entry) => {
    const match = ROOT.exec(entry.principal.arn ?? '');
    if (!match) { return NO_VIOLATIONS; }
    return [{
      field: '',
      message: `is the root of account ${match[1]}; an access entry for it grants nobody anything`,
      fix: 'grant the IAM roles (or users) of that account that need access',
    }];
  },
};
