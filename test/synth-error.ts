import { App, Stack } from 'aws-cdk-lib';

/** The error synth fails with for the app of a stack (or an app), or undefined when it synthesizes. */
export function synthError(scope: App | Stack): string | undefined {
  try {
    (scope.node.root as App).synth();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
