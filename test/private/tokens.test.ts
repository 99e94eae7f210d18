import { Aws, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { isToken, literalString } from '../../src/private/tokens';

// isToken skips CDK's own test for strings that hold none of CDK's token markers: these
// cases fail if a CDK version encodes tokens some other way.
describe('isToken', () => {
  const stack = new Stack();
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });

  test.each([
    ['a string token', Token.asString({ Ref: 'Param' })],
    ['a reference', role.roleArn],
    ['a lazy string', Lazy.string({ produce: () => 'x' })],
    ['a pseudo parameter inside a literal', `arn:${Aws.PARTITION}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy`],
    ['an element of a list token', Token.asList({ Ref: 'Groups' })[0]],
    ['a number token in a string', `team-${Token.asNumber({ Ref: 'Count' })}`],
  ])('finds %s', (_what, value) => {
    expect(isToken(value)).toBe(true);
  });

  test.each([
    ['a role ARN', 'arn:aws:iam::111122223333:role/dev'],
    ['text that only looks like a marker', '${Token}[x] #{Token} 1e+289'],
    ['the empty string', ''],
  ])('does not find one in %s', (_what, value) => {
    expect(isToken(value)).toBe(false);
  });

  test('finds a number token and a list token that are not strings', () => {
    expect(isToken(Token.asNumber({ Ref: 'Count' }))).toBe(true);
    expect(isToken(Token.asList({ Ref: 'Groups' }))).toBe(true);
    expect(isToken(42)).toBe(false);
  });
});

describe('literalString', () => {
  test('gives a literal back, and nothing for a token or another type', () => {
    expect(literalString('dev')).toBe('dev');
    expect(literalString(Token.asString({ Ref: 'Param' }))).toBeUndefined();
    expect(literalString(`team-${Token.asNumber({ Ref: 'Count' })}`)).toBeUndefined();
    expect(literalString(7)).toBeUndefined();
  });
});
