import { EAM004 } from '../../../src/validation/rules/eam004-sso-role-path';
import { checkEntry, contextOf } from '../helpers';

const check = (principal: string) => checkEntry(EAM004, {}, contextOf(), principal);

describe('EAM004 Identity Center roles keep their path', () => {
  test('accepts an Identity Center role with its path', () => {
    expect(check('arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123')).toEqual([]);
  });

  test('accepts another role without a path', () => {
    expect(check('arn:aws:iam::111122223333:role/dev')).toEqual([]);
  });

  test('warns when an Identity Center role has lost its path (as aws-auth wanted it)', () => {
    const [violation] = check('arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_0123');
    expect(violation.message).toContain('without its aws-reserved/sso.amazonaws.com/ path');
    expect(violation.fix).toContain('role/aws-reserved/sso.amazonaws.com/<region>/AWSReservedSSO_Admin_0123');
  });
});
