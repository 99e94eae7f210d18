import { RuleContext } from '../../../src/validation/rule';
import { EAM205 } from '../../../src/validation/rules/eam205-likely-cluster-creator';
import { checkEntry, contextOf } from '../helpers';

const CREATOR = 'arn:aws:iam::111122223333:role/cdk-hnb659fds-cfn-exec-role-111122223333-eu-west-1';
const withCluster = (bootstrapCreatorAdmin: boolean): RuleContext => contextOf({
  cluster: { unknownFields: [], malformedFields: [], source: 'S/Access', inApp: { path: 'S/Cluster', bootstrapCreatorAdmin, eksManaged: [] } },
});

describe('EAM205 the principal is probably the cluster creator', () => {
  test('warns on the CDK execution role of a cluster that gives its creator admin', () => {
    expect(checkEntry(EAM205, {}, withCluster(true), CREATOR)).toEqual([{
      field: '',
      message: 'looks like the CDK CloudFormation execution role, which creates the cluster S/Cluster when it is deployed with the default bootstrap; EKS then already gives it an admin entry (bootstrapClusterCreatorAdminPermissions), and this one fails with 409',
      fix: 'remove this principal, or set bootstrapClusterCreatorAdminPermissions to false on the cluster; acknowledge `EAM205` if the cluster is deployed with other credentials',
    }]);
  });

  test('accepts the execution role when the creator gets no admin entry', () => {
    expect(checkEntry(EAM205, {}, withCluster(false), CREATOR)).toEqual([]);
  });

  test('accepts the execution role when the cluster is not in the app', () => {
    expect(checkEntry(EAM205, {}, contextOf(), CREATOR)).toEqual([]);
  });

  test('accepts the execution role when the cluster names its own creation role', () => {
    const withCreator = contextOf({
      cluster: { ...withCluster(true).cluster, inApp: { path: 'S/Cluster', bootstrapCreatorAdmin: true, creator: { key: 'ref:S/Creator#Arn', reason: 'r' }, eksManaged: [] } },
    });
    expect(checkEntry(EAM205, {}, withCreator, CREATOR)).toEqual([]);
  });

  test('accepts another role, and one whose name only starts like the execution role\'s', () => {
    expect(checkEntry(EAM205, {}, withCluster(true))).toEqual([]);
    expect(checkEntry(EAM205, {}, withCluster(true), `${CREATOR}_Admins`)).toEqual([]);
  });
});
