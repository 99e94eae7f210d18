import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EksAccessManager, EksAccessManagerProps, PrincipalAccess } from '../src';
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

  describe('3,000 principals in 8 shards', () => {
    const app = new App();
    const stack = new Stack(app, 'Platform');
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod', shards: 8, principals: principals(3000) });
    const assembly = app.synth();

    test('synthesize into nested stacks that each respect the 500-resource and 1 MB limits', () => {
      const shards = stack.node.findAll().filter((c) => c.node.id.startsWith('Shard') && Stack.isStack(c)) as Stack[];
      expect(shards).toHaveLength(8);
      let total = 0;
      for (const shard of shards) {
        const template = Template.fromStack(shard).toJSON();
        const count = Object.keys(template.Resources).length;
        total += count;
        expect(count).toBeLessThanOrEqual(450);
        expect(Buffer.byteLength(JSON.stringify(template))).toBeLessThan(1024 * 1024);
      }
      expect(total).toBe(3000);
      expect(Object.keys(assembly.getStackByName('Platform').template.Resources).length).toBeLessThan(500);
    });

    test('keep every other principal\'s shard and logical id when one is added or removed', () => {
      const before = placement(manager);
      const again = new App();
      const map = principals(3000);
      delete map['arn:aws:iam::111122223333:role/team-17'];
      const changed = new EksAccessManager(new Stack(again, 'Platform'), 'Access', {
        clusterName: 'prod', shards: 8, principals: { ...principals(1, 5000), ...map },
      });
      const after = placement(changed);
      for (const [principal, where] of after) {
        if (before.has(principal)) { expect(where).toBe(before.get(principal)); }
      }
      expect(after.size).toBe(3000);
    });
  });
});
