import { RuleContext } from '../../../src/validation/rule';
import { EAM024 } from '../../../src/validation/rules/eam024-cluster-creator';
import { checkEntry, contextOf } from '../helpers';

const CREATOR = 'arn:aws:iam::111122223333:role/cdk-hnb659fds-cfn-exec-role-111122223333-eu-west-1';
const FIX = 'remove this principal, or set bootstrapClusterCreatorAdminPermissions to false on the cluster';
const withCluster = (bootstrapCreatorAdmin: boolean) => contextOf({
  cluster: { unknownFields: [], malformedFields: [], source: 'S/Access', inApp: { path: 'S/Cluster', bootstrapCreatorAdmin, eksManaged: [] } },
});
/** An aws-eks cluster of the app, which creates itself with its own role. */
const withCreatorRole: RuleContext = contextOf({
  cluster: {
    unknownFields: [],
    malformedFields: [],
    source: 'S/Access',
    inApp: { path: 'S/Cluster', bootstrapCreatorAdmin: true, creator: { key: 'ref:S/Creator#Arn', reason: 'the role that creates cluster S/Cluster' }, eksManaged: [] },
  },
});

describe('EAM024 the cluster creator already has an entry', () => {
  test('accepts the CDK execution role: who creates a cluster without a creation role is a guess (EAM205)', () => {
    expect(checkEntry(EAM024, {}, withCluster(true), CREATOR)).toEqual([]);
  });

  test('accepts the creation role when the creator gets no admin entry', () => {
    const inApp = { ...withCreatorRole.cluster.inApp!, bootstrapCreatorAdmin: false };
    const noAdmin = contextOf({ cluster: { ...withCreatorRole.cluster, inApp } });
    const token = { display: '(token) S/Creator.Arn', identity: 'ref:S/Creator#Arn', facts: {} };
    expect(checkEntry(EAM024, {}, noAdmin, token)).toEqual([]);
  });

  test('fails on the in-app creation role of a cluster that gives its creator admin', () => {
    const token = { display: '(token) S/Creator.Arn', identity: 'ref:S/Creator#Arn', facts: {} };
    expect(checkEntry(EAM024, {}, withCreatorRole, token)).toEqual([{
      field: '',
      message: 'is the role that creates cluster S/Cluster; EKS already gives it an admin entry (bootstrapClusterCreatorAdminPermissions)',
      fix: FIX,
    }]);
  });

  test('accepts another role, and the execution role, when the cluster has its own creation role', () => {
    expect(checkEntry(EAM024, {}, withCreatorRole)).toEqual([]);
    expect(checkEntry(EAM024, {}, withCreatorRole, CREATOR)).toEqual([]);
  });
});
