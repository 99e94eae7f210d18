import { EAM203 } from '../../../src/validation/rules/eam203-fixed-name-role';
import { checkEntry, contextOf } from '../helpers';

const tokenPrincipal = (inAppWithFixedName: boolean, kind: 'role' | 'user' = 'role') => ({
  display: '(token) Stack/Dev.Arn',
  identity: 'ref:Stack/Dev#Arn',
  facts: { kind, name: inAppWithFixedName ? 'dev' : undefined, inAppWithFixedName },
});

describe('EAM203 in-app principal with a fixed name', () => {
  test('accepts an in-app role named by CDK', () => {
    expect(checkEntry(EAM203, {}, contextOf(), tokenPrincipal(false))).toEqual([]);
  });

  test.each(['role', 'user'] as const)('warns on an in-app %s with a fixed name', (kind) => {
    expect(checkEntry(EAM203, {}, contextOf(), tokenPrincipal(true, kind))).toEqual([{
      field: '',
      message: `is the ${kind} "dev" of this app, with a fixed name; if CloudFormation replaces it, EKS stops recognising it and the entry grants nothing`,
      fix: `let CDK name the ${kind} (remove its fixed name), or recreate the entry whenever the ${kind} is replaced; acknowledge this warning if you do`,
    }]);
  });
});
