import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { Rule, Severity, Violation } from '../rule';

/** A Kubernetes namespace name: an RFC 1123 label. */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A prefix wildcard: the start of a label, then one `*` at the end (or `*` alone). */
const PREFIX_WILDCARD = /^([a-z0-9][-a-z0-9]*)?\*$/;
const MAX_LENGTH = 63;

/**
 * R17: each namespace is an RFC 1123 label of at most 63 characters, or a prefix with one
 * trailing `*`; a scope lists each namespace once.
 */
export const EAM017: Rule = {
  id: 'EAM017',
  severity: Severity.ERROR,
  summary: 'Namespaces are RFC 1123 labels (`a-z`, `0-9`, `-`; at most 63 characters), optionally one trailing `*`; each listed once per scope.',
  source: 'R17 — Kubernetes naming (RFC 1123 label); EKS user guide (grant-k8s-access)',
  checkEntry: (entry) => {
    const violations: Violation[] = [];
    for (const grant of entry.accessPolicies) {
      const namespaces = grant.namespaces ?? [];
      const seen = new Set<string>();
      // An indexed loop, and the field's text only for a finding: this runs for every
      // namespace of every entry at each synth.
      for (let i = 0; i < namespaces.length; i++) {
        const namespace = namespaces[i];
        if (isToken(namespace)) { continue; }
        const problem = namespaceProblem(namespace)
          ?? (seen.has(namespace) ? { message: `${quote(namespace)} is listed twice`, fix: 'list each namespace once' } : undefined);
        if (problem) {
          violations.push({ field: `${grant.field}.accessScope.namespaces[${i}]`, ...problem });
        }
        seen.add(namespace);
      }
    }
    return violations;
  },
};

function namespaceProblem(namespace: string): { message: string; fix: string } | undefined {
  if (namespace.length > MAX_LENGTH) {
    return { message: `${quote(namespace)} is ${namespace.length} characters long; a namespace has at most ${MAX_LENGTH}`, fix: 'use the namespace\'s real name' };
  }
  if (LABEL.test(namespace) || PREFIX_WILDCARD.test(namespace)) { return undefined; }
  if (namespace.includes('*')) {
    return { message: `${quote(namespace)} has a "*" that is not a single trailing wildcard`, fix: 'put one "*" at the end only, as in "feature-*"' };
  }
  const lower = namespace.toLowerCase();
  return {
    message: `${quote(namespace)} is not a Kubernetes namespace name (lower-case letters, digits and "-", starting and ending with a letter or digit)`,
    fix: LABEL.test(lower) ? `namespace names are lower case: write ${quote(lower)}` : 'use the namespace\'s real name',
  };
}
