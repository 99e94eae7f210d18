import { EAM102 } from '../../../src/validation/rules/eam102-kubectl-cluster';
import { checkAll } from '../helpers';
import { rbacContextOf } from '../rbac-helpers';

const problem = { message: 'the manager knows its cluster by `clusterName` only', fix: 'give `cluster`' };

describe('EAM102 a cluster that can apply the bindings', () => {
  test('fails when groups are declared and the cluster cannot apply manifests', () => {
    expect(checkAll(EAM102, [], rbacContextOf({ dev: { clusterRole: 'view' } }, { kubectlProblem: problem }))).toEqual([{
      field: 'groups',
      message: 'the manager knows its cluster by `clusterName` only, so the group bindings cannot be applied to it',
      fix: 'give `cluster`',
    }]);
  });

  test('accepts a manager without groups on such a cluster', () => {
    expect(checkAll(EAM102, [], rbacContextOf({}, { kubectlProblem: problem }))).toEqual([]);
  });

  test('accepts groups on a cluster that can apply them', () => {
    expect(checkAll(EAM102, [], rbacContextOf({ dev: { clusterRole: 'view' } }))).toEqual([]);
  });
});
