import { EAM208 } from '../../../src/validation/rules/eam208-wide-rbac-rule';
import { checkAll } from '../helpers';
import { rbacContextOf } from '../rbac-helpers';

const withRule = (rule: object) => checkAll(EAM208, [], rbacContextOf({ ops: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'], ...rule }] } }));

describe('EAM208 wildcards in a group\'s rules', () => {
  test('accepts a rule that lists its verbs and resources', () => {
    expect(withRule({ verbs: ['get', 'list'], resources: ['pods', 'pods/log'] })).toEqual([]);
  });

  test('accepts "*" in the API groups alone', () => {
    expect(withRule({ apiGroups: ['*'] })).toEqual([]);
  });

  test('warns on "*" in the verbs', () => {
    expect(withRule({ verbs: ['get', '*'] })).toEqual([{
      group: 'ops',
      field: 'rules[0].verbs[1]',
      message: '"*" is every verb, `escalate`, `bind` and `impersonate` included',
      fix: 'list the verbs the group needs; acknowledge this warning if every one is intended',
    }]);
  });

  test('warns on "*" in the resources', () => {
    expect(withRule({ resources: ['*'] })).toEqual([expect.objectContaining({
      field: 'rules[0].resources[0]',
      message: '"*" is every resource of the rule\'s API groups, secrets and future custom resources included',
    })]);
  });
});
