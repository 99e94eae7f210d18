import { Token } from 'aws-cdk-lib';

/**
 * True when a value is a CDK token: unknown until deploy, so never checked as a literal.
 * The element of a list token (`Token.asList(...)[0]`) counts too.
 */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value) || (typeof value === 'string' && Token.isUnresolved([value]));
}
