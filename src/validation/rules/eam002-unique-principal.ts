import { EntryModel, principalKey } from '../../private/model';
import { CollectionViolation, Rule, Severity } from '../rule';

/**
 * R2: one entry per principal per cluster; a second one fails deploy with a 409.
 * A token and the literal ARN of the same in-app role count as the same principal.
 * Linear: entries are grouped by principal key in one pass.
 */
export const EAM002: Rule = {
  id: 'EAM002',
  severity: Severity.ERROR,
  summary: 'A principal has one access entry per cluster: the same principal twice fails `cdk deploy` with 409.',
  source: 'R2 — EKS user guide; eksctl issue 7502',
  checkAll: (entries) => {
    const first = new Map<string, EntryModel>();
    const violations: CollectionViolation[] = [];
    for (const entry of entries) {
      const key = principalKey(entry.principal);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, entry);
        continue;
      }
      violations.push({
        entry,
        field: '',
        message: `is declared twice for this cluster: at ${entry.source} and at ${earlier.source}`,
        fix: 'merge the two declarations into one entry (all policies of a principal go in one entry)',
      });
    }
    return violations;
  },
};
