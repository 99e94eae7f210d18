import { AccessReport, ReportEntry } from './access-report';
import { AccessChange, ChangeKind } from './report-diff';
import { AcknowledgementRecord } from '../private/acknowledgements';

/** The report as Markdown for reviewers: summary, changes (when a baseline was given), entries. */
export function renderReport(report: AccessReport, changes?: readonly AccessChange[]): string {
  const lines = [`# Access to EKS cluster ${report.cluster}`, ''];
  const names = principalNames(report.entries);
  renderSummary(lines, report, names);
  lines.push('');
  if (changes) {
    lines.push(...renderChanges(changes), '');
  }
  if (report.acknowledgements) {
    lines.push(...renderAcknowledgements(report.acknowledgements), '');
  }
  if (report.groups) {
    lines.push(...renderGroups(report), '');
  }
  lines.push('## Entries', '');
  lines.push('| principal | type | username | groups | policies (scope) | roughly equals |');
  lines.push('|---|---|---|---|---|---|');
  for (const entry of report.entries) { lines.push(entryRow(entry)); }
  lines.push('', `Stack and logical id of each entry are in the JSON report. ${report.entries.length} entries.`, '');
  return lines.join('\n');
}

/** The groups section of the Markdown report: each group's bindings, then each member's access. */
function renderGroups(report: AccessReport): string[] {
  const groups = report.groups ?? [];
  if (groups.length === 0) { return []; }
  // Reviewers know the app's own roles by their construct path, as the rest of the report names them.
  const names = new Map(report.entries.map((e) => [e.principal, e.principalPath ?? e.principal]));
  const name = (principal: string) => code(names.get(principal) ?? principal);
  const lines = ['## Kubernetes groups', '', '| group | role (scope) | allows | members |', '|---|---|---|---|'];
  for (const g of groups) {
    const roles = g.grants.map((x) => `${x.role} (${x.scope === 'namespace' ? x.namespaces.map((n) => `\`${n}\``).join(', ') : 'cluster'})`);
    const allows = g.grants.map((x) => (x.rules ? x.rules.join('; ') : x.level));
    lines.push(`| ${code(g.group)} | ${roles.join('<br>')} | ${allows.map(cellText).join('<br>')} | ${g.members.map(name).join('<br>')} |`);
  }
  const members = report.entries.filter((e) => e.groupAccess !== undefined);
  if (members.length > 0) {
    lines.push('', '| principal | from policies | from groups |', '|---|---|---|');
    for (const e of members) {
      const policies = e.policies.map((p) => `${p.policy} (${p.scope === 'namespace' ? p.namespaces.join(', ') : p.scope})`);
      const fromGroups = e.groupAccess!.map((a) => `${a.group}: ${a.role} (${a.scope === 'namespace' ? a.namespaces.join(', ') : a.scope})`);
      lines.push(`| ${name(e.principal)} | ${policies.map(cellText).join('<br>')} | ${fromGroups.map(cellText).join('<br>')} |`);
    }
  }
  return lines;
}

/**
 * What reviewers know each principal by, as Markdown: the construct path of the app's own
 * role or user (as error messages name it), else the principal as the template has it.
 */
function principalNames(entries: readonly ReportEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of entries) {
    if (entry.principalPath !== undefined) { names.set(entry.principal, principalName(entry)); }
  }
  return names;
}

function principalName(entry: ReportEntry): string {
  if (entry.principalPath === undefined) { return code(entry.principal); }
  return entry.permissionSet === undefined ? `${code(entry.principalPath)} (this app's)`
    : `${code(entry.principalPath)} (IAM Identity Center permission set ${code(entry.permissionSet)})`;
}

/**
 * Adds the summary to `lines`: pushed, not returned, since its namespace table may have
 * thousands of rows, and spreading them into another list copies each one once more.
 */
