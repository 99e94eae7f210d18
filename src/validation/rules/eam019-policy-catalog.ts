import { AccessEntryType } from '../../access-entry-type';
import { closestMatch } from '../../private/closest';
import { parsePolicy } from '../../private/policy-arn';
import { POLICY_CATALOG, PolicyAudience, catalogPolicy } from '../../private/policy-catalog';
import { isToken } from '../../private/tokens';
import { Rule, Severity, Violation } from '../rule';

const CATALOG_NAMES = POLICY_CATALOG.map((p) => p.name);

/**
 * R19: a policy meant for the principal. A name one typo away from a known policy is an
 * error with "did you mean"; a policy reserved for AWS service roles is an error; the
 * Auto Mode node policy is only for `EC2` entries. (A well-formed name this library does
 * not know is only a warning, EAM201: AWS adds policies often.)
 */
export const EAM019: Rule = {
  id: 'EAM019',
  severity: Severity.ERROR,
  summary: 'A policy is not a misspelt catalog name, not reserved for AWS service roles, and `AmazonEKSAutoNodePolicy` only goes on `EC2` entries.',
  source: 'R19 — EKS user guide (access-policy-reference, capabilities); aws eks list-access-policies, 2026-04',
  checkEntry: (entry) => {
    const violations: Violation[] = [];
    for (const grant of entry.accessPolicies) {
      if (grant.policy === undefined || isToken(grant.policy)) { continue; }
      const name = parsePolicy(grant.policy).name;
      if (name === undefined) { continue; } // not a policy at all: EAM018
      const field = `${grant.field}.policy`;
      const known = catalogPolicy(name);
      if (!known) {
        const suggestion = typoOf(name);
        if (suggestion) {
          violations.push({ field, message: `"${name}" is not an EKS access policy`, fix: `did you mean "${suggestion}"?` });
        }
      } else if (known.audience === PolicyAudience.AWS_SERVICE) {
        violations.push({
          field,
          message: `${name} is reserved for AWS service roles; EKS associates it itself`,
          fix: 'grant a policy meant for people and workloads: AmazonEKSClusterAdminPolicy, AmazonEKSAdminPolicy, AmazonEKSEditPolicy, AmazonEKSViewPolicy, ...',
        });
      } else if (known.audience === PolicyAudience.AUTO_MODE_NODE && !isToken(entry.type) && entry.type !== AccessEntryType.EC2) {
        violations.push({
          field,
          message: `${name} is for EKS Auto Mode node roles, and this entry is ${entry.type}`,
          fix: 'set type EC2 on the Auto Mode node role\'s entry, or grant another policy',
        });
      }
    }
    return violations;
  },
};

/** The catalog name a name is a likely misspelling of, if any. */
export function typoOf(name: string): string | undefined {
  return closestMatch(name, CATALOG_NAMES);
}
