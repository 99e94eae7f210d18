import { OptionSpec } from './command';

/**
 * Options several commands share, so that each means the same everywhere: `--format`
 * (what a command prints, in which form) and `--out` (where to).
 */
export function formatOption(choices: readonly string[], description: string): OptionSpec {
  return { name: 'format', choices, default: choices[0], description };
}

export const OUT_OPTION: OptionSpec = {
  name: 'out',
  value: 'file',
  description: 'write what the command prints to this file instead of stdout',
};

/** The formats of findings: for people, for scripts, for code-scanning tools. */
export const FINDING_FORMATS = ['text', 'json', 'sarif'];

export const FINDING_FORMATS_DESCRIPTION = 'text (file:line:column: severity rule message, like a compiler), json (for scripts), or sarif (SARIF 2.1.0, for code scanning: GitHub, GitLab, Azure DevOps)';
