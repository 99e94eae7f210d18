import { PrincipalModel } from '../../../src/private/model';
import { EAM005 } from '../../../src/validation/rules/eam005-service-linked-role';
import { checkEntry, contextOf } from '../helpers';

const check = (principal: string | PrincipalModel) => checkEntry(EAM005, {}, contextOf(), principal);

describe('EAM005 no service-linked roles', () => {
  test('accepts a role with another path', () => {
    expect(check('arn:aws:iam::111122223333:role/service-role/dev')).toEqual([]);
  });

  test('accepts an IAM user with an aws-service-role path: only roles are service-linked', () => {
    expect(check('arn:aws:iam::111122223333:user/aws-service-role/alice')).toEqual([]);
  });

  test('accepts an in-app role whose path is not known at synth time', () => {
    expect(check({ display: '(token) App/Stack/Role.Arn', identity: 'ref:App/Stack/Role#Arn', facts: { kind: 'role', name: 'dev' } })).toEqual([]);
  });

  test('fails on a service-linked role, and says to remove it', () => {
    expect(check('arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS')).toEqual([{
      field: '',
      message: 'is a service-linked role; EKS refuses access entries for them and manages their access itself',
      fix: 'remove this principal',
    }]);
  });
});
