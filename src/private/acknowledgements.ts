import { Finding, formatFinding } from '../validation/finding';

/** One `acknowledge()` call: a finding the user accepts, with the reason a reviewer reads. */
export interface Acknowledgement {
  readonly ruleId: string;
  readonly reason: string;
  /** The principal it is limited to, as written; undefined for every principal. */
  readonly principal?: string;
  /** The principal's identity (see `PrincipalModel`), when it is limited to one. */
  readonly identity?: string;
  /** The construct path of the manager it was made on. */
  readonly manager: string;
}

/** An acknowledgement as the access report shows it: with what it silenced. */
export interface AcknowledgementRecord {
  readonly ruleId: string;
  readonly reason: string;
  readonly principal?: string;
  readonly manager: string;
  /** The findings it silenced, each in its one-line form; empty when it silenced nothing. */
  readonly silenced: string[];
}

/**
 * Splits findings into those that stand and those acknowledged. A finding is acknowledged
 * by an acknowledgement of its rule that names its principal, or names none.
 */
export function applyAcknowledgements(
  findings: readonly Finding[],
  acknowledgements: readonly Acknowledgement[],
): { kept: Finding[]; records: AcknowledgementRecord[] } {
  if (acknowledgements.length === 0) { return { kept: [...findings], records: [] }; }
  const records = acknowledgements.map((a) => ({
    ruleId: a.ruleId,
    reason: a.reason,
    ...(a.principal !== undefined ? { principal: a.principal } : {}),
    manager: a.manager,
    silenced: [] as string[],
  }));
  const kept: Finding[] = [];
  for (const finding of findings) {
    const index = acknowledgements.findIndex((a) => a.ruleId === finding.ruleId && (a.identity === undefined || a.identity === finding.identity));
    if (index < 0) {
      kept.push(finding);
    } else {
      records[index].silenced.push(formatFinding(finding));
    }
  }
  return { kept, records };
}
