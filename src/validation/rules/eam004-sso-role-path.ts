import { Rule, Severity } from '../rule';

const SSO_PATH = /^\/aws-reserved\/sso\.amazonaws\.com\//;

/**
 * R4: access entries need the role path in the ARN. aws-auth needed it stripped, so IAM
 * Identity Center roles copied from there usually lack `aws-reserved/sso.amazonaws.com/`,
 * and EKS answers "invalid principal".
 */
export const EAM004: Rule = {
  id: 'EAM004',
  severity: Severity.WARNING,
  summary: 'An IAM Identity Center role (`AWSReservedSSO_...`) has its `aws-reserved/sso.amazonaws.com/` path in the ARN.',
  source: 'R4 — EKS user guide; terraform-aws-eks issue 2969',
  checkEntry: (entry) => {
    const { kind, name, path } = entry.principal.facts;
    if (kind !== 'role' || !name?.startsWith('AWSReservedSSO_') || path === undefined || SSO_PATH.test(path)) { return []; }
    return [{
      field: '',
      message: 'is an IAM Identity Center role without its aws-reserved/sso.amazonaws.com/ path; EKS will answer "invalid principal"',
      fix: 'copy the role ARN from IAM, with its path: role/aws-reserved/sso.amazonaws.com/<region>/' + name,
    }];
  },
};
