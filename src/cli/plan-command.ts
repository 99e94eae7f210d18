import { CommandSpec, ParsedCommand } from './command';
import { CliIo, emit, ExitCode, readInput } from './io';
import { LIVE_SOURCE_OPTIONS, liveErrors, liveSource } from './live-source';
import { formatOption, OUT_OPTION } from './options';
import { declaredClusterOf } from '../live/declared-entries';
import { writeImportMappings } from '../live/import-plan';
import { StackResources } from '../live/ownership';
import { planDeploy } from '../live/plan';
import { planFails, renderPlanJson, renderPlanText } from '../live/render-plan';
import { checkSnapshotAge, synthTimeOf } from '../live/snapshot-checks';

export const PLAN_COMMAND: CommandSpec = {
  name: 'plan',
  summary: 'says what cdk deploy will do to the live cluster\'s access entries, before it runs',
  description: [
    'Compares the access entries a synth declares for a cluster with the cluster\'s live entries (a snapshot file, or read now with the AWS SDK) and gives each principal one action: create, update (widening flagged), unchanged, conflict (an entry exists that this app does not own: the deploy would fail with 409), delete, or undeclared (live only; the plan says when EKS made it itself). An entry is this app\'s when its aws:cloudformation tags (or the stack resources of --stack-resources) name the declaring stack and logical id; an entry with no sign of an owner is a conflict. It refuses what the cluster makes impossible (CONFIG_MAP mode). With --import-mapping, it writes the resource mapping of each stack with conflicts for cdk import, and says what the import needs first.',
    'Exits 0 when the deploy can run, 1 on any conflict or refusal, 2 when it cannot run (bad arguments, a snapshot that is malformed, of another cluster, or older than the synth).',
  ],
  arguments: [{ name: '<cdk.out>', description: 'the cloud assembly directory of a synth' }],
  takes: 'one cloud assembly directory',
  options: [
    ...LIVE_SOURCE_OPTIONS,
    formatOption(['text', 'json'], 'how to print the plan: text, or json ({ "changes": [ { principalArn, action, stack, logicalId, widening, detail } ] })'),
    OUT_OPTION,
    { name: 'import-mapping', value: 'dir', description: 'write <stack name>.resource-mapping.json for each stack with conflicts to import, for cdk import --resource-mapping' },
    { name: 'stack-resources', value: 'files', description: 'comma-separated outputs of aws cloudformation describe-stack-resources, for entries imported without CloudFormation\'s tags' },
    { name: 'allow-stale', flag: true, description: 'accept a snapshot taken before the synth (cdk.out copied without its file times)' },
  ],
  run: plan,
};

async function plan(command: ParsedCommand, io: CliIo): Promise<ExitCode> {
  const assembly = command.positionals[0];
  const source = await liveSource(command, io);
  if (source.file !== undefined) {
    liveErrors(() => checkSnapshotAge(source.snapshot, source.file!, synthTimeOf(assembly), command.flag('allow-stale')));
  }
  const resources = stackResourcesOf(command, io);
  const deployPlan = liveErrors(() => planDeploy(declaredClusterOf(assembly, source.snapshot, source.label), source.snapshot, resources));
  const mappingDir = command.string('import-mapping');
  if (mappingDir !== undefined) {
    for (const path of liveErrors(() => writeImportMappings(mappingDir, deployPlan.imports))) { io.err(`wrote ${path}`); }
  }
  emit(io, command.string('out'), command.string('format') === 'json' ? renderPlanJson(deployPlan) : renderPlanText(deployPlan, mappingDir));
  return planFails(deployPlan) ? ExitCode.FINDINGS : ExitCode.OK;
}

/** The stack resources of `--stack-resources`, merged. */
function stackResourcesOf(command: ParsedCommand, io: CliIo): StackResources | undefined {
  const files = command.string('stack-resources')?.split(',').map((f) => f.trim()).filter((f) => f !== '') ?? [];
  if (files.length === 0) { return undefined; }
  return StackResources.merge(files.map((file) => {
    const text = readInput(io, file, '--stack-resources expects the output of aws cloudformation describe-stack-resources');
    return liveErrors(() => StackResources.parse(text, file));
  }));
}
