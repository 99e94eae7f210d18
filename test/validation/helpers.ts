import { literalPrincipal } from '../../src/principal';
import { EntryModel, PrincipalModel } from '../../src/private/model';
import { normalizeEntry } from '../../src/private/normalize';
import { Rule, RuleContext, Violation, CollectionViolation } from '../../src/validation/rule';

export const DEV_ROLE = 'arn:aws:iam::111122223333:role/dev';

/** The model of one principal's access, as the construct would build it. */
export function entryOf(access: unknown, principal: string | PrincipalModel = DEV_ROLE, source = 'Test/Access principals'): EntryModel {
  return normalizeEntry(typeof principal === 'string' ? literalPrincipal(principal) : principal, access, source);
}

export function contextOf(overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    cluster: { unknownFields: [], malformedFields: [], source: 'Test/Access' },
    ...overrides,
  };
}

/** What a rule says about one entry. */
export function checkEntry(
  rule: Rule,
  access: unknown,
  context: RuleContext = contextOf(),
  principal: string | PrincipalModel = DEV_ROLE,
): readonly Violation[] {
  return rule.checkEntry!(entryOf(access, principal), context);
}

/** What a rule says about several entries together. */
export function checkAll(rule: Rule, entries: EntryModel[], context: RuleContext = contextOf()): readonly CollectionViolation[] {
  return rule.checkAll!(entries, context);
}

export function scope(type: string, namespaces?: string[]): unknown {
  return { policy: 'AmazonEKSViewPolicy', accessScope: namespaces ? { type, namespaces } : { type } };
}
