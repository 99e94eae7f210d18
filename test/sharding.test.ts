import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { CfnCluster } from 'aws-cdk-lib/aws-eks';
import { EksAccessManager, EksAccessManagerProps, PrincipalAccess, ShardLayout } from '../src';
import { synthError } from './synth-error';

const TEAM_ACCESS = {
  accessPolicies: [
    { policy: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster' } },
    { policy: 'AmazonEKSEditPolicy', accessScope: { type: 'namespace', namespaces: ['team-a', 'team-b'] } },
  ],
} as PrincipalAccess;

const principals = (n: number, from = 0) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`arn:aws:iam::111122223333:role/team-${from + i}`, TEAM_ACCESS]));


/** principal -> [shard nested stack, logical id] for every entry of the manager. */
function placement(manager: EksAccessManager): Map<string, string> {
  return new Map(manager.entries.map((e) => [e.principalArn, `${Stack.of(e).node.path} ${Stack.of(e).getLogicalId(e)}`]));
}

describe('sharding', () => {
  test('fails synth without shards when the stack would exceed 500 resources, saying how to shard', () => {
    const app = new App();
    new EksAccessManager(new Stack(app, 'Platform'), 'Access', { clusterName: 'prod', principals: principals(501) });
    expect(synthError(app)).toContain('[EAM301] (cluster settings): principals: stack Platform would hold 501 resources (501 of them access entries); CloudFormation allows 500. Fix: set `shards: 2`');
  });

  test('accepts 500 entries in one stack', () => {
    const app = new App();
    new EksAccessManager(new Stack(app, 'Platform'), 'Access', { clusterName: 'prod', principals: principals(500) });
    expect(synthError(app)).toBeUndefined();
  });

  test('fails on a shard count that is not a whole number from 1 to 64', () => {
    const app = new App();
    new EksAccessManager(new Stack(app, 'Platform'), 'Access', { clusterName: 'prod', shards: 0 } as EksAccessManagerProps);
    expect(synthError(app)).toContain('[EAM101] (cluster settings): shards: must be a whole number from 1 to 64, got the number 0');
  });

  test('fails on 3,000 principals in nested shards: one deploy would create more than 2,500 resources', () => {
    const app = new App();
    new EksAccessManager(new Stack(app, 'Platform'), 'Access', { clusterName: 'prod', shards: 8, principals: principals(3000) });
    expect(synthError(app)).toContain('[EAM302] (cluster settings): shardLayout: stack Platform and its 8 nested stacks would create 3008 resources in one deploy; CloudFormation allows 2500');
  });

  test('accepts 2,000 principals in nested shards', () => {
    const app = new App();
    new EksAccessManager(new Stack(app, 'Platform'), 'Access', { clusterName: 'prod', shards: 8, principals: principals(2000) });
    expect(synthError(app)).toBeUndefined();
  });

  describe('3,000 principals in 8 shards of their own', () => {
    const env = { account: '111122223333', region: 'eu-west-1' };
    const app = new App();
    const stack = new Stack(app, 'Platform', { env });
    const cluster = new CfnCluster(stack, 'Cluster', {
      roleArn: 'arn:aws:iam::111122223333:role/cluster',
      resourcesVpcConfig: { subnetIds: ['subnet-1'] },
      accessConfig: { authenticationMode: 'API' },
    });
    const manager = new EksAccessManager(stack, 'Access', { cluster, shards: 8, shardLayout: ShardLayout.STACKS, principals: principals(3000) });
    const assembly = app.synth();

    test('synthesize into stacks of the Stage, each its own deploy within the 500-resource and 1 MB limits', () => {
      const shards = app.node.children.filter((c) => Stack.isStack(c) && c !== stack) as Stack[];
      // The ids derive from the manager's path and the shard number: a contract with deployed stacks.
      expect(shards.map((s) => s.node.id).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `PlatformAccess9B386604Shard${i}`));
      let total = 0;
      for (const shard of shards) {
        expect(shard.nested).toBe(false);
        expect(shard.account).toBe(env.account);
        expect(shard.region).toBe(env.region);
        // Deployed after the stack that holds the cluster and the manager.
        expect(shard.dependencies).toContain(stack);
        const template = assembly.getStackByName(shard.stackName).template;
        const count = Object.keys(template.Resources).filter((id) => template.Resources[id].Type === 'AWS::EKS::AccessEntry').length;
        total += count;
        expect(Object.keys(template.Resources).length).toBeLessThanOrEqual(450);
        expect(Buffer.byteLength(JSON.stringify(template))).toBeLessThan(1024 * 1024);
      }
      expect(shards).toHaveLength(8);
      expect(total).toBe(3000);
    });

    test('report every entry, with the shard stack that holds it', () => {
      const report = JSON.parse(readFileSync(join(assembly.directory, 'eks-access-report.Platform-Cluster.json'), 'utf8'));
      expect(report.entries).toHaveLength(3000);
      expect(new Set(report.entries.map((e: { stack: string }) => e.stack)).size).toBe(8);
    });

    test('name the cluster of the manager\'s stack through a cross-stack reference', () => {
      const shard = app.node.children.find((c) => Stack.isStack(c) && c !== stack) as Stack;
      const entry = Object.values(assembly.getStackByName(shard.stackName).template.Resources as Record<string, any>)
        .find((r) => r.Type === 'AWS::EKS::AccessEntry');
      expect(entry.Properties.ClusterName).toEqual({ 'Fn::ImportValue': expect.stringMatching(/^Platform:ExportsOutputRefCluster/) });
    });

    test('keep every other principal\'s shard and logical id when one is added or removed', () => {
      const before = placement(manager);
      const again = new App();
      const map = principals(3000);
      delete map['arn:aws:iam::111122223333:role/team-17'];
      const changed = new EksAccessManager(new Stack(again, 'Platform', { env }), 'Access', {
        clusterName: 'prod', shards: 8, shardLayout: ShardLayout.STACKS, principals: { ...principals(1, 5000), ...map },
      });
      const after = placement(changed);
      for (const [principal, where] of after) {
        if (before.has(principal)) { expect(where).toBe(before.get(principal)); }
      }
      expect(after.size).toBe(3000);
    });

    test('put each principal in the same shard as the nested layout does', () => {
      const nested = new EksAccessManager(new Stack(new App(), 'Platform'), 'Access', { clusterName: 'prod', shards: 8, principals: principals(3000) });
      const shardOf = (m: EksAccessManager) => new Map(m.entries.map((e) => [e.principalArn, /Shard(\d+)$/.exec(Stack.of(e).node.id)![1]]));
      expect(shardOf(nested)).toEqual(shardOf(manager));
    });
  });

  test('fails on a shard layout that does not exist', () => {
    const app = new App();
    new EksAccessManager(new Stack(app, 'Platform'), 'Access', { clusterName: 'prod', shards: 2, shardLayout: 'separate' } as unknown as EksAccessManagerProps);
    expect(synthError(app)).toContain('[EAM101] (cluster settings): shardLayout: must be one of "nested-stacks", "stacks", got the string "separate"');
  });
});
