import { NO_VIOLATIONS, Rule, Severity } from '../rule';

const SSO_PATH = /^\/aws-reserved\/sso\.amazonaws\.com\//;

/**
 * R4: access entries need the role path in the ARN. aws-auth needed it stripped, so IAM
 * Identity Center roles copied from there usually lack `aws-reserved/sso.amazonaws.com/`,
 * and EKS answers "invalid principal": Identity Center creates its `AWSReservedSSO_` roles
 * under that path only, so the ARN written names no role. Checked on literal ARNs only: a
 * role of this app with such a name exists wherever the app puts it, and the role a
 * `PermissionSetRole` looks up has the path by construction (IAM gives its ARN).
 */
export const EAM004: Rule = {
  id: 'EAM004',
  severity: Severity.ERROR,
  summary: 'An IAM Identity Center role (`AWSReservedSSO_...`) written as a literal ARN has its `aws-reserved/sso.amazonaws.com/[<region>/]` path.',
  source: 'R4 — EKS user guide; terraform-aws-eks issue 2969; IAM Identity Center user guide (roles created by IAM Identity Center)',
  checkEntry: (entry) => {
    const { kind, name, path, partition, account } = entry.principal.facts;
    // A literal ARN that names a role always has its name and path (`literalPrincipal`).
    if (entry.principal.arn === undefined || kind !== 'role' || !name!.startsWith('AWSReservedSSO_') || SSO_PATH.test(path!)) {
      return NO_VIOLATIONS;
    }
    return [{
      field: '',
      message: 'is an IAM Identity Center role without its aws-reserved/sso.amazonaws.com/ path, so it names no role; EKS will answer "invalid principal"',
      // Identity Center puts no region segment in the path when it runs in us-east-1.
      fix: `copy the role ARN from IAM, with its path: arn:${partition}:iam::${account}:role/aws-reserved/sso.amazonaws.com/[<region>/]${name} (no region segment when IAM Identity Center is in us-east-1)`,
    }];
  },
};
