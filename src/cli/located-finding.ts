import { Severity } from '../severity';

/** A finding of a command, with the place in its input file: what every output format shows. */
export interface LocatedFinding {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units (as editors count). */
  readonly column: number;
  readonly severity: Severity;
  readonly ruleId: string;
  /** Everything after the rule id on the text line: `principal: field: message. Fix: ...`. */
  readonly text: string;
  /** The finding's own fields for `--format json`, beside file, line, column, severity and rule. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** In the order of the file, as a reader goes through it (stable for equal places). */
export function byPlace(a: LocatedFinding, b: LocatedFinding): number {
  return a.line - b.line || a.column - b.column;
}

/** `file:line:column: severity rule-id text`, one line per finding. */
export function findingLine(f: LocatedFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.ruleId} ${f.text}`;
}

/** The findings of one file and their counts, as `--format json` prints them. */
export function findingsJson(findings: readonly LocatedFinding[], summary: Readonly<Record<string, unknown>>): string {
  const records = findings.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity, ruleId: f.ruleId, ...f.details }));
  return JSON.stringify({ summary, findings: records }, undefined, 2) + '\n';
}

/**
 * A rule finding as the text lines show it: `principal: field: message. Fix: fix` (no
 * field part for a finding of the whole principal; the fix ends without a period).
 */
export function findingText(f: { readonly principal: string; readonly field?: string; readonly message: string; readonly fix: string }): string {
  return `${f.principal}:${f.field ? ` ${f.field}:` : ''} ${f.message}. Fix: ${f.fix}`;
}

/** How many findings are errors and how many warnings. */
export function countSeverities(findings: ReadonlyArray<{ readonly severity: Severity }>): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === Severity.ERROR).length;
  return { errors, warnings: findings.length - errors };
}
