import { CfnResource } from 'aws-cdk-lib';

/**
 * A resource's properties as its class holds them (L1s: camelCase, in `cfnProperties`):
 * shared by the construct adapter and the principal model, which cannot import each other.
 */
export function propertiesOf(resource: CfnResource): Record<string, unknown> {
  return (resource as unknown as { cfnProperties?: Record<string, unknown> }).cfnProperties ?? {};
}
