import { App, Aspects, CfnOutput, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { EksAccessManager } from '../../src';
import { synthError } from '../synth-error';

const DEV = 'arn:aws:iam::111122223333:role/dev';

function appWithNodegroup(context: Record<string, unknown> = {}) {
  const app = new App({ context });
  const stack = new Stack(app, 'Stack');
  const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
  const nodegroup = cluster.addNodegroupCapacity('Workers', { minSize: 1 });
  return { app, stack, cluster, nodeRoleArn: nodegroup.role.roleArn };
}

/** Every `Ref` of a template names a resource, parameter or pseudo parameter of it. */
function danglingRefs(template: Record<string, any>): string[] {
  const known = new Set([...Object.keys(template.Resources ?? {}), ...Object.keys(template.Parameters ?? {})]);
  const dangling: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) { value.forEach(walk); return; }
    if (typeof value !== 'object' || value === null) { return; }
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string' && !inner.startsWith('AWS::') && !known.has(inner)) { dangling.push(inner); }
      walk(inner);
    }
  };
  walk(template);
  return dangling;
}

describe('when entries are created', () => {
  test.each([
    ['invoked once', false],
    ['stabilized', true],
  ])('leaves out an EKS-managed principal without ever creating its entry (aspects %s)', (_, stabilized) => {
    // GIVEN a node group whose role is in the map, and the role left out on purpose
    const { stack, cluster, nodeRoleArn } = appWithNodegroup({ '@aws-cdk/core:aspectStabilization': stabilized });
    const manager = new EksAccessManager(stack, 'Access', {
      cluster,
      skipEksManagedPrincipals: true,
      principals: { [nodeRoleArn]: { type: 'EC2_LINUX' as never }, [DEV]: {} },
    });

    // WHEN
    const template = Template.fromStack(stack);

    // THEN only the other principal has an entry, and the tree never held the node role's
    template.resourceCountIs('AWS::EKS::AccessEntry', 1);
    expect(manager.entryFor(nodeRoleArn)).toBeUndefined();
    expect(manager.entries.map((e) => e.principalArn)).toEqual([DEV]);
    expect(danglingRefs(template.toJSON())).toEqual([]);
  });

  test('fails, rather than removing it, when an entry handed out turns out to be EKS-managed', () => {
    // GIVEN the node role's entry, handed out before the app is complete and referenced
    const { app, stack, cluster, nodeRoleArn } = appWithNodegroup();
    const manager = new EksAccessManager(stack, 'Access', {
      cluster,
      skipEksManagedPrincipals: true,
      principals: { [nodeRoleArn]: { type: 'EC2_LINUX' as never } },
    });
    const entry = manager.entryFor(nodeRoleArn)!;
    new CfnOutput(stack, 'EntryId', { value: entry.ref });

    // WHEN / THEN synth stops with the reason, instead of writing a Ref to a removed resource
    const error = synthError(app);
    expect(error).toContain('[EAM025] (token) Stack/Cluster/NodegroupWorkers/NodeGroupRole.Arn: EKS already creates this entry');
    expect(error).toContain('was handed out (`entryFor()`, `entries` or `grant()`) before the app was complete');
    expect(stack.node.findAll()).toContain(entry);
  });

  test('creates the entries at synth, for principals added after the manager', () => {
    const { stack, cluster } = appWithNodegroup();
    const manager = new EksAccessManager(stack, 'Access', { cluster });
    manager.addPrincipal(DEV, {});
    expect(manager.node.children.filter((c) => c instanceof CfnAccessEntry)).toHaveLength(0);
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', { PrincipalArn: DEV });
    expect(manager.entryFor(DEV)).toBeDefined();
  });

  test('makes the entries from an aspect that no entry inherits, and that a Tags aspect still reaches', () => {
    // An aspect of the manager itself would be invoked on each of its entries, at every
    // pass of CDK over the tree: the manager carries none, a leaf of its own does.
    const stack = new Stack(new App(), 'Stack');
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [DEV]: {} } });
    Tags.of(stack).add('team', 'platform');
    expect(Aspects.of(manager).all).toHaveLength(0);
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', { PrincipalArn: DEV, Tags: [{ Key: 'team', Value: 'platform' }] });
  });

  test('creates an entry asked for before synth at once, under the same path as at synth', () => {
    const early = new EksAccessManager(new Stack(new App(), 'Stack'), 'Access', { clusterName: 'prod', principals: { [DEV]: {} } });
    const earlyPath = early.entryFor(DEV)!.node.path;
    const lateStack = new Stack(new App(), 'Stack');
    const late = new EksAccessManager(lateStack, 'Access', { clusterName: 'prod', principals: { [DEV]: {} } });
    Template.fromStack(lateStack);
    expect(late.entryFor(DEV)!.node.path).toBe(earlyPath);
  });

  test('creates entries that the stack\'s tag aspects still reach', () => {
    const stack = new Stack(new App(), 'Stack');
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [DEV]: { tags: { team: 'dev' } } } });
    Tags.of(stack).add('cost-center', '42');
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', {
      Tags: Match.arrayWith([{ Key: 'cost-center', Value: '42' }, { Key: 'team', Value: 'dev' }]),
    });
  });

  test('synthesizes twice with the same entries', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: { [DEV]: {} } });
    const first = Template.fromStack(stack).toJSON();
    // `force`: without it, the second synth returns the first assembly as it is.
    const again = app.synth({ force: true });
    expect(again.getStackByName(stack.stackName).template).toEqual(first);
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });
});
