import { parsePolicy } from '../../private/policy-arn';
import { CUSTOMER_POLICY_NAMES, PolicyAudience, catalogPolicy } from '../../private/policy-catalog';
import { isToken } from '../../private/tokens';
import { Rule, Severity, Violation } from '../rule';

/**
 * R19: the policy refusal that is certain. A policy the EKS user guide designates "for AWS
 * service-linked roles only" cannot be used with customer-managed roles, and every
 * principal of this library is one (EAM005 keeps service-linked roles out).
 * `AmazonEKSAutoNodePolicy` on an entry that is not `EC2` is EAM201's (a warning: no
 * source says the API refuses it on a `STANDARD` entry) and EAM013's (node types).
 *
 * A name this library does not know is not refused here, even one a few letters from a
 * known name: AWS adds policies often (`AmazonEKSEventPolicy` is two letters from
 * `AmazonEKSEditPolicy`), and an error would fail synth on every new one. EAM201 warns
 * instead, with "did you mean". Policies EKS associates with its own customer roles
 * (capability, Auto Mode cluster role) are accepted by the API on any entry: EAM201 too.
 */
export const EAM019: Rule = {
  id: 'EAM019',
  severity: Severity.ERROR,
  summary: 'A policy is not one EKS designates "for AWS service-linked roles only" (`AmazonEKSBlockStorage*`, `AmazonEKSCompute*`, '
    + '`AmazonEKSHybridPolicy`, `AmazonEKSClusterInsightsPolicy`).',
  source: 'R19 — EKS user guide (access-policy-reference: "designated for AWS service-linked roles only"; create-node-class); aws eks list-access-policies, 2026-04',
  checkEntry: (entry) => {
    const violations: Violation[] = [];
    for (const grant of entry.accessPolicies) {
      if (grant.policy === undefined || isToken(grant.policy)) { continue; }
      const name = parsePolicy(grant.policy).name;
      if (name === undefined) { continue; } // not a policy at all: EAM018
      const audience = catalogPolicy(name)?.audience;
      if (audience === PolicyAudience.SERVICE_LINKED_ONLY) {
        violations.push({
          field: `${grant.field}.policy`,
          message: `${name} is designated for AWS service-linked roles only and cannot be used with customer-managed roles; EKS associates it itself`,
          fix: `remove it, or grant a policy meant for people and workloads: ${CUSTOMER_POLICY_NAMES.join(', ')}`,
        });
      }
    }
    return violations;
  },
};
