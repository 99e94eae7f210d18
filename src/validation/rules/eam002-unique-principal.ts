import { EntryModel, permissionSetKey, principalKey } from '../../private/model';
import { CollectionViolation, Rule, Severity } from '../rule';

/**
 * R2: one entry per principal per cluster; a second one fails deploy with a 409.
 * A token and the literal ARN of the same in-app role count as the same principal, and so
 * do a role looked up from an IAM Identity Center permission set and the literal ARN of
 * that permission set's role in the same account (Identity Center keeps one per account).
 * Linear: entries are grouped by principal key in one pass.
 */
export const EAM002: Rule = {
  id: 'EAM002',
  severity: Severity.ERROR,
  summary: 'A principal has one access entry per cluster: the same principal twice fails `cdk deploy` with 409.',
  source: 'R2 — EKS user guide; eksctl issue 7502; IAM Identity Center user guide (referencing permission sets)',
  checkAll: (entries) => {
    const first = new Map<string, EntryModel>();
    const firstOfPermissionSet = new Map<string, EntryModel>();
    const violations: CollectionViolation[] = [];
    for (const entry of entries) {
      const key = principalKey(entry.principal);
      const earlier = first.get(key);
      if (earlier) {
        violations.push({
          entry,
          field: '',
          message: `is declared twice for this cluster: at ${entry.source} and at ${earlier.source}`,
          fix: 'merge the two declarations into one entry (all policies of a principal go in one entry)',
        });
        continue;
      }
      first.set(key, entry);
      const sameRole = samePermissionSetRole(entry, firstOfPermissionSet);
      if (sameRole) { violations.push(sameRole); }
    }
    return violations;
  },
};

/**
 * A lookup of a permission set's role and a literal ARN of that role (any suffix) in one
 * account: the lookup finds the one role there is, so the literal is either the same role
 * (409) or an old one that no longer exists. Two literal ARNs with two suffixes are not
 * compared: both can exist, where an earlier Identity Center instance left its role.
 */
function samePermissionSetRole(entry: EntryModel, seen: Map<string, EntryModel>): CollectionViolation | undefined {
  const key = permissionSetKey(entry.principal);
  if (key === undefined) { return undefined; }
  const earlier = seen.get(key);
  if (!earlier) {
    seen.set(key, entry);
    return undefined;
  }
  if (entry.principal.facts.lookedUpIn === undefined && earlier.principal.facts.lookedUpIn === undefined) { return undefined; }
  const { permissionSet, account } = entry.principal.facts;
  return {
    entry,
    field: '',
    message: `is the role of IAM Identity Center permission set "${permissionSet}"${account ? ` in account ${account}` : ''}, as ${earlier.principal.display} is (at ${earlier.source}, here at ${entry.source}): one role, two entries`,
    fix: 'keep one of the two: the lookup (`PermissionSetRole`) follows the role when Identity Center recreates it with a new suffix, a literal ARN does not',
  };
}
