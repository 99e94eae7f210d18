import { EAM025 } from '../../../src/validation/rules/eam025-eks-managed-principal';
import { checkEntry, contextOf, DEV_ROLE } from '../helpers';

const NODES = 'arn:aws:iam::111122223333:role/nodes';
const context = contextOf({
  cluster: {
    unknownFields: [],
    malformedFields: [],
    source: 'S/Access',
    inApp: { path: 'S/Cluster', bootstrapCreatorAdmin: true, eksManaged: [{ key: NODES, reason: 'the node role of managed node group S/Cluster/Workers' }] },
  },
});

describe('EAM025 principals EKS makes entries for', () => {
  test('accepts a principal EKS does not manage', () => {
    expect(checkEntry(EAM025, {}, context, DEV_ROLE)).toEqual([]);
  });

  test('fails on a managed node group role, naming the node group', () => {
    expect(checkEntry(EAM025, { type: 'EC2_LINUX' }, context, NODES)).toEqual([{
      field: '',
      message: 'EKS already creates this entry: it is the node role of managed node group S/Cluster/Workers',
      fix: 'remove it from the map, or set `skipEksManagedPrincipals: true` to leave such principals out on purpose',
    }]);
  });

  test('fails on a token that resolves to the same role', () => {
    const token = { display: '(token) S/Nodes.Arn', identity: 'ref:S/Nodes#Arn', facts: { kind: 'role' as const, resolvedArn: NODES } };
    expect(checkEntry(EAM025, {}, context, token)).toHaveLength(1);
  });

  test('says why it cannot be left out when the manager leaves such principals out', () => {
    const skipping = contextOf({ cluster: { ...context.cluster, skipEksManagedPrincipals: true } });
    expect(checkEntry(EAM025, { type: 'EC2_LINUX' }, skipping, NODES)).toEqual([expect.objectContaining({
      fix: 'its entry was handed out (`entryFor()`, `entries` or `grant()`) before the app was complete, so `skipEksManagedPrincipals` cannot leave it out: remove the principal from the map, or stop using its entry',
    })]);
  });
});
