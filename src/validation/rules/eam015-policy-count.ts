import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/** The CloudFormation schema's limit on access policies in one entry. */
export const MAX_POLICIES_PER_ENTRY = 20;

/** R15: at most 20 access policies per entry. */
export const EAM015: Rule = {
  id: 'EAM015',
  severity: Severity.ERROR,
  summary: `An entry has at most ${MAX_POLICIES_PER_ENTRY} access policies.`,
  source: 'R15 — CloudFormation schema of AWS::EKS::AccessEntry',
  checkEntry: (entry) => {
    const count = entry.accessPolicies.length;
    if (count <= MAX_POLICIES_PER_ENTRY) { return NO_VIOLATIONS; }
    return [{
      field: 'accessPolicies',
      message: `has ${count} access policies; an entry takes at most ${MAX_POLICIES_PER_ENTRY}`,
      fix: 'merge grants of the same policy into one scope with several namespaces, or use Kubernetes groups with your own RBAC',
    }];
  },
};
