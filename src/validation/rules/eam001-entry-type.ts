import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { ACCESS_ENTRY_TYPES } from '../../private/vocabulary';
import { Rule, Severity } from '../rule';

const VALUES = [...ACCESS_ENTRY_TYPES].join(', ');

/** R1: the entry type is one of the exact, case-sensitive values EKS accepts. */
export const EAM001: Rule = {
  id: 'EAM001',
  severity: Severity.ERROR,
  summary: 'The entry `type` is one of the exact EKS values (`STANDARD`, `EC2_LINUX`, ...), upper case.',
  source: 'R1 — EKS API reference (CreateAccessEntry); aws-cdk PR 31147',
  checkEntry: (entry) => {
    if (isToken(entry.type) || ACCESS_ENTRY_TYPES.has(entry.type)) { return []; }
    const upper = entry.type.toUpperCase();
    return [{
      field: 'type',
      message: `${quote(entry.type)} is not an access entry type`,
      fix: ACCESS_ENTRY_TYPES.has(upper)
        ? `types are case-sensitive: write ${quote(upper)}`
        : `use one of ${VALUES} (or leave it out for STANDARD)`,
    }];
  },
};
