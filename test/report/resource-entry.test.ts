import { App, Aws, Stack } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as fc from 'fast-check';
import { appIn, reportFiles } from './helpers';
import { AccessScopeType, EksAccessManager, EksAccessPolicy, PrincipalAccess } from '../../src';
import { buildReport } from '../../src/report/access-report';
import { entryAsMade } from '../../src/report/resource-entry';
import { templateEntry } from '../../src/report/template-entry';
import { SEED, validMap } from '../properties/arbitraries';

const DEV = 'arn:aws:iam::111122223333:role/dev';
const view = { policy: EksAccessPolicy.VIEW, accessScope: { type: AccessScopeType.CLUSTER } };

function entriesOf(app: App): CfnAccessEntry[] {
  return app.node.findAll().filter((c): c is CfnAccessEntry => c instanceof CfnAccessEntry);
}

/** The report of every entry of the app, read from the resources, and read from the templates. */
function bothReports(app: App) {
  const assembly = app.synth();
  const resources = entriesOf(app);
  const asMade = resources.map((r) => ({ stack: Stack.of(r).node.path, entry: entryAsMade(r) }));
  const fromTemplate = resources.map((r) => {
    const stack = Stack.of(r);
    const id = stack.resolve(r.logicalId);
    const template = assembly.getStackByName(stack.stackName).template;
    return { stack: stack.node.path, entry: templateEntry(id, template.Resources[id].Properties) };
  });
  return { asMade, fromTemplate };
}

/** The map with each policy written as its ARN in the `aws` partition. */
function withPolicyArns(map: Record<string, PrincipalAccess>): Record<string, PrincipalAccess> {
  return Object.fromEntries(Object.entries(map).map(([arn, access]) => [arn, {
    ...access,
    accessPolicies: access.accessPolicies?.map((p) => ({ ...p, policy: `arn:aws:eks::aws:cluster-access-policy/${p.policy}` })),
  }]));
}

function devApp() {
  const app = appIn();
  const stack = new Stack(app, 'Platform');
  const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [DEV]: { username: 'dev', accessPolicies: [view] } } });
  return { app, stack, manager, entry: manager.entryFor(DEV)! };
}

function devInReport(app: App) {
  const report = JSON.parse(reportFiles(app.synth().directory)['eks-access-report.prod.json']);
  return report.entries.find((e: { principal: string }) => e.principal === DEV);
}

describe('an entry read from its resource instead of its template', () => {
  test('gives the report the template gives, for any valid map, with policies as names or as ARNs', () => {
    fc.assert(fc.property(validMap, fc.boolean(), (map, asArns) => {
      const app = appIn();
      const stack = new Stack(app, 'Platform');
      const principals = asArns ? withPolicyArns(map) : map;
      new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals, accessReport: false });
      const { asMade, fromTemplate } = bothReports(app);
      expect(asMade.every((e) => e.entry !== undefined)).toBe(true);
      expect(buildReport('prod', asMade.map((e) => ({ stack: e.stack, entry: e.entry! })))).toEqual(buildReport('prod', fromTemplate));
    }), { seed: SEED, numRuns: 40 });
  });

  test('is read from the template once an override is added, and the report shows the override', () => {
    const { app, entry } = devApp();
    entry.addPropertyOverride('Username', 'overridden');
    expect(entryAsMade(entry)).toBeUndefined();
    expect(devInReport(app).username).toBe('overridden');
  });

  test('is read from the template once a deletion override is added', () => {
    const { app, entry } = devApp();
    entry.addPropertyDeletionOverride('Username');
    expect(entryAsMade(entry)).toBeUndefined();
    expect(devInReport(app).username).toBeUndefined();
  });

  test('is read from the template once its logical id is overridden', () => {
    const { app, entry } = devApp();
    entry.overrideLogicalId('DevAccess');
    expect(entryAsMade(entry)).toBeUndefined();
    expect(devInReport(app).logicalId).toBe('DevAccess');
  });

  test('shows properties changed on the resource, in place or replaced', () => {
    const { app, entry } = devApp();
    (entry.accessPolicies as CfnAccessEntry.AccessPolicyProperty[]).push({
      policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
      accessScope: { type: 'namespace', namespaces: ['apps'] },
    });
    entry.kubernetesGroups = ['devs'];
    expect(entryAsMade(entry)).toBeDefined();
    const dev = devInReport(app);
    expect(dev.kubernetesGroups).toEqual(['devs']);
    expect(dev.policies.map((p: { policy: string; namespaces: string[] }) => [p.policy, p.namespaces]))
      .toEqual([['AmazonEKSEditPolicy', ['apps']], ['AmazonEKSViewPolicy', []]]);
  });

  test('is read from the template when a value is a token, and the report shows the expression', () => {
    const { app, stack, entry } = devApp();
    const role = new iam.Role(stack, 'Ops', { assumedBy: new iam.AccountRootPrincipal() });
    entry.username = role.roleName;
    expect(entryAsMade(entry)).toBeUndefined();
    expect(devInReport(app).username).toBe('Ref(OpsA097D252)');
  });

  test('accepts the one token it can name: the stack partition of a policy ARN', () => {
    const { entry } = devApp();
    const [policy] = entry.accessPolicies as CfnAccessEntry.AccessPolicyProperty[];
    expect(policy.policyArn).toContain('{Token[');
    expect(entryAsMade(entry)?.policies.map((p) => p.policyArn)).toEqual(['arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy']);
    // Another token, or text around the partition that no policy name has: the template decides.
    entry.accessPolicies = [{ ...policy, policyArn: `${policy.policyArn}-${Aws.REGION}` }];
    expect(entryAsMade(entry)).toBeUndefined();
  });

  test('is never read from a resource the manager did not make', () => {
    const { stack } = devApp();
    const other = new CfnAccessEntry(stack, 'Other', { clusterName: 'prod', principalArn: 'arn:aws:iam::111122223333:role/other' });
    expect(entryAsMade(other)).toBeUndefined();
  });
});
