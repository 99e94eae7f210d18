import { CommandSpec, ParsedCommand } from './command';
import { CliIo, emit, ExitCode, readInput, UsageError } from './io';
import { byPlace, countSeverities, findingLine, findingsJson, findingText, LocatedFinding } from './located-finding';
import { FINDING_FORMATS, FINDING_FORMATS_DESCRIPTION, formatOption, OUT_OPTION } from './options';
import { packageInfo } from './package-info';
import { RuleDescription, sarifLog } from './sarif';
import { findingPath, readMapFile } from '../map-file/read-map-file';
import { Severity } from '../severity';
import { DEFAULT_RULES } from '../validation';
import { checkAccessMap } from '../validation/check-map';

const EXPECTED = 'validate expects an access map file (YAML or JSON)';

export const VALIDATE_COMMAND: CommandSpec = {
  name: 'validate',
  summary: 'runs every synth-time rule on an access map file, without a CDK app',
  description: [
    'Runs every synth-time rule on an access map file, without a CDK app, and prints the findings like a compiler (file:line:column: severity rule-id principal: field: message), as JSON, or as SARIF for code scanning.',
    'Exits 0 when there is no error (warnings allowed), 1 on any error, 2 when it cannot run (bad arguments, a file it cannot read).',
  ],
  arguments: [{ name: '<map.yaml|map.json>', description: 'the access map file: principals, and optionally groups, clusterName and authenticationMode' }],
  takes: 'one map file',
  options: [
    { name: 'account', value: 'id', description: 'the cluster\'s account (12 digits), for the rules that compare accounts' },
    { name: 'partition', value: 'partition', description: 'the cluster\'s partition (aws, aws-cn, aws-us-gov, ...)' },
    formatOption(FINDING_FORMATS, `how to print the findings: ${FINDING_FORMATS_DESCRIPTION}`),
    OUT_OPTION,
  ],
  run: validate,
};

function validate(command: ParsedCommand, io: CliIo): ExitCode {
  const account = command.string('account');
  if (account !== undefined && !/^\d{12}$/.test(account)) {
    throw new UsageError(`--account is a 12-digit account id, got "${account}"`);
  }
  const file = command.positionals[0];
  const read = readMapFile(readInput(io, file, EXPECTED));
  const findings: LocatedFinding[] = read.problems.map((p) => ({
    file,
    line: p.line ?? 1,
    column: p.column ?? 1,
    severity: Severity.ERROR,
    ruleId: p.ruleId,
    text: p.message,
    details: { message: p.message },
  }));
  const ruleFindings = checkAccessMap(read.principals, {
    account,
    partition: command.string('partition'),
    cluster: { authenticationMode: read.authenticationMode, clusterName: read.clusterName, source: file },
    ...(read.groups === undefined ? {} : { groups: read.groups }),
  });
  for (const f of ruleFindings) {
    const place = read.source.positionOf(findingPath(f));
    findings.push({
      file,
      line: place?.line ?? 1,
      column: place?.column ?? 1,
      severity: f.severity,
      ruleId: f.ruleId,
      text: findingText(f),
      details: { principal: f.principal, ...(f.group === undefined ? {} : { group: f.group }), field: f.field, message: f.message, fix: f.fix },
    });
  }
  findings.sort(byPlace);
  const counts = countSeverities(findings);
  const principals = Object.keys(read.principals).length;
  switch (command.string('format')) {
    case 'json':
      emit(io, command.string('out'), findingsJson(findings, { principals, ...counts }));
      break;
    case 'sarif':
      emit(io, command.string('out'), sarifLog(findings, ruleDescriptions()));
      break;
    default:
      emit(io, command.string('out'), [...findings.map(findingLine), `${principals} principals checked: ${counts.errors} errors, ${counts.warnings} warnings`].join('\n'));
  }
  return counts.errors > 0 ? ExitCode.FINDINGS : ExitCode.OK;
}

/** Every rule of the catalogue, as SARIF describes a tool's rules. */
export function ruleDescriptions(): RuleDescription[] {
  const helpUri = `${packageInfo().homepage}/blob/main/docs/rules.md`;
  return DEFAULT_RULES.map((r) => ({ id: r.id, severity: r.severity, summary: r.summary, source: r.source, helpUri }));
}
