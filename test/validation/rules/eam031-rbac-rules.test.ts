import { Token } from 'aws-cdk-lib';
import { KUBERNETES_VERBS } from '../../../src/rbac/rbac-vocabulary';
import { EAM031 } from '../../../src/validation/rules/eam031-rbac-rules';
import { checkAll } from '../helpers';
import { rbacContextOf } from '../rbac-helpers';

const withRules = (...rules: unknown[]) => checkAll(EAM031, [], rbacContextOf({ readers: { rules } }));
const rule = (verbs: unknown[], more: object = {}) => ({ apiGroups: [''], resources: ['pods'], verbs, ...more });

describe('EAM031 rules of a group\'s ClusterRole', () => {
  test('accepts every Kubernetes verb, and "*"', () => {
    expect(withRules(rule([...KUBERNETES_VERBS, '*']), rule(['get'], { resourceNames: ['web'] }))).toEqual([]);
  });

  test('accepts a group that binds a ClusterRole', () => {
    expect(checkAll(EAM031, [], rbacContextOf({ viewers: { clusterRole: 'view' } }))).toEqual([]);
  });

  test('fails on a misspelt verb, with the verb it likely is', () => {
    expect(withRules(rule(['get', 'lisst']))).toEqual([{
      group: 'readers',
      field: 'rules[0].verbs[1]',
      message: '"lisst" is not a Kubernetes verb; no request would match it',
      fix: 'did you mean "list"?',
    }]);
  });

  test('fails on an upper-case verb: Kubernetes compares verbs as written', () => {
    expect(withRules(rule(['GET']))[0].fix).toBe('did you mean "get"?');
  });

  test('lists the verbs when nothing is close', () => {
    expect(withRules(rule(['read-everything']))[0].fix).toBe(`use ${KUBERNETES_VERBS.map((v) => `"${v}"`).join(', ')} or "*"`);
  });

  test('skips a verb that is a token', () => {
    expect(withRules(rule([Token.asString({ Ref: 'Verb' })]))).toEqual([]);
  });

  test('fails on a rule without verbs, API groups or resources, which Kubernetes refuses', () => {
    expect(withRules({ apiGroups: [], resources: [], verbs: [] })).toEqual([
      { group: 'readers', field: 'rules[0].verbs', message: 'is empty; Kubernetes refuses a rule without a verb', fix: 'list the verbs' },
      { group: 'readers', field: 'rules[0].apiGroups', message: 'is empty; Kubernetes refuses a rule without an API group', fix: 'list the API groups; `""` is the core group (pods, services, secrets)' },
      { group: 'readers', field: 'rules[0].resources', message: 'is empty; Kubernetes refuses a rule without a resource', fix: 'list the resources' },
    ]);
  });

  test('leaves a rule that lacks a key to the shape check (EAM101), without failing itself', () => {
    expect(withRules({ resources: ['pods'], verbs: ['get'] })).toEqual([]);
  });

  test('fails on an empty rule list, which would grant nothing', () => {
    expect(withRules()).toEqual([{
      group: 'readers',
      field: 'rules',
      message: 'lists no rule; the ClusterRole would grant nothing',
      fix: 'list the rules, or bind an existing ClusterRole with `clusterRole`',
    }]);
  });
});
