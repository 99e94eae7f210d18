import { IResolvable, Reference, Token, Tokenization } from 'aws-cdk-lib';

/**
 * True when a value is a CDK token: unknown until deploy, so never checked as a literal.
 * The element of a list token (`Token.asList(...)[0]`) counts too.
 */
export function isToken(value: unknown): boolean {
  if (typeof value === 'string') {
    return mayHoldToken(value) && (Token.isUnresolved(value) || Token.isUnresolved([value]) || holdsNumberToken(value));
  }
  return Token.isUnresolved(value);
}

/** The value when it is a literal string; undefined for a token or anything else. */
export function literalString(value: unknown): string | undefined {
  return typeof value === 'string' && !(mayHoldToken(value) && (Token.isUnresolved(value) || holdsNumberToken(value))) ? value : undefined;
}

/**
 * A number token inside a string (`team-${Token.asNumber(...)}`). Newer aws-cdk-lib
 * (2.276; 2.245 does not) looks only for `Token[` in a string in `Token.isUnresolved`, and
 * misses it.
 */
function holdsNumberToken(value: string): boolean {
  return value.includes('e+289') && Tokenization.reverseString(value).tokens.length > 0;
}

/**
 * False when a string cannot hold a CDK token: every encoding CDK uses in a string (a
 * string token `${Token[..]}`, a list element `#{Token[..]}`, a number `-1.<digits>e+289`)
 * contains one of these. The rules test thousands of strings per synth, and CDK's own test
 * builds an object and runs a regular expression for each one.
 */
function mayHoldToken(value: string): boolean {
  return value.includes('{Token[') || value.includes('e+289');
}

/** The reference a token string stands for (`role.roleArn`), if it is exactly one. */
export function referenceOf(value: string): Reference | undefined {
  if (!Token.isUnresolved(value)) { return undefined; }
  const token: IResolvable | undefined = Tokenization.reverse(value, { failConcat: false });
  return token && Reference.isReference(token) ? token : undefined;
}
