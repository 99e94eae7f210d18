import { join } from 'path';
import { Stack, Stage } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import { buildReport } from './access-report';
import { withGroups } from './group-report';
import { writeReport } from './report-files';
import { entryAsMade } from './resource-entry';
import { ACCESS_ENTRY_TYPE, templateEntry, TemplateEntry, TemplateResources } from './template-entry';
import { readTemplate } from '../facts/template-file';
import { describePrincipal } from '../principal';
import { RegisteredManager } from '../private/app-registry';
import { timed } from '../private/cpu-time';
import { fixedLogicalId } from '../private/logical-ids';
import { PrincipalModel } from '../private/model';
import { literalString } from '../private/tokens';

/**
 * Writes the access report of every cluster the app grants on, once all templates are
 * written: each entry is read back from its stack's template file, so a report never
 * shows anything that is not in a template.
 *
 * @returns the paths written
 */
export function writeAppReports(managers: readonly RegisteredManager[]): string[] {
  return timed('report', () => writeReports(managers));
}

function writeReports(managers: readonly RegisteredManager[]): string[] {
  const byCluster = new Map<string, RegisteredManager[]>();
  for (const manager of managers) {
    const key = manager.clusterKey();
    byCluster.set(key, [...(byCluster.get(key) ?? []), manager]);
  }
  const templates = new TemplateCache();
  const written: string[] = [];
  for (const group of byCluster.values()) {
    // Any manager of the cluster can turn its report off.
    if (group.some((m) => !m.reportEnabled)) { continue; }
    const entries = group.flatMap((m) => m.resources()).map((r) => entryOf(r, templates));
    const baseline = group.find((m) => m.reportBaseline !== undefined)?.reportBaseline;
    const acknowledgements = group.flatMap((m) => m.acknowledgements());
    const report = withGroups(buildReport(group[0].clusterLabel(), entries, acknowledgements), group.flatMap((m) => m.manifests()));
    written.push(...writeReport(group[0].outdir(), report, baseline));
  }
  return written;
}

/**
 * The entry as its stack's template has it: read from the resource when that is certain
 * to give the same (`entryAsMade`), otherwise from the template file.
 */
function entryOf(
  resource: CfnAccessEntry,
  templates: TemplateCache,
): { stack: string; entry: TemplateEntry; principalPath?: string; permissionSet?: string } {
  const asMade = entryAsMade(resource);
  if (asMade) { return { stack: templates.stackPath(Stack.of(resource)), entry: asMade }; }
  const read = templates.entryOf(resource);
  const principal = inAppPrincipal(resource, read.entry);
  if (principal?.tokenTarget === undefined) { return read; }
  // A `PermissionSetRole`'s role: reviewers know it by its permission set.
  const permissionSet = principal.facts.lookedUpIn === undefined ? undefined : principal.facts.permissionSet;
  return permissionSet === undefined
    ? { ...read, principalPath: principal.tokenTarget }
    : { ...read, principalPath: principal.tokenTarget, permissionSet };
}

/**
 * What is known of the app's own role or user that an entry's principal refers to
 * (`role.roleArn`), when the template still has that principal: an override may have
 * replaced it since, and the report shows what the template says.
 */
function inAppPrincipal(resource: CfnAccessEntry, entry: TemplateEntry): PrincipalModel | undefined {
  const arn = resource.principalArn;
  if (literalString(arn) !== undefined) { return undefined; }
  const sameInTemplate = JSON.stringify(Stack.of(resource).resolve(arn)) === JSON.stringify(entry.principalArn);
  return sameInTemplate ? describePrincipal(resource, arn) : undefined;
}

/** Template files as written by synth, each read once, and the paths of their stacks. */
class TemplateCache {
  private readonly templates = new Map<Stack, { path: string; resources: TemplateResources }>();
  private readonly paths = new Map<Stack, string>();

  /** A stack's construct path, worked out once: thousands of entries share a few stacks. */
  public stackPath(stack: Stack): string {
    let path = this.paths.get(stack);
    if (path === undefined) {
      path = stack.node.path;
      this.paths.set(stack, path);
    }
    return path;
  }

  /** The entry as its stack's template file has it, with the stack that holds it. */
  public entryOf(resource: CfnAccessEntry): { stack: string; entry: TemplateEntry } {
    const stack = Stack.of(resource);
    let template = this.templates.get(stack);
    if (!template) {
      const file = join(Stage.of(stack)!.outdir, stack.templateFile);
      template = { path: this.stackPath(stack), resources: readTemplate(file).Resources ?? {} };
      this.templates.set(stack, template);
    }
    const logicalId = logicalIdIn(template.resources, resource);
    return { stack: template.path, entry: templateEntry(logicalId, template.resources[logicalId]?.Properties ?? {}) };
  }
}

/**
 * The logical id of an entry in its template: the one the manager gave it, when the
 * template has this principal's entry there (resolving each id costs more than reading
 * the entry: 15 to 25 ms for 3,000 entries). Otherwise it was overridden since, and
 * resolving the id gives the new one (`getLogicalId` would ignore the override).
 */
function logicalIdIn(resources: TemplateResources, resource: CfnAccessEntry): string {
  const fixed = fixedLogicalId(resource);
  const candidate = fixed === undefined ? undefined : resources[fixed];
  if (candidate?.Type === ACCESS_ENTRY_TYPE && candidate.Properties?.PrincipalArn === resource.principalArn) {
    return fixed!;
  }
  return Stack.of(resource).resolve(resource.logicalId);
}
