import { EAM012 } from '../../../src/validation/rules/eam012-kubernetes-groups';
import { checkEntry } from '../helpers';

describe('EAM012 Kubernetes groups', () => {
  test('accepts groups of your own', () => {
    expect(checkEntry(EAM012, { kubernetesGroups: ['dev-team', 'readers', 'systems'] })).toEqual([]);
  });

  test('fails on system:masters and points to the cluster admin policy', () => {
    const [violation] = checkEntry(EAM012, { kubernetesGroups: ['dev', 'system:masters'] });
    expect(violation.field).toBe('kubernetesGroups[1]');
    expect(violation.fix).toBe('grant AmazonEKSClusterAdminPolicy at cluster scope instead');
  });

  test('fails on any other system: group', () => {
    expect(checkEntry(EAM012, { kubernetesGroups: ['system:authenticated'] })[0].message).toContain('"system:authenticated"');
  });

  test('fails on a duplicate and on an empty name', () => {
    const violations = checkEntry(EAM012, { kubernetesGroups: ['dev', '', 'dev'] });
    expect(violations.map((v) => v.field)).toEqual(['kubernetesGroups[1]', 'kubernetesGroups[2]']);
  });
});
