import { Stack } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import { IConstruct } from 'constructs';
import { describePrincipal } from '../principal';
import { principalKey } from '../private/model';

/**
 * The access entries of this app that let the cluster's kubectl provider in: those of
 * its role, among `entries` (every manager's on the cluster). A manifest must be applied
 * after that entry exists, and deleted while it still does, or kubectl is refused.
 *
 * Only entries that the manifests' stack can wait for are returned: those in that stack
 * or its nested stacks, or in a stack that does not itself wait for it (a shard of
 * `ShardLayout.STACKS` deploys after the manager's stack, so it cannot come first).
 *
 * @param scope where the manifests go (the manager)
 * @param roleArn the kubectl role's ARN, when the cluster names one
 * @param entries the access entries of the app on the cluster
 */
export function kubectlAccessEntries(scope: IConstruct, roleArn: string | undefined, entries: readonly CfnAccessEntry[]): CfnAccessEntry[] {
  if (roleArn === undefined) { return []; }
  const key = principalKey(describePrincipal(scope, roleArn));
  const home = Stack.of(scope);
  return entries.filter((entry) =>
    principalKey(describePrincipal(entry, entry.principalArn)) === key && !waitsFor(Stack.of(entry), home));
}

/** True when `stack` (or a stack it is nested in) depends on `other`. */
function waitsFor(stack: Stack, other: Stack): boolean {
  for (let s: Stack | undefined = stack; s; s = s.nestedStackParent) {
    if (s === other) { return false; }
    if (s.dependencies.includes(other)) { return true; }
  }
  return false;
}
