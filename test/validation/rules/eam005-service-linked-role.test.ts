import { EAM005 } from '../../../src/validation/rules/eam005-service-linked-role';
import { checkEntry, contextOf } from '../helpers';

const check = (principal: string) => checkEntry(EAM005, {}, contextOf(), principal);

describe('EAM005 no service-linked roles', () => {
  test('accepts a role with another path', () => {
    expect(check('arn:aws:iam::111122223333:role/service-role/dev')).toEqual([]);
  });

  test('fails on a service-linked role', () => {
    const [violation] = check('arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS');
    expect(violation.message).toContain('service-linked role');
  });
});
