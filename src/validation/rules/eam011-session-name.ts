import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

const SESSION_TEMPLATE = /\{\{SessionName(Raw)?\}\}/;

/**
 * R11: a username with `{{SessionName}}` or `{{SessionNameRaw}}` needs a `:` somewhere
 * before it (`john{{SessionName}}` is refused, `jo:hn{{SessionName}}` is accepted).
 */
export const EAM011: Rule = {
  id: 'EAM011',
  severity: Severity.ERROR,
  summary: 'A `username` with `{{SessionName}}` or `{{SessionNameRaw}}` has a `:` before it.',
  source: 'R11 — EKS user guide',
  checkEntry: (entry) => {
    const username = entry.username;
    if (username === undefined || isToken(username)) { return NO_VIOLATIONS; }
    const match = SESSION_TEMPLATE.exec(username);
    if (!match || username.slice(0, match.index).includes(':')) { return NO_VIOLATIONS; }
    return [{
      field: 'username',
      message: `${quote(username)} has ${match[0]} with no ":" before it, which EKS refuses`,
      fix: `put a prefix ending in ":" before it, for example "${username.slice(0, match.index) || 'user'}:${username.slice(match.index)}"`,
    }];
  },
};
