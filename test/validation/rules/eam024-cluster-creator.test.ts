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
  test('accepts the execution role when the creator gets no admin entry', () => {
    expect(checkEntry(EAM024, {}, withCluster(false), CREATOR)).toEqual([]);
  });

  test('accepts the execution role when the cluster is not in the app', () => {
    expect(checkEntry(EAM024, {}, contextOf(), CREATOR)).toEqual([]);
  });

  test('accepts another role', () => {
    expect(checkEntry(EAM024, {}, withCluster(true))).toEqual([]);
  });

  test('accepts a role whose name only starts like the execution role\'s', () => {
    expect(checkEntry(EAM024, {}, withCluster(true), `${CREATOR}_Admins`)).toEqual([]);
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

  test('fails on the CDK execution role of a cluster that gives its creator admin', () => {
    expect(checkEntry(EAM024, {}, withCluster(true), CREATOR)).toEqual([{
      field: '',
      message: 'is the CDK CloudFormation execution role, which creates the cluster S/Cluster; EKS already gives it an admin entry (bootstrapClusterCreatorAdminPermissions)',
      fix: FIX,
    }]);
  });
});
