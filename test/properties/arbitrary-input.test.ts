import { App, Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { SEED } from './arbitraries';
import { EksAccessManager, EksAccessManagerProps } from '../../src';

const nasty = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(null, undefined, NaN, -1, 1e308, '', 'x'.repeat(100_000), [], {}),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'type', 'accessPolicies'), fc.jsonValue()),
);

/** Input with keys like __proto__ as own properties, the way JSON.parse makes them. */
const arbitraryPrincipals = fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor')), nasty, { maxKeys: 8 })
  .map((value) => JSON.parse(JSON.stringify(value) ?? 'null'));

describe('property: arbitrary input synthesizes or fails with the project\'s own error, never a crash', () => {
  test('principal maps of any shape', () => {
    fc.assert(fc.property(arbitraryPrincipals, nasty, (principals, extra) => {
      const app = new App();
      const props = { clusterName: 'prod', principals, ...(typeof extra === 'object' && extra !== null && !Array.isArray(extra) ? extra : {}) };
      new EksAccessManager(new Stack(app, 'Stack'), 'Access', props as unknown as EksAccessManagerProps);
      try {
        app.synth();
      } catch (e) {
        expect(e).not.toBeInstanceOf(TypeError);
        expect((e as Error).message).toMatch(/Validation failed with the following errors:\n {2}\[Stack\/Access\] \[EAM\d{3}\]/);
      }
    }), { seed: SEED, numRuns: 150 });
  });

  test('thousands of entries of garbage stay fast', () => {
    const principals = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`key-${i}`, { type: i, accessPolicies: 'x'.repeat(i) }]));
    const app = new App();
    new EksAccessManager(new Stack(app, 'Stack'), 'Access', { clusterName: 'prod', principals } as unknown as EksAccessManagerProps);
    const started = Date.now();
    expect(() => app.synth()).toThrow(/EAM003/);
    // Not a timing test: a bound that only a hang or a quadratic blow-up would cross.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
