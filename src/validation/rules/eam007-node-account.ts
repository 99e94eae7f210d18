import { isToken } from '../../private/tokens';
import { NODE_ENTRY_TYPES } from '../../private/vocabulary';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/** R7: cross-account principals only for STANDARD; node roles are in the cluster's account. */
export const EAM007: Rule = {
  id: 'EAM007',
  severity: Severity.ERROR,
  summary: 'A node entry\'s role is in the cluster\'s account (only `STANDARD` entries may be cross-account), where both accounts are known.',
  source: 'R7 — EKS user guide',
  checkEntry: (entry, context) => {
    const account = entry.principal.facts.account;
    if (isToken(entry.type) || !NODE_ENTRY_TYPES.has(entry.type) || !account || !context.account || account === context.account) {
      return NO_VIOLATIONS;
    }
    return [{
      field: 'type',
      message: `a node entry (${entry.type}) for a role of account ${account}, but the cluster is in account ${context.account}`,
      fix: 'use a node role of the cluster\'s account, or type STANDARD for a cross-account principal that is not a node',
    }];
  },
};
