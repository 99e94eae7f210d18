import { closestMatch } from '../../private/closest';
import { UnknownField } from '../../private/model';
import { CollectionViolation, Rule, Severity, Violation } from '../rule';

/**
 * A key the schema does not have is an error, never ignored: a misspelt `accessPolicies`
 * would otherwise silently drop access.
 */
export const EAM100: Rule = {
  id: 'EAM100',
  severity: Severity.ERROR,
  summary: 'Every key is a known field: a misspelt field is an error, never ignored.',
  source: 'This library\'s input schema (construct props, map files: schema/)',
  checkEntry: (entry) => entry.unknownFields.map(toViolation),
  checkAll: (_entries, context) => context.cluster.unknownFields.map((u): CollectionViolation => toViolation(u)),
};

function toViolation(unknown: UnknownField): Violation {
  const key = unknown.field.slice(unknown.field.lastIndexOf('.') + 1);
  const suggestion = closestMatch(key, unknown.known);
  return {
    field: unknown.field,
    message: `"${key}" is not a known field`,
    fix: suggestion
      ? `did you mean "${suggestion}"?`
      : `use only ${unknown.known.map((k) => `"${k}"`).join(', ')}`,
  };
}
