import { App } from 'aws-cdk-lib';

/** What an in-memory synth did: threw, printed on the console, set the exit code. */
export interface CapturedSynth {
  readonly thrown?: string;
  readonly printed: string;
  readonly exitCode?: typeof process.exitCode;
}

/**
 * Synthesizes an app with its console captured. CDK prints a policy-validation report and
 * sets the exit code (aws-cdk-lib 2.245), or throws it (2.276): the caller sees all three.
 * The process's exit code is restored afterwards.
 */
export function captureSynth(app: App): CapturedSynth {
  const printed: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((text: string) => { printed.push(text); });
  const error = jest.spyOn(console, 'error').mockImplementation((text: string) => { printed.push(text); });
  const exitCode = process.exitCode;
  try {
    app.synth();
    return { printed: printed.join('\n'), exitCode: process.exitCode };
  } catch (e) {
    return { thrown: (e as Error).message, printed: printed.join('\n'), exitCode: process.exitCode };
  } finally {
    process.exitCode = exitCode;
    log.mockRestore();
    error.mockRestore();
  }
}
