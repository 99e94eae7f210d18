import { Token } from 'aws-cdk-lib';

/** True when a value is a CDK token: unknown until deploy, so never checked as a literal. */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value);
}
