import { MalformedField } from '../../private/model';
import { CollectionViolation, Rule, Severity, Violation } from '../rule';

/** Every value has the type the schema asks for, and required values are present. */
export const EAM101: Rule = {
  id: 'EAM101',
  severity: Severity.ERROR,
  summary: 'Every value has the expected type (string, list, object), and required fields are present.',
  source: 'This library\'s input schema (construct props, map files: schema/)',
  checkEntry: (entry) => entry.malformedFields.map(toViolation),
  checkAll: (_entries, context) => {
    const violations: CollectionViolation[] = context.cluster.malformedFields.map(toViolation);
    for (const group of context.rbac?.groups ?? []) {
      for (const m of group.malformedFields) { violations.push({ group: group.group, ...toViolation(m) }); }
    }
    return violations;
  },
};

function toViolation(malformed: MalformedField): Violation {
  if (malformed.got === 'nothing') {
    return { field: malformed.field, message: 'is required but missing', fix: 'add it' };
  }
  return {
    field: malformed.field,
    message: `must be ${malformed.expected}, got ${malformed.got}`,
    fix: `write ${malformed.expected} here`,
  };
}
