import { App, CfnElement, NestedStack, Stack } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { defaultLogicalId, fixedLogicalId, fixLogicalId } from '../../src/private/logical-ids';

function entry(scope: Construct, id: string): CfnAccessEntry {
  return new CfnAccessEntry(scope, id, { clusterName: 'prod', principalArn: `arn:aws:iam::111122223333:role/${id.replace(/[^\w+=,.@-]/g, '')}x` });
}

describe('fixLogicalId', () => {
  test('fixes the id CDK would give, and remembers it', () => {
    const stack = new Stack(new App(), 'Stack');
    const fixed = entry(new Construct(stack, 'Access'), 'Fixed');
    const expected = stack.getLogicalId(fixed);
    expect(fixLogicalId(fixed)).toBe(expected);
    expect(stack.resolve(fixed.logicalId)).toBe(expected);
    expect(fixedLogicalId(fixed)).toBe(expected);
  });

  test('knows no id for an element it did not fix', () => {
    const stack = new Stack(new App(), 'Stack');
    expect(fixedLogicalId(entry(stack, 'Other'))).toBeUndefined();
  });
});

/** The id, or the error's message. */
function outcome(id: () => string): string {
  try {
    return id();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe('defaultLogicalId', () => {
  // Path components that exercise every rule of aws-cdk-lib's `makeUniqueId`: the hidden
  // `Default` and `Resource`, a component that ends another one (de-duplicated from the
  // human part), characters that are not alphanumeric, and ids long enough to be cut at 240.
  const component = fc.oneof(
    fc.constantFrom('Default', 'Resource', 'Access', 'ss', 'Acc', 'role-team-1', 'Shard0', 'a.b_c d'),
    fc.stringMatching(/^[A-Za-z0-9._ -]{1,12}$/),
    fc.stringMatching(/^[A-Za-z0-9]{100,130}$/),
  // The constructs library cannot hold a child named after an Object.prototype member.
  ).filter((id) => !(id in Object.prototype));

  test('gives the id stack.getLogicalId gives, for any path', () => {
    fc.assert(fc.property(fc.array(component, { minLength: 0, maxLength: 4 }), component, fc.boolean(), (path, id, nested) => {
      const root = new Stack(new App(), 'Stack');
      const stack = nested ? new NestedStack(root, 'Nested') : root;
      let scope: Construct = stack;
      path.forEach((c, i) => { scope = new Construct(scope, c === '' ? `c${i}` : c); });
      const element = entry(scope, id);
      // An all-`Default` path has no id: both refuse it the same way.
      expect(outcome(() => defaultLogicalId(element))).toBe(outcome(() => stack.getLogicalId(element)));
    }), { numRuns: 400 });
  });

  test('follows a rename registered on the stack, before or after the first entry', () => {
    const stack = new Stack(new App(), 'Stack');
    const access = new Construct(stack, 'Access');
    const first = entry(access, 'First');
    const firstId = defaultLogicalId(first);
    const second = entry(access, 'Second');
    // The id CDK gives the same path in a stack with no rename.
    const twin = new Stack(new App(), 'Stack');
    const secondId = twin.getLogicalId(entry(new Construct(twin, 'Access'), 'Second'));
    stack.renameLogicalId(secondId, 'Renamed');
    expect(defaultLogicalId(second)).toBe('Renamed');
    expect(defaultLogicalId(first)).toBe(firstId);
  });

  test('asks a stack that allocates ids its own way', () => {
    class PrefixedStack extends Stack {
      protected allocateLogicalId(element: CfnElement): string {
        return `Team${super.allocateLogicalId(element)}`;
      }
    }
    const stack = new PrefixedStack(new App(), 'Stack');
    const element = entry(new Construct(stack, 'Access'), 'Entry');
    expect(defaultLogicalId(element)).toMatch(/^TeamAccessEntry[0-9A-F]{8}$/);
    expect(defaultLogicalId(element)).toBe(stack.getLogicalId(element));
  });

  test('the template has the id it gives', () => {
    const stack = new Stack(new App(), 'Stack');
    const element = entry(new Construct(new Construct(stack, 'Platform'), 'Access'), 'role-team-1-0a1b2c3d');
    const id = fixLogicalId(element);
    const template = stack.resolve((stack as unknown as { _toCloudFormation(): { Resources: object } })._toCloudFormation());
    expect(Object.keys(template.Resources)).toEqual([id]);
    expect(id).toBe(new Stack(new App(), 'Stack').getLogicalId(entry(new Construct(new Construct(new Stack(new App(), 'Stack'), 'Platform'), 'Access'), 'role-team-1-0a1b2c3d')));
  });
});
