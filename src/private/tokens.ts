import { IResolvable, Reference, Token, Tokenization } from 'aws-cdk-lib';

/**
 * True when a value is a CDK token: unknown until deploy, so never checked as a literal.
 * The element of a list token (`Token.asList(...)[0]`) counts too.
 */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value) || (typeof value === 'string' && Token.isUnresolved([value]));
}

/** The value when it is a literal string; undefined for a token or anything else. */
export function literalString(value: unknown): string | undefined {
  return typeof value === 'string' && !Token.isUnresolved(value) ? value : undefined;
}

/** The reference a token string stands for (`role.roleArn`), if it is exactly one. */
export function referenceOf(value: string): Reference | undefined {
  if (!Token.isUnresolved(value)) { return undefined; }
  const token: IResolvable | undefined = Tokenization.reverse(value, { failConcat: false });
  return token && Reference.isReference(token) ? token : undefined;
}
