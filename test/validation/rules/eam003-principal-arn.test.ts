import { Stack, Token } from 'aws-cdk-lib';
import { describePrincipal } from '../../../src/principal';
import { EAM003 } from '../../../src/validation/rules/eam003-principal-arn';
import { checkEntry, contextOf } from '../helpers';

const check = (principal: string) => checkEntry(EAM003, {}, contextOf(), principal);

const ROLE_OR_USER = 'use the ARN of the IAM role or user that should get access';

describe('EAM003 principal is an IAM role or user ARN', () => {
  test.each([
    'arn:aws:iam::111122223333:role/dev',
    'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef',
    'arn:aws-cn:iam::111122223333:user/alice',
    'arn:aws-us-gov:iam::111122223333:user/people/bob@example.com',
  ])('accepts %s', (principal) => {
    expect(check(principal)).toEqual([]);
  });

  test('does not check a token principal, whose ARN is known only at deploy', () => {
    const principal = describePrincipal(new Stack(), Token.asString({ Ref: 'PrincipalArn' }));
    expect(checkEntry(EAM003, {}, contextOf(), principal)).toEqual([]);
  });

  test('fails on an STS session ARN, and gives the role ARN to use', () => {
    expect(check('arn:aws:sts::111122223333:assumed-role/dev/alice')).toEqual([{
      field: '',
      message: 'is an STS assumed-role session ARN, which EKS refuses ("principalArn parameter format is not valid")',
      fix: 'use the role\'s own ARN, with its path: arn:aws:iam::111122223333:role/<path/>dev',
    }]);
  });

  test('fails on the STS session of an Identity Center role, and gives its path', () => {
    const [violation] = check('arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123/alice');
    expect(violation.fix).toBe('use the role\'s own ARN, with its path: arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_Admin_0123');
  });

  test('gives the Identity Center path only to a role whose name starts with AWSReservedSSO_', () => {
    const [violation] = check('arn:aws:sts::111122223333:assumed-role/Team-AWSReservedSSO_Admin/alice');
    expect(violation.fix).toBe('use the role\'s own ARN, with its path: arn:aws:iam::111122223333:role/<path/>Team-AWSReservedSSO_Admin');
  });

  test('fails on an IAM group, and says how to grant its members', () => {
    expect(check('arn:aws:iam::111122223333:group/admins')).toEqual([{
      field: '',
      message: 'is an IAM group; groups cannot have access entries',
      fix: 'give the group\'s members a role to assume and grant that role, or grant each user',
    }]);
  });

  test('fails on a string that is not an ARN, with an example of one', () => {
    expect(check('platform-admins')).toEqual([{
      field: '',
      message: '"platform-admins" is not an ARN',
      fix: 'use the ARN of an IAM role or user, such as "arn:aws:iam::111122223333:role/my-role"',
    }]);
  });

  test.each([
    ['arn:aws:iam::1111:role/dev', 'role', 'arn:aws'],
    ['arn:aws:iam:eu-west-1:111122223333:role/dev', 'role', 'arn:aws'],
    ['arn:aws-cn:iam::1111:user/alice smith', 'user', 'arn:aws-cn'],
  ])('fails on the malformed IAM ARN %s, and shows the form to write', (principal, kind, prefix) => {
    expect(check(principal)).toEqual([{
      field: '',
      message: `"${principal}" is not a well-formed IAM ${kind} ARN (12-digit account, no region, valid name)`,
      fix: `write ${prefix}:iam::<12-digit account>:${kind}/<path/>name`,
    }]);
  });

  describe('IAM limits (CreateRole, CreateUser): a principal beyond them cannot exist', () => {
    const name = (length: number) => 'r'.repeat(length);
    /** A path of `length` characters, slashes included. */
    const path = (length: number) => `/${'p'.repeat(length - 2)}/`;

    test.each(['role', 'user'])('accepts a %s name of 64 characters', (kind) => {
      expect(check(`arn:aws:iam::111122223333:${kind}/${name(64)}`)).toEqual([]);
    });

    test.each(['role', 'user'])('fails on a %s name of 65 characters', (kind) => {
      expect(check(`arn:aws:iam::111122223333:${kind}/${name(65)}`)).toEqual([{
        field: '',
        message: `the ${kind} name is 65 characters long; IAM allows at most 64`,
        fix: `copy the ${kind}'s ARN from IAM: no ${kind} has a longer name`,
      }]);
    });

    test('accepts the longest IAM Identity Center role: a 32-character permission set name and its 16-digit suffix', () => {
      const role = `AWSReservedSSO_${'P'.repeat(32)}_0123456789abcdef`;
      expect(role).toHaveLength(64);
      expect(check(`arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/${role}`)).toEqual([]);
    });

    test('accepts every character IAM allows in a name', () => {
      expect(check('arn:aws:iam::111122223333:user/Az09+=,.@_-')).toEqual([]);
    });

    test.each([
      ['alice smith', ' '],
      ['café', 'é'],
      ['dev:admin', ':'],
    ])('fails on the user name %s, which IAM does not allow', (userName, character) => {
      expect(check(`arn:aws:iam::111122223333:user/${userName}`)).toEqual([{
        field: '',
        message: `the user name "${userName}" has "${character}", which IAM does not allow in names (letters, digits and + = , . @ _ - only)`,
        fix: 'copy the user\'s ARN from IAM: no user has this name',
      }]);
    });

    test('fails on a path with no name after it', () => {
      expect(check('arn:aws:iam::111122223333:user/ops/')).toEqual([{
        field: '',
        message: 'has no user name after its path',
        fix: 'write the name after the last "/": user/<path/>name',
      }]);
    });

    test('accepts a path of 512 characters', () => {
      expect(path(512)).toHaveLength(512);
      expect(check(`arn:aws:iam::111122223333:role${path(512)}dev`)).toEqual([]);
    });

    test('fails on a path of 513 characters', () => {
      expect(check(`arn:aws:iam::111122223333:role${path(513)}dev`)).toEqual([{
        field: '',
        message: 'the role path is 513 characters long; IAM allows at most 512',
        fix: 'copy the role\'s ARN from IAM, with its path: no role has a longer path',
      }]);
    });

    test('accepts a path of several segments with any printable ASCII character', () => {
      expect(check('arn:aws:iam::111122223333:role/team!~/a*b/dev')).toEqual([]);
    });

    test('fails on a path with a character outside printable ASCII', () => {
      expect(check('arn:aws:iam::111122223333:role/my team/dev')).toEqual([{
        field: '',
        message: 'the role path "/my team/" has " ", which IAM does not allow in paths ("!" to "~" only)',
        fix: 'copy the role\'s ARN from IAM, with its path',
      }]);
    });

    test('fails on an empty path segment', () => {
      expect(check('arn:aws:iam::111122223333:role//dev')).toEqual([{
        field: '',
        message: 'the role path "//" has an empty segment ("//"), which IAM does not allow',
        fix: 'copy the role\'s ARN from IAM, with its path',
      }]);
    });
  });

  test.each([
    ['arn:aws:iam::111122223333:policy/admin', 'names an IAM policy, not an IAM role or user'],
    ['arn:aws:iam::111122223333:assumed-role/dev/alice', 'names an IAM assumed-role, not an IAM role or user'],
    ['arn:aws:iam::111122223333:root/admin', 'names an IAM root, not an IAM role or user'],
    ['arn:aws:s3:::bucket', 'names a resource of service "s3", not an IAM role or user'],
    ['arn:aws:sts::111122223333:federated-user/alice', 'names a resource of service "sts", not an IAM role or user'],
    ['arn:aws:sts::111122223333:role/dev', 'names a resource of service "sts", not an IAM role or user'],
    ['arn:aws:resource-groups:eu-west-1:111122223333:group/admins', 'names a resource of service "resource-groups", not an IAM role or user'],
  ])('fails on %s, which is not an IAM role or user', (principal, message) => {
    expect(check(principal)).toEqual([{ field: '', message, fix: ROLE_OR_USER }]);
  });

  test('leaves the account root to EAM006', () => {
    expect(check('arn:aws:iam::111122223333:root')).toEqual([]);
  });

  test('fails on an account root ARN with a stray prefix, which is not an ARN', () => {
    expect(check(' arn:aws:iam::111122223333:root')[0].message).toBe('" arn:aws:iam::111122223333:root" is not an ARN');
  });

  test.each([
    ['13 digits', 'arn:aws:iam::1111222233334:role/dev'],
    ['a letter before 12 digits', 'arn:aws:iam::x111122223333:role/dev'],
  ])('fails on an account of %s', (_, arn) => {
    expect(check(arn)).toHaveLength(1);
  });
});
