import { EAM003 } from '../../../src/validation/rules/eam003-principal-arn';
import { checkEntry, contextOf } from '../helpers';

const check = (principal: string) => checkEntry(EAM003, {}, contextOf(), principal);

describe('EAM003 principal is an IAM role or user ARN', () => {
  test.each([
    'arn:aws:iam::111122223333:role/dev',
    'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef',
    'arn:aws-cn:iam::111122223333:user/alice',
    'arn:aws-us-gov:iam::111122223333:user/people/bob@example.com',
  ])('accepts %s', (principal) => {
    expect(check(principal)).toEqual([]);
  });

  test('fails on an STS session ARN, and gives the role ARN to use', () => {
    const [violation] = check('arn:aws:sts::111122223333:assumed-role/dev/alice');
    expect(violation.message).toContain('STS assumed-role session');
    expect(violation.fix).toContain('arn:aws:iam::111122223333:role/<path/>dev');
  });

  test('fails on the STS session of an Identity Center role, and gives its path', () => {
    const [violation] = check('arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123/alice');
    expect(violation.fix).toContain('role/aws-reserved/sso.amazonaws.com/<region>/AWSReservedSSO_Admin_0123');
  });

  test('fails on an IAM group', () => {
    expect(check('arn:aws:iam::111122223333:group/admins')[0].message).toContain('IAM group');
  });

  test.each([
    ['platform-admins', 'is not an ARN'],
    ['arn:aws:iam::1111:role/dev', 'not a well-formed IAM role ARN'],
    ['arn:aws:iam::111122223333:policy/admin', 'names an IAM policy'],
    ['arn:aws:s3:::bucket', 'a resource of service "s3"'],
  ])('fails on %s', (principal, message) => {
    expect(check(principal)[0].message).toContain(message);
  });

  test('leaves the account root to EAM006', () => {
    expect(check('arn:aws:iam::111122223333:root')).toEqual([]);
  });
});
