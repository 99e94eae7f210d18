import { EAM203 } from '../../../src/validation/rules/eam203-fixed-name-role';
import { checkEntry, contextOf } from '../helpers';

const tokenPrincipal = (inAppWithFixedName: boolean) => ({
  display: '(token) Stack/Dev.Arn',
  identity: 'ref:Stack/Dev#Arn',
  facts: { kind: 'role' as const, name: inAppWithFixedName ? 'dev' : undefined, inAppWithFixedName },
});

describe('EAM203 in-app principal with a fixed name', () => {
  test('accepts an in-app role named by CDK', () => {
    expect(checkEntry(EAM203, {}, contextOf(), tokenPrincipal(false))).toEqual([]);
  });

  test('warns on an in-app role with a fixed name', () => {
    expect(checkEntry(EAM203, {}, contextOf(), tokenPrincipal(true))[0].message).toContain('the role "dev" of this app');
  });
});
