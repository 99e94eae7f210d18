import { App, Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { SEED, validMap } from './arbitraries';
import { EksAccessManager, PrincipalAccess } from '../../src';

/** principal -> "<nested stack path> <logical id>" */
function placement(map: Record<string, PrincipalAccess>, shards?: number): Map<string, string> {
  const app = new App();
  const manager = new EksAccessManager(new Stack(app, 'Stack'), 'Access', { clusterName: 'prod', principals: map, shards });
  return new Map(manager.entries.map((e) => [e.principalArn, `${Stack.of(e).node.path} ${Stack.of(e).getLogicalId(e)}`]));
}

describe('property: logical ids and shards are a function of the principal alone', () => {
  test.each([undefined, 4])('with shards: %s', (shards) => {
    fc.assert(fc.property(validMap, validMap, fc.boolean(), (map, others, reverse) => {
      const before = placement(map, shards);
      const entries = Object.entries({ ...others, ...map });
      const after = placement(Object.fromEntries(reverse ? entries.reverse() : entries), shards);
      for (const principal of Object.keys(map)) {
        expect(after.get(principal)).toBe(before.get(principal));
      }
    }), { seed: SEED, numRuns: 40 });
  });
});
