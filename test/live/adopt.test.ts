import { liveEntry, ROLE, snapshotOf } from './plan-helpers';
import { AccessMapFile } from '../../src';
import { formatMap } from '../../src/cli/format-map';
import { adoptSnapshot } from '../../src/live/adopt';
import { eksMadeReason } from '../../src/live/eks-made';

describe('adoptSnapshot', () => {
  test('creates an access map of what differs from what EKS sets anyway', () => {
    const adoption = adoptSnapshot(snapshotOf([
      liveEntry(ROLE('ops'), [{ name: 'AmazonEKSEditPolicy', namespaces: ['dev', 'feature-*'] }, { name: 'AmazonEKSViewPolicy' }],
        { 'team': 'ops', 'aws:cloudformation:stack-name': 'Old' }, { kubernetesGroups: ['ops-team'] }),
      liveEntry(ROLE('ci'), [], {}, { username: 'ci:{{SessionName}}', kubernetesGroups: ['deployers'] }),
      liveEntry(ROLE('self-managed-nodes'), [], {}, { type: 'EC2_LINUX', username: 'system:node:{{EC2PrivateDNSName}}', kubernetesGroups: ['system:nodes'] }),
    ]));
    expect(adoption.principals).toEqual({
      [ROLE('ops')]: {
        kubernetesGroups: ['ops-team'],
        accessPolicies: [
          { policy: 'AmazonEKSEditPolicy', accessScope: { type: 'namespace', namespaces: ['dev', 'feature-*'] } },
          { policy: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster' } },
        ],
        tags: { team: 'ops' },
      },
      [ROLE('ci')]: { username: 'ci:{{SessionName}}', kubernetesGroups: ['deployers'] },
      [ROLE('self-managed-nodes')]: { type: 'EC2_LINUX' },
    });
    expect(adoption.leftOut).toEqual([]);
    expect(adoption.findings).toEqual([]);
  });

  test('leaves out, and names, the entries EKS made itself', () => {
    const adoption = adoptSnapshot(snapshotOf([
      liveEntry(ROLE('ops'), [{ name: 'AmazonEKSViewPolicy' }]),
      liveEntry(ROLE('ng-nodes'), [], {}, { type: 'EC2_LINUX' }),
      liveEntry(ROLE('pods'), [], {}, { type: 'FARGATE_LINUX' }),
      liveEntry(ROLE('auto-nodes'), [{ name: 'AmazonEKSAutoNodePolicy' }], {}, { type: 'EC2' }),
      liveEntry(ROLE('argocd'), [{ name: 'AmazonEKSArgoCDClusterPolicy' }]),
      liveEntry(ROLE('aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS'), [{ name: 'AmazonEKSEventPolicy' }]),
      liveEntry(ROLE('creator'), [{ name: 'AmazonEKSClusterAdminPolicy' }], {}, { createdAt: '2026-01-10T08:09:00.000Z' }),
    ], {
      nodegroups: [{ nodegroupName: 'ng-1', nodeRole: ROLE('ng-nodes') }],
      fargateProfiles: [{ fargateProfileName: 'default', podExecutionRoleArn: ROLE('pods') }],
      computeConfig: { enabled: true, nodeRoleArn: ROLE('auto-nodes') },
    }));
    expect(Object.keys(adoption.principals)).toEqual([ROLE('ops')]);
    expect(adoption.leftOut).toEqual([
      { principalArn: ROLE('ng-nodes'), reason: 'EKS made it for the node role of managed node group ng-1' },
      { principalArn: ROLE('pods'), reason: 'EKS made it for the pod execution role of Fargate profile default' },
      { principalArn: ROLE('auto-nodes'), reason: 'EKS made it for the Auto Mode node role' },
      { principalArn: ROLE('argocd'), reason: 'EKS made it for the role of an EKS capability (Argo CD, ACK, kro) (it holds AmazonEKSArgoCDClusterPolicy)' },
      { principalArn: ROLE('aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS'), reason: 'EKS made it for a service-linked role' },
      { principalArn: ROLE('creator'), reason: 'probably EKS made it for the cluster\'s creator (bootstrapClusterCreatorAdminPermissions; created with the cluster, 2026-01-10T08:09:00.000Z)' },
    ]);
  });

  test('creates a map the library loads, in every format of migrate', () => {
    const adoption = adoptSnapshot(snapshotOf([liveEntry(ROLE('ops'), [{ name: 'AmazonEKSViewPolicy' }])]));
    expect(formatMap(adoption.principals, 'ts')).toContain('policy: EksAccessPolicy.VIEW');
    const json = JSON.parse(formatMap(adoption.principals, 'json'));
    expect(json.principals[ROLE('ops')].accessPolicies[0].policy).toBe('AmazonEKSViewPolicy');
    expect(Object.keys(AccessMapFile.parse(formatMap(adoption.principals, 'yaml'), 'adopted.yaml').principals)).toEqual([ROLE('ops')]);
  });

  test('fails a rule on a live entry that breaks one, as migrate does', () => {
    const adoption = adoptSnapshot(snapshotOf([liveEntry(ROLE('legacy'), [], {}, { kubernetesGroups: ['system:masters'] })]));
    expect(adoption.findings.map((f) => f.ruleId)).toEqual(['EAM012']);
  });
});

describe('eksMadeReason', () => {
  test('fails to call an entry EKS-made when nothing says so', () => {
    const snapshot = snapshotOf([]);
    expect(eksMadeReason(liveEntry(ROLE('ops'), [{ name: 'AmazonEKSClusterAdminPolicy' }], {}, { createdAt: '2026-06-01T00:00:00.000Z' }), snapshot)).toBeUndefined();
    expect(eksMadeReason(liveEntry(ROLE('early'), [{ name: 'AmazonEKSClusterAdminPolicy' }], {}, { createdAt: '2026-01-10T08:05:00.000Z' }),
      { ...snapshot, bootstrapClusterCreatorAdminPermissions: false })).toBeUndefined();
    expect(eksMadeReason(liveEntry(ROLE('custom-nodes'), [{ name: 'AmazonEKSAutoNodePolicy' }], {}, { type: 'EC2' }),
      { ...snapshot, computeConfig: { enabled: true, nodeRoleArn: ROLE('auto-nodes') } })).toBeUndefined();
  });

  test('creates a reason for a node role written with its path in one place and without in the other', () => {
    const snapshot = snapshotOf([], { nodegroups: [{ nodegroupName: 'ng', nodeRole: 'arn:aws:iam::111122223333:role/nodes/ng-role' }] });
    expect(eksMadeReason(liveEntry(ROLE('ng-role'), []), snapshot)).toBe('EKS made it for the node role of managed node group ng');
  });
});
