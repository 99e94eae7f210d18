import { EksAccessPolicy } from '../../policy';
import { parsePolicy } from '../../private/policy-arn';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/** Cluster admin for an IAM user: long-lived keys that own the cluster. Prefer a role. */
export const EAM202: Rule = {
  id: 'EAM202',
  severity: Severity.WARNING,
  summary: 'Cluster admin at cluster scope is granted to an IAM user (prefer a role people assume).',
  source: 'IAM security best practices (people use temporary credentials: roles, not IAM users)',
  checkEntry: (entry) => {
    if (entry.principal.facts.kind !== 'user') { return NO_VIOLATIONS; }
    const grant = entry.accessPolicies.find((g) =>
      g.policy !== undefined && parsePolicy(g.policy).name === EksAccessPolicy.CLUSTER_ADMIN && g.scopeType === 'cluster');
    if (!grant) { return NO_VIOLATIONS; }
    return [{
      field: `${grant.field}.policy`,
      message: 'grants cluster admin to an IAM user, whose long-lived access keys then own the cluster',
      fix: 'grant it to a role that admins assume (with MFA or IAM Identity Center); acknowledge this warning if the user is intended',
    }];
  },
};
