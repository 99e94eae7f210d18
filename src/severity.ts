/**
 * How bad a finding is.
 *
 * @example
 * declare const result: AwsAuthMigrationResult;
 * const blocking = result.findings.filter((f) => f.severity === Severity.ERROR);
 */
export enum Severity {
  /** Stops synth (or the migration): EKS would refuse it, or access would be lost. */
  ERROR = 'error',
  /** Worth a look; can be acknowledged. */
  WARNING = 'warning',
}
