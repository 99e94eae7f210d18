/**
 * How bad a finding is.
 *
 * @example
 * const result = AwsAuthMigration.fromConfigMap(fs.readFileSync('aws-auth.yaml', 'utf8'));
 * const blocking = result.findings.filter((f) => f.severity === Severity.ERROR);
 */
export enum Severity {
  /** Stops synth (or the migration): EKS would refuse it, or access would be lost. */
  ERROR = 'error',
  /** Worth a look; can be acknowledged. */
  WARNING = 'warning',
}
