import { CommandSpec, ParsedCommand } from './command';
import { CliIo, emit, ExitCode } from './io';
import { formatOption, OUT_OPTION } from './options';
import { reportsIn } from './read-reports';
import { renderChanges } from '../report/render-markdown';
import { AccessChange, ChangeKind, diffReports } from '../report/report-diff';
import { emptyReport } from '../report/report-files';

export const DIFF_COMMAND: CommandSpec = {
  name: 'diff',
  summary: 'prints who gains or loses access between two synths',
  description: [
    'Prints who gains or loses access between two synths: each argument is an access report (.json) or a cloud assembly directory (cdk.out) holding them, paired by cluster. Changes that will fail or cut access during cdk deploy come first, then widening (a new principal with access included), then the rest; the last line sums it up.',
    'Exits 1 on a deploy hazard, and with --fail-on widening also when any principal gains access; 0 otherwise; 2 when it cannot run (bad arguments, a file that is not a report).',
  ],
  arguments: [
    { name: '<before>', description: 'the earlier report, or cloud assembly (the last release\'s)' },
    { name: '<after>', description: 'the later report, or cloud assembly (this change\'s)' },
  ],
  takes: 'two reports (or two cdk.out directories)',
  options: [
    { name: 'fail-on', value: 'what', choices: ['hazard', 'widening'], default: 'hazard', description: 'exit 1 on a deploy hazard (hazard), or on a deploy hazard or any widening of access (widening)' },
    formatOption(['markdown', 'json'], 'how to print the changes: markdown (a section per cluster), or json (for scripts)'),
    OUT_OPTION,
  ],
  run: diff,
};

interface ClusterChanges {
  readonly cluster: string;
  readonly changes: AccessChange[];
}

function diff(command: ParsedCommand, io: CliIo): ExitCode {
  const [before, after] = command.positionals.map((p) => reportsIn(io, p));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  const clusters: ClusterChanges[] = names.map((cluster) => ({
    cluster,
    changes: diffReports(before.get(cluster) ?? emptyReport(cluster), after.get(cluster) ?? emptyReport(cluster)),
  }));
  const all = clusters.flatMap((c) => c.changes);
  const widened = principalsOf(all, [ChangeKind.WIDENED]);
  const narrowed = principalsOf(all, [ChangeKind.NARROWED, ChangeKind.REMOVED]);
  const hazards = all.filter((c) => c.kind === ChangeKind.DEPLOY_HAZARD).length;
  const failWidening = command.string('fail-on') === 'widening' && widened > 0;
  const failed = hazards > 0 || failWidening;

  if (command.string('format') === 'json') {
    const summary = { clusters: clusters.length, widened, narrowed, deployHazards: hazards, failed };
    emit(io, command.string('out'), JSON.stringify({ summary, clusters }, undefined, 2) + '\n');
  } else {
    const sections = clusters.map((c) => `# ${c.cluster}\n\n${renderChanges(c.changes).slice(2).join('\n')}\n`);
    const reasons = [...(hazards > 0 ? ['a deploy hazard'] : []), ...(failWidening ? ['access widened (--fail-on widening)'] : [])];
    const summary = `${count(clusters.length, 'cluster')}: ${count(widened, 'principal')} ${widened === 1 ? 'gains' : 'gain'} access, `
      + `${narrowed} ${narrowed === 1 ? 'loses' : 'lose'} access, ${count(hazards, 'deploy hazard')}${reasons.length > 0 ? `; failing: ${reasons.join(', ')}` : ''}`;
    emit(io, command.string('out'), [...sections, summary].join('\n'));
  }
  return failed ? ExitCode.FINDINGS : ExitCode.OK;
}

/** How many principals have a change of these kinds (a principal with two counts once). */
function principalsOf(changes: readonly AccessChange[], kinds: readonly ChangeKind[]): number {
  return new Set(changes.filter((c) => kinds.includes(c.kind)).map((c) => c.principal)).size;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
