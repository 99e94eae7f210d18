/**
 * A plan as text for people, and as JSON for pipelines: `{ "changes": [ { principalArn,
 * action, stack, logicalId, widening, detail } ] }` (with `fix` on changes that fail the
 * deploy), beside the cluster, its refusals and the imports.
 */
import { join } from 'path';
import { DeployPlan, isBlocking, PlanAction } from './plan';

/** The plan as text, one principal per paragraph, what fails first. */
export function renderPlanText(plan: DeployPlan, mappingDir?: string): string {
  const lines = [`Plan for cluster ${plan.clusterName} (${plan.region}, ${plan.authenticationMode}), against the snapshot taken at ${plan.takenAt}`];
  for (const refusal of plan.refusals) { lines.push(`refused: ${refusal}`); }
  lines.push('');
  for (const change of plan.changes) {
    const where = change.stack === undefined ? '' : `  ${change.stack}${change.logicalId ? `/${change.logicalId}` : ''}`;
    lines.push(`${change.action.padEnd(10)} ${change.principalArn}${where}${change.widening ? '  (widening)' : ''}`);
    lines.push(`           ${change.detail}`);
    if (change.fix) { lines.push(`           Fix: ${change.fix}`); }
  }
  if (plan.imports.length > 0) {
    lines.push('', 'Adoption with cdk import:');
    for (const i of plan.imports) {
      const count = Object.keys(i.mapping).length;
      lines.push(`  stack ${i.stackName}: ${count} ${count === 1 ? 'entry' : 'entries'} to import${count > 0 ? ` (${i.fileName})` : ''}`);
      for (const blocker of i.blockers) { lines.push(`    cannot import yet: ${blocker}`); }
      for (const note of i.notes) { lines.push(`    note: ${note}`); }
      if (count > 0) {
        const file = mappingDir === undefined ? `<dir>/${i.fileName} (write it with --import-mapping <dir>)` : join(mappingDir, i.fileName);
        lines.push(`    ${i.blockers.length > 0 ? 'once fixed' : 'then'}: cdk import ${i.displayName} --resource-mapping ${file}`);
      }
    }
  }
  lines.push('', summary(plan));
  return lines.join('\n');
}

/** The plan as JSON. */
export function renderPlanJson(plan: DeployPlan): string {
  return JSON.stringify({
    cluster: { clusterName: plan.clusterName, region: plan.region, authenticationMode: plan.authenticationMode, takenAt: plan.takenAt },
    refusals: plan.refusals,
    changes: plan.changes.map((c) => ({
      principalArn: c.principalArn,
      action: c.action,
      stack: c.stack ?? null,
      logicalId: c.logicalId ?? null,
      widening: c.widening,
      detail: c.detail,
      ...(c.fix ? { fix: c.fix } : {}),
    })),
    imports: plan.imports.map((i) => ({
      stack: i.stackName, displayName: i.displayName, file: i.fileName, mapping: i.mapping, blockers: i.blockers, notes: i.notes,
    })),
  }, undefined, 2);
}

/** Counts by action, and what fails. */
function summary(plan: DeployPlan): string {
  const counts = Object.values(PlanAction).map((a) => [a, plan.changes.filter((c) => c.action === a).length] as const).filter(([, n]) => n > 0);
  const text = counts.map(([a, n]) => `${n} ${a}`).join(', ') || 'no entries';
  const blocking = plan.changes.filter(isBlocking).length;
  const failing = [
    ...(blocking > 0 ? [`${blocking} ${blocking === 1 ? 'conflict' : 'conflicts'}`] : []),
    ...(plan.refusals.length > 0 ? [`${plan.refusals.length} ${plan.refusals.length === 1 ? 'refusal' : 'refusals'}`] : []),
  ];
  return `${text}${failing.length > 0 ? `; the deploy would fail: ${failing.join(', ')}` : ''}`;
}

/** True when the deploy would fail: a conflict, or a refusal. */
export function planFails(plan: DeployPlan): boolean {
  return plan.refusals.length > 0 || plan.changes.some(isBlocking);
}
