import { CommandSpec, ParsedCommand } from './command';
import { formatMap, MAP_FORMATS } from './format-map';
import { CliIo, emit, ExitCode, InputError, readInput } from './io';
import { countSeverities, findingLine, findingsJson, LocatedFinding } from './located-finding';
import { FINDING_FORMATS, FINDING_FORMATS_DESCRIPTION, formatOption, OUT_OPTION } from './options';
import { packageInfo } from './package-info';
import { RuleDescription, sarifLog } from './sarif';
import { ruleDescriptions } from './validate-command';
import { AwsAuthMigration, AwsAuthMigrationResult } from '../migration/aws-auth-migration';
import { ALL_MIGRATION_RULES } from '../migration/migration-rules';
import { parseIamPrincipal } from '../private/principal-arn';

const PATHS_EXPECTED = '--paths expects a text file of role ARNs, one per line';

export const MIGRATE_COMMAND: CommandSpec = {
  name: 'migrate',
  summary: 'turns an aws-auth ConfigMap into an access map',
  description: [
    'Turns an aws-auth ConfigMap (kubectl get configmap aws-auth -n kube-system -o yaml) into an access map for EksAccessManager. Prints the map on stdout (or to --out) and the findings on stderr (or to --findings-out). Every mapping is in the map or named by a finding; a mapping that cannot be migrated as written is never in the map.',
    'Exits 0 when every mapping was migrated (warnings allowed), 1 when something could not be migrated, 2 when it cannot run (bad arguments, a file it cannot read).',
  ],
  arguments: [{ name: '<aws-auth.yaml>', description: 'the ConfigMap (YAML or JSON), its data alone, or a bare list of mappings' }],
  takes: 'one aws-auth file',
  options: [
    { name: 'paths', value: 'file', description: 'a text file of full role ARNs, one per line (\'#\' starts a comment), to restore the role paths aws-auth strips (aws iam list-roles --query \'Roles[].Arn\' --output text)' },
    formatOption(MAP_FORMATS, 'how to print the map: yaml (a map file), json, or ts (a TypeScript \'principals\' snippet)'),
    OUT_OPTION,
    { name: 'findings', value: 'format', choices: FINDING_FORMATS, default: FINDING_FORMATS[0], description: `how to print the findings: ${FINDING_FORMATS_DESCRIPTION}` },
    { name: 'findings-out', value: 'file', description: 'write the findings to this file instead of stderr' },
  ],
  run: migrate,
};

function migrate(command: ParsedCommand, io: CliIo): ExitCode {
  const file = command.positionals[0];
  const pathsFile = command.string('paths');
  const knownRoleArns = pathsFile === undefined ? [] : readRoleArns(readInput(io, pathsFile, PATHS_EXPECTED), pathsFile);
  const text = readInput(io, file, 'migrate expects an aws-auth ConfigMap (YAML or JSON)');
  const result = AwsAuthMigration.fromConfigMap(text, { knownRoleArns });
  emit(io, command.string('out'), formatMap(result.principals, command.string('format')!));

  const findings = result.findings.map((f) => located(file, f));
  const counts = countSeverities(findings);
  const findingsOut = command.string('findings-out');
  const write = (output: string) => (findingsOut === undefined ? io.err(output.replace(/\n$/, '')) : emit(io, findingsOut, output));
  switch (command.string('findings')) {
    case 'json':
      write(findingsJson(findings, { ...result.summary, ...counts }));
      break;
    case 'sarif':
      write(sarifLog(findings, migrationRuleDescriptions()));
      break;
    default:
      write([...findings.map(findingLine), summaryLine(result, counts)].join('\n'));
  }
  return counts.errors > 0 ? ExitCode.FINDINGS : ExitCode.OK;
}

/** `9 mappings: 0 migrated as written, 6 migrated with findings, 3 dropped; 4 errors, 10 warnings` */
function summaryLine(result: AwsAuthMigrationResult, counts: { errors: number; warnings: number }): string {
  const s = result.summary;
  return `${s.mappings} mappings: ${s.migratedAsWritten} migrated as written, ${s.migratedWithFindings} migrated with findings, ${s.dropped} dropped; ${counts.errors} errors, ${counts.warnings} warnings`;
}

function located(file: string, f: AwsAuthMigrationResult['findings'][number]): LocatedFinding {
  return {
    file,
    line: f.line ?? 1,
    column: f.column ?? 1,
    severity: f.severity,
    ruleId: f.ruleId,
    text: `${f.location}: ${f.principal ? `${f.principal}: ` : ''}${f.message}`,
    details: {
      location: f.location,
      ...(f.principal ? { principal: f.principal } : {}),
      message: f.message,
      ...(f.dropped ? { dropped: true } : {}),
    },
  };
}

/**
 * The role ARNs of a `--paths` file: whitespace-separated (so `--output text` works as it
 * is), `#` to the end of a line a comment. Anything that is not a role ARN is refused with
 * its line: a table that silently skips a line would leave a path unrestored.
 */
function readRoleArns(text: string, file: string): string[] {
  const arns: string[] = [];
  const wrong: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const word of line.replace(/#.*/, '').split(/\s+/).filter((w) => w !== '')) {
      if (parseIamPrincipal(word)?.kind === 'role') {
        arns.push(word);
      } else {
        wrong.push(`${file}:${i + 1}: ${JSON.stringify(word)} is not an IAM role ARN`);
      }
    }
  });
  if (wrong.length > 0) {
    if (wrong.length === 1) { throw new InputError(`${wrong[0]}; ${PATHS_EXPECTED}`); }
    const shown = wrong.length > 10 ? [...wrong.slice(0, 10), `... and ${wrong.length - 10} more`] : wrong;
    throw new InputError(`${shown.join('\n')}\n${PATHS_EXPECTED}`);
  }
  return arns;
}

/** The migration's own rules, then the validation rules whose findings it passes on. */
function migrationRuleDescriptions(): RuleDescription[] {
  const helpUri = `${packageInfo().homepage}#migrating-from-aws-auth`;
  return [
    ...ALL_MIGRATION_RULES.map((r) => ({ id: r.id, severity: r.severity, summary: r.summary, helpUri })),
    ...ruleDescriptions(),
  ];
}
