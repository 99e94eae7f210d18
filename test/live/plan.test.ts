import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { cfnTags, liveEntry, logicalIdOf, ROLE, snapshotOf, stackIn, synth } from './plan-helpers';
import { AccessEntryType, AccessScopeType, EksAccessManager, EksAccessPolicy, ShardLayout } from '../../src';
import { declaredClusterOf } from '../../src/live/declared-entries';
import { writeImportMappings } from '../../src/live/import-plan';
import { StackResources } from '../../src/live/ownership';
import { DeployPlan, planDeploy, PlanAction } from '../../src/live/plan';
import { planFails, renderPlanJson, renderPlanText } from '../../src/live/render-plan';
import { ClusterSnapshot } from '../../src/live/snapshot';

const VIEW = { policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } };
const EDIT_DEV = { policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['dev'] } };

/** One manager in stack Platform granting on cluster prod. */
function platform(principals: Record<string, object>, props: object = {}): string {
  return synth((app: App) => {
    new EksAccessManager(stackIn(app, 'Platform'), 'Access', { clusterName: 'prod', principals, ...props });
  });
}

function plan(outdir: string, snapshot: ClusterSnapshot, resources?: StackResources): DeployPlan {
  return planDeploy(declaredClusterOf(outdir, snapshot, 'live.json'), snapshot, resources);
}

