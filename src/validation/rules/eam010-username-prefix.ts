import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/** Prefixes EKS reserves for its own usernames. */
const RESERVED = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'];

/** R10: a username does not start with a prefix EKS reserves. */
export const EAM010: Rule = {
  id: 'EAM010',
  severity: Severity.ERROR,
  summary: '`username` does not start with `system:`, `eks:`, `aws:`, `amazon:` or `iam:`.',
  source: 'R10 — EKS user guide (set-custom-username)',
  checkEntry: (entry) => {
    const username = entry.username;
    if (username === undefined || isToken(username)) { return NO_VIOLATIONS; }
    const prefix = RESERVED.find((p) => username.startsWith(p));
    if (!prefix) { return NO_VIOLATIONS; }
    return [{
      field: 'username',
      message: `${quote(username)} starts with "${prefix}", which EKS reserves`,
      fix: 'choose a username without that prefix (for example "team:{{SessionName}}"), or leave it out',
    }];
  },
};
