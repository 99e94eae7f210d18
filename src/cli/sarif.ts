import { isAbsolute, sep } from 'path';
import { pathToFileURL } from 'url';
import { LocatedFinding } from './located-finding';
import { packageInfo } from './package-info';
import { Severity } from '../severity';

/** What code-scanning tools show about a rule, beside each result. */
export interface RuleDescription {
  readonly id: string;
  readonly severity: Severity;
  /** One line. */
  readonly summary: string;
  /** Where the rule comes from, when known. */
  readonly source?: string;
  /** The page that explains it. */
  readonly helpUri: string;
}

/** The OASIS schema of SARIF 2.1.0 (errata 01), which code-scanning services accept. */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * A SARIF 2.1.0 log of one run: the rules (every rule the command can report, so that a
 * tool can show what was checked), and a result per finding, with its file, line and
 * column. GitHub code scanning, for one, annotates a pull request from it.
 */
export function sarifLog(findings: readonly LocatedFinding[], rules: readonly RuleDescription[]): string {
  const { name, version, homepage } = packageInfo();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name,
          version,
          informationUri: homepage,
          rules: rules.map((r) => ({
            id: r.id,
            shortDescription: { text: r.summary },
            fullDescription: { text: r.source ? `${r.summary} Source: ${r.source}.` : r.summary },
            helpUri: r.helpUri,
            defaultConfiguration: { level: level(r.severity) },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: findings.map((f) => ({
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: level(f.severity),
        message: { text: f.text },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: fileUri(f.file) },
            region: { startLine: f.line, startColumn: f.column },
          },
        }],
      })),
    }],
  };
  return JSON.stringify(log, undefined, 2) + '\n';
}

function level(severity: Severity): 'error' | 'warning' {
  return severity === Severity.ERROR ? 'error' : 'warning';
}

/** A relative path stays relative (code scanning resolves it against the checkout); an absolute one becomes a file URI. */
function fileUri(path: string): string {
  if (isAbsolute(path)) { return pathToFileURL(path).href; }
  return path.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
}
