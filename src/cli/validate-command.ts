import { CliIo, ExitCode, parseArgs, readInput, UsageError } from './io';
import { fieldPath, readMapFile } from '../map-file/read-map-file';
import { Severity } from '../severity';
import { checkAccessMap } from '../validation/check-map';

export const VALIDATE_USAGE = `eks-access-manager validate <map.yaml|map.json> [--account 111122223333] [--partition aws]

  Runs every synth-time rule on an access map file, without a CDK app, and prints the
  findings like a compiler (file:line: severity rule-id principal: field: message).
  Exits 1 on any error.

  --account    the cluster's account, for the rules that compare accounts
  --partition  the cluster's partition (aws, aws-cn, aws-us-gov, ...)`;

export function validateCommand(args: readonly string[], io: CliIo): ExitCode {
  const { positional, options } = parseArgs(args, ['account', 'partition']);
  if (positional.length !== 1) { throw new UsageError('validate takes one map file'); }
  if (options.account !== undefined && !/^\d{12}$/.test(options.account)) {
    throw new UsageError(`--account is a 12-digit account id, got "${options.account}"`);
  }
  const file = positional[0];
  const read = readMapFile(readInput(io, file));
  const lines: Array<{ line: number; text: string; error: boolean }> = read.problems.map((p) => ({
    line: p.line ?? 1, text: `error ${p.ruleId} ${p.message}`, error: true,
  }));
  const findings = checkAccessMap(read.principals, {
    account: options.account,
    partition: options.partition,
    cluster: { authenticationMode: read.authenticationMode, clusterName: read.clusterName, source: file },
  });
  for (const f of findings) {
    // A finding on the cluster settings names a top-level key (`clusterName`, `authenticationMode`).
    const path = f.identity === undefined ? fieldPath(f.field) : ['principals', f.principal, ...fieldPath(f.field)];
    const field = f.field ? ` ${f.field}:` : '';
    lines.push({
      line: read.source.lineOf(path) ?? 1,
      text: `${f.severity} ${f.ruleId} ${f.principal}:${field} ${f.message}. Fix: ${f.fix}`,
      error: f.severity === Severity.ERROR,
    });
  }
  lines.sort((a, b) => a.line - b.line);
  for (const l of lines) { io.out(`${file}:${l.line}: ${l.text}`); }
  const errors = lines.filter((l) => l.error).length;
  io.out(`${Object.keys(read.principals).length} principals checked: ${errors} errors, ${lines.length - errors} warnings`);
  return errors > 0 ? ExitCode.FINDINGS : ExitCode.OK;
}