function actions(p: DeployPlan): Record<string, string> {
  return Object.fromEntries(p.changes.map((c) => [c.principalArn.replace(/^.*\//, ''), c.action]));
}

function change(p: DeployPlan, name: string) {
  return p.changes.find((c) => c.principalArn.endsWith(`/${name}`))!;
}

describe('planDeploy', () => {
  test('creates one action per principal: create, update, unchanged, delete, undeclared', () => {
    const outdir = platform({ [ROLE('new')]: { accessPolicies: [VIEW] }, [ROLE('ops')]: { accessPolicies: [EDIT_DEV] }, [ROLE('same')]: { accessPolicies: [VIEW] } });
    const id = (name: string) => logicalIdOf(outdir, 'Platform.template.json', ROLE(name));
    const p = plan(outdir, snapshotOf([
      liveEntry(ROLE('ops'), [{ name: 'AmazonEKSViewPolicy' }], cfnTags('Platform', id('ops'))),
      liveEntry(ROLE('same'), [{ name: 'AmazonEKSViewPolicy' }], cfnTags('Platform', id('same'))),
      liveEntry(ROLE('old'), [{ name: 'AmazonEKSAdminPolicy' }], cfnTags('Platform', 'AccessroleoldDEADBEEF')),
      liveEntry(ROLE('terraform'), [{ name: 'AmazonEKSViewPolicy' }]),
    ]));
    expect(actions(p)).toEqual({ new: 'create', ops: 'update', same: 'unchanged', old: 'delete', terraform: 'undeclared' });
    expect(change(p, 'new')).toMatchObject({ stack: 'Platform', logicalId: id('new'), widening: true, detail: 'gets an entry: STANDARD with AmazonEKSViewPolicy at cluster scope' });
    expect(change(p, 'ops')).toMatchObject({ widening: true, detail: 'gains AmazonEKSEditPolicy in namespace dev; loses AmazonEKSViewPolicy at cluster scope' });
    expect(change(p, 'old').detail).toContain('stack Platform no longer declares it');
    expect(change(p, 'terraform').detail).toBe('made outside this app (by hand, eksctl, Terraform or another tool); the deploy leaves it alone');
    expect(planFails(p)).toBe(false);
  });

  test('creates an update that narrows without widening, and one for tags alone', () => {
    const outdir = platform({ [ROLE('ops')]: { accessPolicies: [VIEW] }, [ROLE('tagged')]: { accessPolicies: [VIEW], tags: { team: 'a' } } });
    const id = (name: string) => logicalIdOf(outdir, 'Platform.template.json', ROLE(name));
    const p = plan(outdir, snapshotOf([
      liveEntry(ROLE('ops'), [{ name: 'AmazonEKSViewPolicy' }, { name: 'AmazonEKSEditPolicy', namespaces: ['dev'] }], cfnTags('Platform', id('ops'))),
      liveEntry(ROLE('tagged'), [{ name: 'AmazonEKSViewPolicy' }], { ...cfnTags('Platform', id('tagged')), team: 'b' }),
    ]));
    expect(change(p, 'ops')).toMatchObject({ action: PlanAction.UPDATE, widening: false, detail: 'loses AmazonEKSEditPolicy in namespace dev' });
    expect(change(p, 'tagged')).toMatchObject({ action: PlanAction.UPDATE, widening: false, detail: 'tags change: team: b -> a' });
  });

  test('fails with a conflict on an entry without a sign of an owner, and says when EKS made it', () => {
    const outdir = platform({ [ROLE('handmade')]: { accessPolicies: [VIEW] }, [ROLE('nodes')]: { type: AccessEntryType.EC2_LINUX } });
    const p = plan(outdir, snapshotOf([
      liveEntry(ROLE('handmade'), [{ name: 'AmazonEKSViewPolicy' }]),
      liveEntry(ROLE('nodes'), [], {}, { type: 'EC2_LINUX', username: 'system:node:{{EC2PrivateDNSName}}', kubernetesGroups: ['system:nodes'] }),
    ], { nodegroups: [{ nodegroupName: 'ng-1', nodeRole: ROLE('nodes') }] }));
    expect(actions(p)).toEqual({ handmade: 'conflict', nodes: 'conflict' });
    expect(change(p, 'handmade').detail).toBe('an entry exists that no stack of this app made (no aws:cloudformation tags: made by hand, eksctl, Terraform or another tool): '
      + 'the deploy would fail with 409 ResourceInUseException');
    expect(change(p, 'handmade').fix).toBe('import it into Platform with cdk import (--import-mapping writes the mapping), or remove the principal from the app');
    expect(change(p, 'nodes').detail).toContain('(EKS made it for the node role of managed node group ng-1)');
    expect(change(p, 'nodes').fix).toContain('remove the principal from the app (EKS manages this entry');
    expect(planFails(p)).toBe(true);
  });

  test('creates an undeclared action for a node role EKS made, naming its node group', () => {
    const outdir = platform({ [ROLE('ops')]: { accessPolicies: [VIEW] } });
    const p = plan(outdir, snapshotOf([
      liveEntry(ROLE('ng-nodes'), [], {}, { type: 'EC2_LINUX' }),
    ], { nodegroups: [{ nodegroupName: 'ng-1', nodeRole: ROLE('ng-nodes') }] }));
    expect(change(p, 'ng-nodes')).toMatchObject({ action: PlanAction.UNDECLARED, widening: false, detail: 'EKS made it for the node role of managed node group ng-1; the deploy leaves it alone' });
  });

  test('fails with a conflict when another stack of the app owns the entry (a principal that moved)', () => {
    const outdir = synth((app) => {
      new EksAccessManager(stackIn(app, 'Platform'), 'Access', { clusterName: 'prod', principals: { [ROLE('keep')]: { accessPolicies: [VIEW] } } });
      new EksAccessManager(stackIn(app, 'Teams'), 'Access', { clusterName: 'prod', principals: { [ROLE('moved')]: { accessPolicies: [VIEW] } } });
    });
    const p = plan(outdir, snapshotOf([
      liveEntry(ROLE('keep'), [{ name: 'AmazonEKSViewPolicy' }], cfnTags('Platform', logicalIdOf(outdir, 'Platform.template.json', ROLE('keep')))),
      liveEntry(ROLE('moved'), [{ name: 'AmazonEKSViewPolicy' }], cfnTags('Platform', 'AccessrolemovedABCDEF12')),
    ]));
    expect(change(p, 'moved')).toMatchObject({ action: PlanAction.CONFLICT, stack: 'Teams' });
    expect(change(p, 'moved').detail).toContain('its entry belongs to stack Platform of this app as AccessrolemovedABCDEF12');
    expect(change(p, 'moved').fix).toContain('deploy Platform first');
    expect(p.imports).toEqual([]);
  });

  test('fails with a conflict on an owned entry whose type changes (a replacement)', () => {
    const outdir = platform({ [ROLE('nodes')]: { type: AccessEntryType.EC2_LINUX } });
    const p = plan(outdir, snapshotOf([
      liveEntry(ROLE('nodes'), [], cfnTags('Platform', logicalIdOf(outdir, 'Platform.template.json', ROLE('nodes')))),
    ]));
    expect(change(p, 'nodes').action).toBe(PlanAction.CONFLICT);
    expect(change(p, 'nodes').detail).toMatch(/^its type changes from STANDARD to EC2_LINUX.*EKS answers 409$/);
  });

  test('creates the action of a principal whose ARN is a token from the entry its tags name', () => {
    let id = '';
    const outdir = synth((app) => {
      const stack = stackIn(app, 'Platform');
      const role = new iam.Role(stack, 'Deployer', { assumedBy: new iam.AccountRootPrincipal() });
      new EksAccessManager(stack, 'Access', { clusterName: 'prod' }).addRole(role, { accessPolicies: [VIEW] });
      const generated = new EksAccessManager(stack, 'Other', { clusterName: 'prod' });
      generated.addRole(new iam.Role(stack, 'Fresh', { assumedBy: new iam.AccountRootPrincipal() }), { accessPolicies: [VIEW] });
    });
    const resources = JSON.parse(readFileSync(join(outdir, 'Platform.template.json'), 'utf8')).Resources;
    id = Object.keys(resources).find((k) => resources[k].Type === 'AWS::EKS::AccessEntry' && JSON.stringify(resources[k].Properties.PrincipalArn).includes('Deployer'))!;
    const p = plan(outdir, snapshotOf([liveEntry(ROLE('Platform-Deployer-1A2B3C'), [{ name: 'AmazonEKSViewPolicy' }], cfnTags('Platform', id))]));
    expect(change(p, 'Platform-Deployer-1A2B3C')).toMatchObject({ action: PlanAction.UNCHANGED, logicalId: id });
    const created = p.changes.find((c) => c.action === PlanAction.CREATE)!;
    expect(created.principalArn).toMatch(/^\(token\) Fresh/);
    expect(created.detail).toContain('its ARN is known at deploy');
  });

  test('takes the owner from describe-stack-resources when an imported entry has no tags', () => {
    const outdir = platform({ [ROLE('imported')]: { accessPolicies: [VIEW] } });
    const id = logicalIdOf(outdir, 'Platform.template.json', ROLE('imported'));
    const snapshot = snapshotOf([liveEntry(ROLE('imported'), [{ name: 'AmazonEKSViewPolicy' }])]);
    expect(change(plan(outdir, snapshot), 'imported').action).toBe(PlanAction.CONFLICT);
    const resources = StackResources.parse(JSON.stringify({
      StackResources: [
        { StackName: 'Platform', LogicalResourceId: id, PhysicalResourceId: `${ROLE('imported')}|prod`, ResourceType: 'AWS::EKS::AccessEntry', ResourceStatus: 'IMPORT_COMPLETE' },
        { StackName: 'Platform', LogicalResourceId: 'CDKMetadata', PhysicalResourceId: 'x', ResourceType: 'AWS::CDK::Metadata', ResourceStatus: 'CREATE_COMPLETE' },
      ],
    }), 'Platform.resources.json');
    expect(change(plan(outdir, snapshot, resources), 'imported')).toMatchObject({ action: PlanAction.UNCHANGED });
  });

  test('fails with a refusal when the cluster is in CONFIG_MAP mode', () => {
    const outdir = platform({ [ROLE('new')]: { accessPolicies: [VIEW] } });
    const p = plan(outdir, snapshotOf([], { authenticationMode: 'CONFIG_MAP' }));
    expect(p.refusals).toEqual([expect.stringMatching(/^cluster prod is in CONFIG_MAP mode, where EKS creates no access entry \(rule R22\)/)]);
    expect(p.refusals[0]).toContain('aws eks update-cluster-config --name prod --region eu-west-1 --access-config authenticationMode=API_AND_CONFIG_MAP');
    expect(planFails(p)).toBe(true);
    expect(planFails(plan(outdir, snapshotOf([])))).toBe(false);
  });

  test('fails on a snapshot of a cluster the synth does not grant on', () => {
    const outdir = platform({ [ROLE('new')]: { accessPolicies: [VIEW] } });
    expect(() => plan(outdir, snapshotOf([], { clusterName: 'dev', clusterArn: 'arn:aws:eks:eu-west-1:111122223333:cluster/dev' }))).toThrow(
      'live.json is a snapshot of cluster dev (111122223333, eu-west-1), and ' + outdir + ' declares no access entry for it; it declares entries for prod@111122223333-eu-west-1');
    expect(() => plan(outdir, snapshotOf([], { region: 'us-east-1' }))).toThrow(/is a snapshot of cluster prod \(111122223333, us-east-1\)/);
    expect(() => plan(mkdtempSync(join(tmpdir(), 'eam-empty-')), snapshotOf([]))).toThrow(/is not a cloud assembly \(it has no manifest.json\)/);
  });

  test('creates the actions of a stack in a Stage, with its stack name and the display name cdk import selects', () => {
    const outdir = synth((app) => {
      const stage = new Stage(app, 'Prod', { env: { account: '111122223333', region: 'eu-west-1' } });
      new EksAccessManager(new Stack(stage, 'Platform'), 'Access', { clusterName: 'prod', principals: { [ROLE('ops')]: { accessPolicies: [VIEW] } } });
    });
    const p = plan(outdir, snapshotOf([liveEntry(ROLE('ops'), [{ name: 'AmazonEKSViewPolicy' }])]));
    expect(change(p, 'ops')).toMatchObject({ action: PlanAction.CONFLICT, stack: 'Prod-Platform' });
    expect(p.imports[0]).toMatchObject({ stackName: 'Prod-Platform', displayName: 'Prod/Platform', fileName: 'Prod-Platform.resource-mapping.json' });
  });

  test('creates the JSON of the issue: changes with principalArn, action, stack, logicalId, widening, detail', () => {
    const outdir = platform({ [ROLE('new')]: { accessPolicies: [VIEW] } });
    const json = JSON.parse(renderPlanJson(plan(outdir, snapshotOf([liveEntry(ROLE('other'), [])]))));
    expect(json.changes).toEqual([
      { principalArn: ROLE('new'), action: 'create', stack: 'Platform', logicalId: logicalIdOf(outdir, 'Platform.template.json', ROLE('new')), widening: true, detail: 'gets an entry: STANDARD with AmazonEKSViewPolicy at cluster scope' },
      { principalArn: ROLE('other'), action: 'undeclared', stack: null, logicalId: null, widening: false, detail: 'made outside this app (by hand, eksctl, Terraform or another tool); the deploy leaves it alone' },
    ]);
    expect(json.refusals).toEqual([]);
  });
});

describe('adoption through cdk import', () => {
  test('creates the resource mapping of each stack with conflicts, and says the template needs a DeletionPolicy', () => {
    const outdir = platform({ [ROLE('handmade')]: { accessPolicies: [VIEW] }, [ROLE('new')]: { accessPolicies: [VIEW] } });
    const id = logicalIdOf(outdir, 'Platform.template.json', ROLE('handmade'));
    const p = plan(outdir, snapshotOf([liveEntry(ROLE('handmade'), [{ name: 'AmazonEKSViewPolicy' }, { name: 'AmazonEKSEditPolicy', namespaces: ['dev'] }])]));
    expect(p.imports).toHaveLength(1);
    expect(p.imports[0]).toMatchObject({ stackName: 'Platform', displayName: 'Platform', fileName: 'Platform.resource-mapping.json', mapping: { [id]: { ClusterName: 'prod', PrincipalArn: ROLE('handmade') } } });
    expect(p.imports[0].blockers).toEqual([expect.stringMatching(new RegExp(`^${id} has no DeletionPolicy in the template.*Fix: set removalPolicy: RemovalPolicy.RETAIN on the EksAccessManager`))]);
    expect(p.imports[0].notes).toEqual([
      'after the import, cdk deploy changes arn:aws:iam::111122223333:role/handmade: loses AmazonEKSEditPolicy in namespace dev',
      'cdk import leaves the 1 entry to create in Platform to the cdk deploy after it',
      'run cdk diff Platform first: besides the imported entries it must show no change to the stack\'s other resources',
    ]);
    const dir = join(mkdtempSync(join(tmpdir(), 'eam-map-')), 'mappings');
    expect(writeImportMappings(dir, p.imports)).toEqual([join(dir, 'Platform.resource-mapping.json')]);
    expect(JSON.parse(readFileSync(join(dir, 'Platform.resource-mapping.json'), 'utf8'))).toEqual({ [id]: { ClusterName: 'prod', PrincipalArn: ROLE('handmade') } });
    expect(renderPlanText(p, dir)).toContain(`once fixed: cdk import Platform --resource-mapping ${join(dir, 'Platform.resource-mapping.json')}`);
  });

  test('creates an import that can run as is with removalPolicy RETAIN', () => {
    const outdir = platform({ [ROLE('handmade')]: { accessPolicies: [VIEW] } }, { removalPolicy: RemovalPolicy.RETAIN });
    const p = plan(outdir, snapshotOf([liveEntry(ROLE('handmade'), [{ name: 'AmazonEKSViewPolicy' }])]));
    expect(p.imports[0].blockers).toEqual([]);
    expect(renderPlanText(p, 'maps')).toContain('then: cdk import Platform --resource-mapping maps/Platform.resource-mapping.json');
  });

  test('fails to import while the stack updates existing entries, and when the live type differs', () => {
    const outdir = platform({ [ROLE('handmade')]: { type: AccessEntryType.EC2_LINUX }, [ROLE('ops')]: { accessPolicies: [VIEW] } }, { removalPolicy: RemovalPolicy.RETAIN });
    const p = plan(outdir, snapshotOf([
      liveEntry(ROLE('handmade'), []),
      liveEntry(ROLE('ops'), [{ name: 'AmazonEKSAdminPolicy' }], cfnTags('Platform', logicalIdOf(outdir, 'Platform.template.json', ROLE('ops')))),
    ]));
    expect(p.imports[0].blockers).toEqual([
      expect.stringMatching(/^arn:aws:iam::111122223333:role\/handmade is a STANDARD entry and the app declares EC2_LINUX: .* Fix: declare type STANDARD/),
      expect.stringMatching(/^stack Platform also changes 1 existing entry \(update arn:aws:iam::111122223333:role\/ops\), and cdk import refuses to run/),
    ]);
  });

  test('fails to import entries of nested stacks, and writes no mapping for them', () => {
    const outdir = platform({ [ROLE('a')]: { accessPolicies: [VIEW] }, [ROLE('b')]: { accessPolicies: [VIEW] } }, { shards: 2, shardLayout: ShardLayout.NESTED_STACKS, removalPolicy: RemovalPolicy.RETAIN });
    const p = plan(outdir, snapshotOf([liveEntry(ROLE('a'), [{ name: 'AmazonEKSViewPolicy' }]), liveEntry(ROLE('b'), [{ name: 'AmazonEKSViewPolicy' }])]));
    expect(p.imports).toHaveLength(1);
    expect(p.imports[0].mapping).toEqual({});
    expect(p.imports[0].blockers).toHaveLength(2);
    expect(p.imports[0].blockers[0]).toMatch(/is in nested stack \S+ of Platform, and cdk import cannot import into a nested stack\. Fix: set shardLayout: ShardLayout.STACKS/);
    const dir = mkdtempSync(join(tmpdir(), 'eam-map-'));
    expect(writeImportMappings(dir, p.imports)).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('creates unchanged actions for the entries of nested stacks that CloudFormation tagged', () => {
    const outdir = platform({ [ROLE('a')]: { accessPolicies: [VIEW] } }, { shards: 2, shardLayout: ShardLayout.NESTED_STACKS });
    const declared = declaredClusterOf(outdir, snapshotOf([]), 'live.json');
    const a = declared.entries.find((e) => e.principalArn === ROLE('a'))!;
    expect(a.place.nestedStackIds).toHaveLength(1);
    const nestedName = `Platform-${a.place.nestedStackIds[0]}-1ABCDEFGHIJK`;
    const p = plan(outdir, snapshotOf([liveEntry(ROLE('a'), [{ name: 'AmazonEKSViewPolicy' }], cfnTags(nestedName, a.place.logicalId))]));
    expect(change(p, 'a').action).toBe(PlanAction.UNCHANGED);
  });

  test('creates an import for an entry of a raw CfnAccessEntry with a DeletionPolicy', () => {
    const outdir = synth((app) => {
      const entry = new CfnAccessEntry(stackIn(app, 'Raw'), 'Ops', { clusterName: 'prod', principalArn: ROLE('ops') });
      entry.applyRemovalPolicy(RemovalPolicy.RETAIN);
    });
    const p = plan(outdir, snapshotOf([liveEntry(ROLE('ops'), [])]));
    expect(p.imports[0]).toMatchObject({ stackName: 'Raw', mapping: { Ops: { ClusterName: 'prod', PrincipalArn: ROLE('ops') } }, blockers: [] });
    expect(existsSync(join(outdir, 'Raw.template.json'))).toBe(true);
  });
});
