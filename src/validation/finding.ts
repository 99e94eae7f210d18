import { Severity } from './rule';

/** One problem found in an access map, ready to be shown. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** The principal as written in the map. */
  readonly principal: string;
  /** The principal's identity (see `PrincipalModel`); undefined for the cluster settings. */
  readonly identity?: string;
  /** The Kubernetes group, for a finding on a group of `groups` (`principal` then names the group). */
  readonly group?: string;
  readonly field: string;
  readonly message: string;
  readonly fix: string;
  /** Where the entry was declared. */
  readonly source: string;
}

/**
 * The one-line form used in synth errors and warnings:
 * `[EAM016] arn:...:role/dev: accessPolicies[0].accessScope.namespaces is empty. Fix: ...`
 */
export function formatFinding(finding: Finding): string {
  const field = finding.field ? ` ${finding.field}:` : '';
  const fix = /[.?!]$/.test(finding.fix) ? finding.fix : `${finding.fix}.`;
  return `[${finding.ruleId}] ${finding.principal}:${field} ${finding.message}. Fix: ${fix}`;
}
