import { quote } from '../../private/describe-value';
import { IAM_NAME_MAX, IAM_PATH_MAX, parseArn, parseIamPrincipal, splitIamResource } from '../../private/principal-arn';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

const ROOT = /^arn:[^:]+:iam::\d{12}:root$/;
const SSO_ROLE_NAME = /^AWSReservedSSO_/;
const ACCOUNT = /^\d{12}$/;
/** A character IAM does not allow in a role or user name. */
const NOT_NAME_CHARACTER = /[^\w+=,.@-]/;
/** A character IAM does not allow in a path. */
const NOT_PATH_CHARACTER = /[^\x21-\x7e]/;

/**
 * R3: a principal is an IAM role or IAM user ARN, in any partition, with its path. STS
 * session ARNs, IAM groups and anything else are refused by EKS at deploy time. The
 * principal must exist, so IAM's own limits hold too: a name of 1 to 64 characters of
 * `[A-Za-z0-9+=,.@_-]`, a path of at most 512 printable ASCII characters between slashes.
 */
export const EAM003: Rule = {
  id: 'EAM003',
  severity: Severity.ERROR,
  summary: `The principal is an IAM role or user ARN (\`arn:<partition>:iam::<12 digits>:role/<path/>name\`): not an STS session, an IAM group or another ARN; the name has 1-${IAM_NAME_MAX} characters of \`[A-Za-z0-9+=,.@_-]\`, the path at most ${IAM_PATH_MAX}.`,
  source: 'R3 — EKS API reference; EKS user guide; IAM API (CreateRole, CreateUser)',
  checkEntry: (entry) => {
    const arn = entry.principal.arn;
    // The account root has a rule of its own (EAM006).
    if (arn === undefined || parseIamPrincipal(arn) || ROOT.test(arn)) { return NO_VIOLATIONS; }
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
    // Identity Center puts no region segment in the path when it runs in us-east-1.
    const path = SSO_ROLE_NAME.test(roleName) ? 'aws-reserved/sso.amazonaws.com/[<region>/]' : '<path/>';
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
  const iam = parts.service === 'iam' ? splitIamResource(parts.resource) : undefined;
  if (iam) {
    if (parts.region === '' && ACCOUNT.test(parts.account)) { return iamLimitProblem(iam.kind, iam.path, iam.name); }
    return {
      message: `${quote(arn)} is not a well-formed IAM ${iam.kind} ARN (12-digit account, no region, valid name)`,
      fix: `write arn:${parts.partition}:iam::<12-digit account>:${iam.kind}/<path/>name`,
    };
  }
  return {
    message: `names ${parts.service === 'iam' ? `an IAM ${resourceType}` : `a resource of service "${parts.service}"`}, not an IAM role or user`,
    fix: 'use the ARN of the IAM role or user that should get access',
  };
}

/**
 * What breaks IAM's limits in a role or user ARN whose account and region are right (so
 * something does): no such principal can exist, so EKS answers "invalid principal".
 */
function iamLimitProblem(kind: 'role' | 'user', path: string, name: string): { message: string; fix: string } {
  const copy = `copy the ${kind}'s ARN from IAM`;
  if (name === '') {
    return { message: `has no ${kind} name after its path`, fix: `write the name after the last "/": ${kind}/<path/>name` };
  }
  // Characters first: a name or path of other characters is wrong whatever its length,
  // and its length in UTF-16 units would not be IAM's count.
  const badName = NOT_NAME_CHARACTER.exec(name);
  if (badName) {
    return {
      message: `the ${kind} name ${quote(name)} has ${quote(badName[0])}, which IAM does not allow in names (letters, digits and + = , . @ _ - only)`,
      fix: `${copy}: no ${kind} has this name`,
    };
  }
  if (name.length > IAM_NAME_MAX) {
    return { message: `the ${kind} name is ${name.length} characters long; IAM allows at most ${IAM_NAME_MAX}`, fix: `${copy}: no ${kind} has a longer name` };
  }
  const badPath = NOT_PATH_CHARACTER.exec(path);
  if (badPath) {
    return {
      message: `the ${kind} path ${quote(path)} has ${quote(badPath[0])}, which IAM does not allow in paths ("!" to "~" only)`,
      fix: `${copy}, with its path`,
    };
  }
  if (path.length > IAM_PATH_MAX) {
    return { message: `the ${kind} path is ${path.length} characters long; IAM allows at most ${IAM_PATH_MAX}`, fix: `${copy}, with its path: no ${kind} has a longer path` };
  }
  // What is left of IAM's path pattern ("/", or "/", at least one character, "/") is the lone "//".
  return {
    message: `the ${kind} path ${quote(path)} has an empty segment ("//"), which IAM does not allow`,
    fix: `${copy}, with its path`,
  };
}
