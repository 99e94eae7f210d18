import { isToken } from '../../private/tokens';
import { NODE_ENTRY_TYPES } from '../../private/vocabulary';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/** R8: node entry types need a role, not a user. */
export const EAM008: Rule = {
  id: 'EAM008',
  severity: Severity.ERROR,
  summary: 'A node entry (`EC2_LINUX`, `FARGATE_LINUX`, ...) is for an IAM role, not an IAM user.',
  source: 'R8 — EKS API reference (CreateAccessEntry)',
  checkEntry: (entry) => {
    if (isToken(entry.type) || !NODE_ENTRY_TYPES.has(entry.type) || entry.principal.facts.kind !== 'user') { return NO_VIOLATIONS; }
    return [{
      field: 'type',
      message: `a node entry (${entry.type}) for an IAM user; nodes authenticate with a role`,
      fix: 'use the node role\'s ARN, or type STANDARD for a person',
    }];
  },
};
