import { PrincipalModel } from '../../../src/private/model';
import { EAM004 } from '../../../src/validation/rules/eam004-sso-role-path';
import { checkEntry, contextOf } from '../helpers';

const check = (principal: string | PrincipalModel) => checkEntry(EAM004, {}, contextOf(), principal);

/** An in-app role, written as a token, of which only some facts are known. */
const inAppRole = (facts: PrincipalModel['facts']): PrincipalModel => ({
  display: '(token) App/Stack/Role.Arn',
  tokenTarget: 'App/Stack/Role',
  identity: 'ref:App/Stack/Role#Arn',
  facts: { kind: 'role', ...facts },
});

describe('EAM004 Identity Center roles keep their path', () => {
  test('accepts an Identity Center role with its path', () => {
    expect(check('arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123')).toEqual([]);
  });

  test('accepts another role without a path', () => {
    expect(check('arn:aws:iam::111122223333:role/dev')).toEqual([]);
  });

  test('accepts an IAM user whose name looks like an Identity Center role', () => {
    expect(check('arn:aws:iam::111122223333:user/AWSReservedSSO_Admin_0123')).toEqual([]);
  });

  test('accepts an in-app role whose name is not known at synth time', () => {
    expect(check(inAppRole({ path: '/' }))).toEqual([]);
  });

  test('accepts an in-app Identity Center-named role whose path is not known at synth time', () => {
    expect(check(inAppRole({ name: 'AWSReservedSSO_Admin_0123' }))).toEqual([]);
  });

  test('accepts an in-app role with an Identity Center name at another path: the app creates it, so it exists', () => {
    expect(check(inAppRole({ name: 'AWSReservedSSO_Admin_0123', path: '/', partition: 'aws', account: '111122223333' }))).toEqual([]);
  });

  test('fails when an Identity Center role has lost its path (as aws-auth wanted it), and gives the ARN to write', () => {
    expect(check('arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_0123')).toEqual([{
      field: '',
      message: 'is an IAM Identity Center role without its aws-reserved/sso.amazonaws.com/ path, so it names no role; EKS will answer "invalid principal"',
      fix: 'copy the role ARN from IAM, with its path: arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_Admin_0123 (no region segment when IAM Identity Center is in us-east-1)',
    }]);
  });

  test('accepts the path without a region segment, as Identity Center writes it in us-east-1', () => {
    expect(check('arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef')).toEqual([]);
  });

  test('fails when the Identity Center path is not at the start of the role path, in the ARN\'s own partition', () => {
    expect(check('arn:aws-cn:iam::111122223333:role/team/aws-reserved/sso.amazonaws.com/cn-north-1/AWSReservedSSO_Admin_0123')).toEqual([
      expect.objectContaining({
        field: '',
        fix: expect.stringContaining('arn:aws-cn:iam::111122223333:role/aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_Admin_0123'),
      }),
    ]);
  });

  test('accepts a role of this app named like an Identity Center role, wherever the app puts it', () => {
    expect(check(inAppRole({ name: 'AWSReservedSSO_Admin_0123456789abcdef', path: '/' }))).toEqual([]);
  });

  test('accepts an IAM user named like an Identity Center role', () => {
    expect(check('arn:aws:iam::111122223333:user/AWSReservedSSO_Admin_0123456789abcdef')).toEqual([]);
  });
});