function renderSummary(lines: string[], report: AccessReport, names: ReadonlyMap<string, string>): void {
  const { clusterWide, namespaceWriters, withGroups, nodes } = report.summary;
  lines.push(
    '## Summary',
    '',
    '| cluster-wide | principals |',
    '|---|---|',
    `| admin | ${clusterWide.admin} |`,
    `| write | ${clusterWide.write} |`,
    `| read, Secrets included | ${clusterWide.readSecrets} |`,
    `| read, no Secrets | ${clusterWide.read} |`,
    '',
    `Principals with Kubernetes groups (their access is what your RBAC bindings give): ${withGroups}. Node entries: ${nodes}.`,
  );
  // Keys, not `Object.entries`: a map of thousands of namespaces would get a pair for each.
  const namespaces = Object.keys(namespaceWriters);
  if (namespaces.length > 0) {
    lines.push('', '| namespace | can write (admin or edit) |', '|---|---|');
    for (let n = 0; n < namespaces.length; n++) {
      const ns = namespaces[n];
      const principals = namespaceWriters[ns];
      let writers = '';
      for (let i = 0; i < principals.length; i++) { writers += (i > 0 ? '<br>' : '') + (names.get(principals[i]) ?? code(principals[i])); }
      lines.push(`| \`${ns}\` | ${writers} |`);
    }
  }
}

/** What the app accepted on purpose: each acknowledgement, its reason, what it silenced. */
function renderAcknowledgements(acknowledgements: readonly AcknowledgementRecord[]): string[] {
  const lines = ['## Acknowledged findings', ''];
  for (const a of acknowledgements) {
    const who = a.principal === undefined ? 'every principal' : code(a.principal);
    const silenced = a.silenced.length === 0 ? 'silences nothing today' : `silences ${a.silenced.length}`;
    lines.push(`- **${a.ruleId}** for ${who} (${a.manager}): ${a.reason}. It ${silenced}.`);
    for (const finding of a.silenced) { lines.push(`  - ${finding.replace(/\|/g, '\\|')}`); }
  }
  return lines;
}

const HEADINGS: Record<ChangeKind, string> = {
  [ChangeKind.DEPLOY_HAZARD]: 'Will fail or cut access during cdk deploy',
  [ChangeKind.WIDENED]: 'Widened',
  [ChangeKind.ADDED]: 'Added',
  [ChangeKind.NARROWED]: 'Narrowed',
  [ChangeKind.REMOVED]: 'Removed',
};

/** The changes, most urgent first; each kind under its own heading. */
export function renderChanges(changes: readonly AccessChange[]): string[] {
  const lines = ['## Changes since the baseline', ''];
  if (changes.length === 0) { return [...lines, 'No change in access.']; }
  for (const kind of Object.keys(HEADINGS) as ChangeKind[]) {
    const ofKind = changes.filter((c) => c.kind === kind);
    if (ofKind.length === 0) { continue; }
    lines.push(`### ${HEADINGS[kind]} (${ofKind.length})`, '');
    for (const c of ofKind) {
      lines.push(`- ${code(c.principal)} ${c.detail}${c.fix ? `. **Instead:** ${c.fix}` : ''}`);
    }
    lines.push('');
  }
  return lines.slice(0, -1);
}

function entryRow(entry: ReportEntry): string {
  // Plain loops: this runs once per entry, once per synth, before V8 optimizes it.
  let policies = '';
  let equivalents = '';
  for (let i = 0; i < entry.policies.length; i++) {
    const p = entry.policies[i];
    const separator = i > 0 ? '<br>' : '';
    policies += `${separator}${p.policy} (${p.scope === 'namespace' ? codeList(p.namespaces) : p.scope})`;
    equivalents += separator + (p.equivalent ?? p.level);
  }
  return `| ${principalName(entry)} | ${entry.type} | ${entry.username ? code(entry.username) : ''} | ${codeList(entry.kubernetesGroups)} | ${policies} | ${equivalents} |`;
}

function codeList(texts: readonly string[], separator = ', '): string {
  let list = '';
  for (let i = 0; i < texts.length; i++) { list += (i > 0 ? separator : '') + code(texts[i]); }
  return list;
}

/** Text in backticks, safe inside a table cell (no backtick, no unescaped pipe). */
function code(text: string): string {
  return `\`${cellText(text)}\``;
}

/** Text safe inside a table cell: a backtick (it would open code) becomes `'`, a pipe is escaped. */
function cellText(text: string): string {
  return text.includes('`') || text.includes('|') ? text.replace(/`/g, "'").replace(/\|/g, '\\|') : text;
}
