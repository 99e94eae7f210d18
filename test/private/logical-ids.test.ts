import { App, Stack } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import { fixedLogicalId, fixLogicalId } from '../../src/private/logical-ids';

function entry(stack: Stack, id: string): CfnAccessEntry {
  return new CfnAccessEntry(stack, id, { clusterName: 'prod', principalArn: `arn:aws:iam::111122223333:role/${id}` });
}

describe('fixLogicalId', () => {
  test('fixes the id CDK would give, and remembers it', () => {
    const stack = new Stack(new App(), 'Stack');
    const fixed = entry(stack, 'Fixed');
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
