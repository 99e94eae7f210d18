import { CommandSpec, ParsedCommand } from './command';
import { formatMap, MAP_FORMATS } from './format-map';
import { CliIo, emit, ExitCode } from './io';
import { LIVE_SOURCE_OPTIONS, liveSource } from './live-source';
import { countSeverities, findingText } from './located-finding';
import { formatOption, OUT_OPTION } from './options';
import { adoptSnapshot } from '../live/adopt';

export const ADOPT_COMMAND: CommandSpec = {
  name: 'adopt',
  summary: 'turns a live cluster\'s access entries into an access map',
  description: [
    'Turns the live entries of a cluster (a snapshot file, or read now with the AWS SDK) into an access map for EksAccessManager, as migrate does for aws-auth: the map to declare before importing the entries with cdk import (see plan --import-mapping). The entries EKS made itself (node and Fargate roles, Auto Mode, capabilities, service-linked roles, the cluster creator) are left out and named on stderr, with what the library\'s rules say of the map.',
    'Exits 0 when the map passes the rules (warnings allowed), 1 on a rule error, 2 when it cannot run.',
  ],
  arguments: [],
  takes: 'no arguments',
  options: [
    ...LIVE_SOURCE_OPTIONS,
    formatOption(MAP_FORMATS, 'how to print the map: yaml (a map file), json, or ts (a TypeScript \'principals\' snippet)'),
    OUT_OPTION,
  ],
  run: adopt,
};

async function adopt(command: ParsedCommand, io: CliIo): Promise<ExitCode> {
  const source = await liveSource(command, io);
  const adoption = adoptSnapshot(source.snapshot);
  emit(io, command.string('out'), formatMap(adoption.principals, command.string('format')!));
  for (const left of adoption.leftOut) { io.err(`left out ${left.principalArn}: ${left.reason}`); }
  for (const f of adoption.findings) {
    io.err(`${f.severity} ${f.ruleId} ${findingText(f)}`);
  }
  const { errors, warnings } = countSeverities(adoption.findings);
  io.err(`${source.label}: ${Object.keys(adoption.principals).length} principals adopted, ${adoption.leftOut.length} left out (made by EKS); `
    + `${errors} errors, ${warnings} warnings`);
  return errors > 0 ? ExitCode.FINDINGS : ExitCode.OK;
}
