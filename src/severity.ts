/**
 * How bad a finding is.
 *
 * @example
 * const result = AwsAuthMigration.fromConfigMap(awsAuthYaml);
 * let errors = 0;
 * for (const finding of result.findings) {
 *   if (finding.severity === Severity.ERROR) {
 *     errors += 1;
 *   }
 * }
 */
export enum Severity {
  /** Stops synth (or the migration): EKS would refuse it, or access would be lost. */
  ERROR = 'error',
  /** Worth a look; can be acknowledged. */
  WARNING = 'warning',
}
