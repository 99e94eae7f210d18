import { quote } from '../../private/describe-value';
import { listedTwice, MAX_NAMESPACE_LENGTH, namespaceNameProblem } from '../../private/namespace-name';
import { isToken } from '../../private/tokens';
import { Rule, Severity, Violation } from '../rule';

/** A prefix wildcard: the start of a label, then one `*` at the end (or `*` alone). */
const PREFIX_WILDCARD = /^([a-z0-9][-a-z0-9]*)?\*$/;

/** Up to this many namespaces in a scope, a duplicate is found by scanning the list. */
const SCAN_LIMIT = 8;

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
      // A set only for a long list: most scopes list a few namespaces. An indexed loop,
      // and the field's text only for a finding: this runs for every namespace of every
      // entry at each synth.
      const seen = namespaces.length > SCAN_LIMIT ? new Set<string>() : undefined;
      for (let i = 0; i < namespaces.length; i++) {
        const namespace = namespaces[i];
        if (isToken(namespace)) { continue; }
        const listedBefore = seen ? seen.has(namespace) : namespaces.indexOf(namespace) < i;
        const problem = namespaceProblem(namespace) ?? (listedBefore ? listedTwice(namespace) : undefined);
        if (problem) {
          violations.push({ field: `${grant.field}.accessScope.namespaces[${i}]`, ...problem });
        }
        seen?.add(namespace);
      }
    }
    return violations;
  },
};

function namespaceProblem(namespace: string): { message: string; fix: string } | undefined {
  // A wildcard too long is reported as too long, as any other name.
  if (namespace.includes('*') && namespace.length <= MAX_NAMESPACE_LENGTH) {
    return PREFIX_WILDCARD.test(namespace) ? undefined
      : { message: `${quote(namespace)} has a "*" that is not a single trailing wildcard`, fix: 'put one "*" at the end only, as in "feature-*"' };
  }
  return namespaceNameProblem(namespace);
}
