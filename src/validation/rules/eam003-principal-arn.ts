import { quote } from '../../private/describe-value';
import { parseArn, parseIamPrincipal } from '../../private/principal-arn';
import { Rule, Severity } from '../rule';

const ROOT = /^arn:[^:]+:iam::\d{12}:root$/;
const SSO_ROLE_NAME = /^AWSReservedSSO_/;

/**
 * R3: a principal is an IAM role or IAM user ARN, in any partition, with its path. STS
 * session ARNs, IAM groups and anything else are refused by EKS at deploy time.
 */
export const EAM003: Rule = {
  id: 'EAM003',
  severity: Severity.ERROR,
  summary: 'The principal is an IAM role or user ARN (`arn:<partition>:iam::<12 digits>:role/<path/>name`): not an STS session, an IAM group or another ARN.',
  source: 'R3 — EKS API reference; EKS user guide; IAM API (CreateRole, CreateUser)',
  checkEntry: (entry) => {
    const arn = entry.principal.arn;
    // The account root has a rule of its own (EAM006).
    if (arn === undefined || parseIamPrincipal(arn) || ROOT.test(arn)) { return []; }
    return [{ field: '', ...explain(arn) }];
  },
};

function explain(arn: string): { message: string; fix: string } {
  const parts = parseArn(arn);
  if (!parts) {
    return {
      message: `${quote(arn)} is not an ARN`,
      fix: 'use the ARN of an IAM role or user, such as "arn:aws:iam::111122223333:role/my-role"',
    };
  }
  const [resourceType, roleName] = parts.resource.split('/');
  if (parts.service === 'sts' && resourceType === 'assumed-role' && roleName) {
    const path = SSO_ROLE_NAME.test(roleName) ? 'aws-reserved/sso.amazonaws.com/<region>/' : '<path/>';
    return {
      message: 'is an STS assumed-role session ARN, which EKS refuses ("principalArn parameter format is not valid")',
      fix: `use the role's own ARN, with its path: arn:${parts.partition}:iam::${parts.account}:role/${path}${roleName}`,
    };
  }
  if (parts.service === 'iam' && resourceType === 'group') {
    return {
      message: 'is an IAM group; groups cannot have access entries',
      fix: 'give the group\'s members a role to assume and grant that role, or grant each user',
    };
  }
  if (parts.service === 'iam' && (resourceType === 'role' || resourceType === 'user')) {
    return {
      message: `${quote(arn)} is not a well-formed IAM ${resourceType} ARN (12-digit account, no region, valid name)`,
      fix: `write arn:${parts.partition}:iam::<12-digit account>:${resourceType}/<path/>name`,
    };
  }
  return {
    message: `names ${parts.service === 'iam' ? `an IAM ${resourceType}` : `a resource of service "${parts.service}"`}, not an IAM role or user`,
    fix: 'use the ARN of the IAM role or user that should get access',
  };
}
