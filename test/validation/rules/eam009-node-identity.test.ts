import { AccessEntryType } from '../../../src';
import { EAM009 } from '../../../src/validation/rules/eam009-node-identity';
import { checkEntry } from '../helpers';

const NODE_TYPES = Object.values(AccessEntryType).filter((t) => t !== AccessEntryType.STANDARD);

describe('EAM009 node entries take no username or groups', () => {
  test('accepts a username and groups on a STANDARD entry', () => {
    expect(checkEntry(EAM009, { username: 'dev:{{SessionName}}', kubernetesGroups: ['dev'] })).toEqual([]);
  });

  test.each(NODE_TYPES)('accepts a bare %s entry', (type) => {
    expect(checkEntry(EAM009, { type })).toEqual([]);
  });

  test.each(NODE_TYPES)('fails when a %s entry sets a username or groups', (type) => {
    const violations = checkEntry(EAM009, { type, username: 'node', kubernetesGroups: ['system:bootstrappers'] });
    expect(violations.map((v) => v.field)).toEqual(['username', 'kubernetesGroups']);
  });

  test('says why a node entry takes no username or groups, and how to fix it', () => {
    expect(checkEntry(EAM009, { type: 'EC2_LINUX', username: 'node', kubernetesGroups: ['system:bootstrappers'] })).toEqual([
      {
        field: 'username',
        message: 'a node entry (EC2_LINUX) cannot set a username; EKS sets it for nodes',
        fix: 'remove `username`, or use type STANDARD if this principal is not a node',
      },
      {
        field: 'kubernetesGroups',
        message: 'a node entry (EC2_LINUX) cannot set Kubernetes groups; EKS sets them for nodes',
        fix: 'remove `kubernetesGroups`, or use type STANDARD if this principal is not a node',
      },
    ]);
  });

  test('accepts an empty group list on a node entry (it grants nothing)', () => {
    expect(checkEntry(EAM009, { type: 'EC2_LINUX', kubernetesGroups: [] })).toEqual([]);
  });
});
