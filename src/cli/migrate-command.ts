import { formatMap, MAP_FORMATS } from './format-map';
import { CliIo, ExitCode, parseArgs, readInput, UsageError } from './io';
import { AwsAuthMigration } from '../migration/aws-auth-migration';
import { Severity } from '../severity';

export const MIGRATE_USAGE = `eks-access-manager migrate <aws-auth.yaml> [--paths roles.txt] [--format yaml|json|ts]

  Turns an aws-auth ConfigMap (kubectl get configmap aws-auth -n kube-system -o yaml)
  into an access map for EksAccessManager. Prints the map on stdout and the findings on
  stderr; exits 1 when something could not be migrated.

  --paths   a file of full role ARNs, one per line ('#' starts a comment), to restore the
            role paths aws-auth strips
  --format  yaml (a map file, the default), json, or ts (a TypeScript 'principals' snippet)`;

export function migrateCommand(args: readonly string[], io: CliIo): ExitCode {
  const { positional, options } = parseArgs(args, ['paths', 'format']);
  if (positional.length !== 1) { throw new UsageError('migrate takes one aws-auth file'); }
  const format = options.format ?? 'yaml';
  if (!MAP_FORMATS.includes(format)) { throw new UsageError(`--format is one of ${MAP_FORMATS.join(', ')}, got "${format}"`); }
  const file = positional[0];
  const knownRoleArns = options.paths === undefined ? [] : readInput(io, options.paths)
    .split('\n').map((line) => line.replace(/#.*/, '').trim()).filter((line) => line !== '');

  const result = AwsAuthMigration.fromConfigMap(readInput(io, file), { knownRoleArns });
  io.out(formatMap(result.principals, format));
  for (const f of result.findings) {
    const rule = f.ruleId ? ` ${f.ruleId}` : '';
    const principal = f.principal ? ` ${f.principal}:` : '';
    io.err(`${file}:${f.line ?? 1}: ${f.severity}${rule} ${f.location}:${principal} ${f.message}`);
  }
  const errors = result.findings.filter((f) => f.severity === Severity.ERROR).length;
  io.err(`${Object.keys(result.principals).length} principals migrated; ${errors} errors, ${result.findings.length - errors} warnings`);
  return errors > 0 ? ExitCode.FINDINGS : ExitCode.OK;
}
