import { AccessEntryType } from '../../access-entry-type';
import { parsePolicy } from '../../private/policy-arn';
import { CUSTOMER_POLICY_NAMES, PolicyAudience, catalogPolicy, closestCatalogName } from '../../private/policy-catalog';
import { isToken } from '../../private/tokens';
import { Rule, Severity, Violation } from '../rule';

/**
 * The roles EKS associates a policy with itself, by audience: a principal of the map that
 * holds one of these is usually a copy of what EKS already did, or a policy picked by name.
 */
const EKS_ASSOCIATED: Partial<Record<PolicyAudience, string>> = {
  [PolicyAudience.CAPABILITY_ROLE]: 'the IAM role of an EKS capability (Argo CD, ACK, kro)',
  [PolicyAudience.EKS_SERVICE_LINKED_ROLE]: 'its service-linked role (AWSServiceRoleForAmazonEKS)',
  [PolicyAudience.AUTO_MODE_CLUSTER_ROLE]: 'the cluster IAM role when Auto Mode is enabled',
};

/**
 * R19: a policy this library cannot vouch for on this entry. Both cases deploy, or may:
 *
 * - A well-formed name the library does not know. It may be a policy newer than the
 *   catalog, or a typo (then deploy fails): the warning says "did you mean" when a known
 *   name is close. It is never an error: AWS adds policies often, and a new one a few
 *   letters from a known name must not fail synth.
 * - A policy EKS associates itself with one of its roles (capability roles, its
 *   service-linked role, the Auto Mode cluster role). These are customer roles, so the API
 *   accepts the policy on any entry; on a principal of the map it is most likely a mistake.
 *   One rule for both, rather than a new one: each says "check this grant, then acknowledge
 *   it", and an acknowledgement of EAM201 reads the same for both.
 *
 * - `AmazonEKSAutoNodePolicy` on a `STANDARD` entry: EKS associates it with Auto Mode
 *   node roles, whose entries are `EC2`; no source says the API refuses it elsewhere.
 *
 * Policies designated for AWS service-linked roles only are refused by EAM019.
 */
export const EAM201: Rule = {
  id: 'EAM201',
  severity: Severity.WARNING,
  summary: 'A policy is in this library\'s catalog (an unknown name may be new, or a typo: "did you mean"), '
    + 'and is not one EKS associates itself with its capability, service-linked or Auto Mode roles.',
  source: 'R19 — EKS user guide (access-policy-reference, capabilities, doc history 2025-08); aws eks list-access-policies, 2026-04; AWS adds policies often',
  checkEntry: (entry) => {
    const violations: Violation[] = [];
    for (const grant of entry.accessPolicies) {
      if (grant.policy === undefined || isToken(grant.policy)) { continue; }
      const name = parsePolicy(grant.policy).name;
      if (name === undefined) { continue; } // malformed: EAM018's
      const known = catalogPolicy(name);
      if (!known) {
        const suggestion = closestCatalogName(name);
        violations.push({
          field: `${grant.field}.policy`,
          message: `${name} is not in this library's catalog of EKS access policies; if it does not exist, deploy fails`,
          fix: suggestion
            ? `did you mean "${suggestion}"? If ${name} is a new policy, check it with "aws eks list-access-policies" and acknowledge this warning`
            : 'check the name with "aws eks list-access-policies"; acknowledge this warning if it is right',
        });
        continue;
      }
      // The Auto Mode node policy belongs on the node role's own entry, of type EC2.
      const role = known.audience === PolicyAudience.AUTO_MODE_NODE
        ? (entry.type === AccessEntryType.STANDARD ? 'the node role of EKS Auto Mode (an `EC2` entry)' : undefined)
        : EKS_ASSOCIATED[known.audience];
      if (role) {
        violations.push({
          field: `${grant.field}.policy`,
          message: `${name} is a policy EKS associates itself with ${role}, not one meant for people and workloads`,
          fix: `grant a policy meant for people and workloads (${CUSTOMER_POLICY_NAMES.join(', ')}); acknowledge this warning if this principal needs it`,
        });
      }
    }
    return violations;
  },
};
