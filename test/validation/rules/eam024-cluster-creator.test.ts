import { EAM024 } from '../../../src/validation/rules/eam024-cluster-creator';
import { checkEntry, contextOf } from '../helpers';

const CREATOR = 'arn:aws:iam::111122223333:role/cdk-hnb659fds-cfn-exec-role-111122223333-eu-west-1';
const withCluster = (bootstrapCreatorAdmin: boolean) => contextOf({
  cluster: { unknownFields: [], malformedFields: [], source: 'S/Access', inApp: { path: 'S/Cluster', bootstrapCreatorAdmin, eksManaged: [] } },
});

describe('EAM024 the cluster creator already has an entry', () => {
  test('accepts the execution role when the creator gets no admin entry', () => {
    expect(checkEntry(EAM024, {}, withCluster(false), CREATOR)).toEqual([]);
  });

  test('accepts the execution role when the cluster is not in the app', () => {
    expect(checkEntry(EAM024, {}, contextOf(), CREATOR)).toEqual([]);
  });

  test('accepts another role', () => {
    expect(checkEntry(EAM024, {}, withCluster(true))).toEqual([]);
  });

  test('fails on the in-app creation role of a cluster that gives its creator admin', () => {
    const context = contextOf({
      cluster: {
        unknownFields: [],
        malformedFields: [],
        source: 'S/Access',
        inApp: { path: 'S/Cluster', bootstrapCreatorAdmin: true, creator: { key: 'ref:S/Creator#Arn', reason: 'the role that creates cluster S/Cluster' }, eksManaged: [] },
      },
    });
    const token = { display: '(token) S/Creator.Arn', identity: 'ref:S/Creator#Arn', facts: {} };
    expect(checkEntry(EAM024, {}, context, token)[0].message).toContain('is the role that creates cluster S/Cluster');
  });

  test('fails on the CDK execution role of a cluster that gives its creator admin', () => {
    expect(checkEntry(EAM024, {}, withCluster(true), CREATOR)[0].fix).toContain('bootstrapClusterCreatorAdminPermissions to false');
  });
});
