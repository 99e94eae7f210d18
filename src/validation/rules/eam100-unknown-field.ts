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
  checkAll: (_entries, context) => {
    const violations: CollectionViolation[] = context.cluster.unknownFields.map((u) => toViolation(u));
    for (const group of context.rbac?.groups ?? []) {
      for (const u of group.unknownFields) { violations.push({ group: group.group, ...toViolation(u) }); }
    }
    return violations;
  },
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
