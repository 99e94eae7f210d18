import { Stack } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import { buildReport } from './access-report';
import { writeReport } from './report-files';
import { templateEntries, TemplateEntry } from './template-entry';
import { RegisteredManager } from '../private/app-registry';

/**
 * Writes the access report of one cluster (every manager of the app that grants on it)
 * into the cloud assembly. Each entry is read from what its stack's template will hold,
 * so the report never shows anything that is not in the template.
 *
 * @returns the paths written; none when a manager of the cluster opted out
 */
export function writeClusterReport(outdir: string, cluster: string, managers: readonly RegisteredManager[]): string[] {
  if (managers.length === 0 || managers.some((m) => !m.reportEnabled)) { return []; }
  const entries = managers.flatMap((m) => m.resources()).flatMap(templateResourceOf);
  const baseline = managers.find((m) => m.reportBaseline !== undefined)?.reportBaseline;
  return writeReport(outdir, buildReport(cluster, entries), baseline);
}

/** The entry as its template has it, with the stack that holds it. */
function templateResourceOf(resource: CfnAccessEntry): Array<{ stack: string; entry: TemplateEntry }> {
  const stack = Stack.of(resource);
  // The same rendering CloudFormation templates get: the resource's properties, resolved.
  const rendered = stack.resolve((resource as unknown as { _toCloudFormation(): object })._toCloudFormation());
  return templateEntries(rendered).map((entry) => ({ stack: stack.node.path, entry }));
}
