import { quote } from './describe-value';

/** A Kubernetes namespace name: an RFC 1123 label. */
export const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The longest namespace name. */
export const MAX_NAMESPACE_LENGTH = 63;

/**
 * Why a string is not a namespace name (too long, or not an RFC 1123 label, with the
 * lower-case form as the fix when that is one), or undefined when it is. Shared by the
 * scopes of access policies (rule EAM017) and the namespaces of groups (rule EAM030),
 * which each handle `*` first, their own way.
 */
export function namespaceNameProblem(namespace: string): { message: string; fix: string } | undefined {
  if (namespace.length > MAX_NAMESPACE_LENGTH) {
    return { message: `${quote(namespace)} is ${namespace.length} characters long; a namespace has at most ${MAX_NAMESPACE_LENGTH}`, fix: 'use the namespace\'s real name' };
  }
  if (NAMESPACE_NAME.test(namespace)) { return undefined; }
  const lower = namespace.toLowerCase();
  return {
    message: `${quote(namespace)} is not a Kubernetes namespace name (lower-case letters, digits and "-", starting and ending with a letter or digit)`,
    fix: NAMESPACE_NAME.test(lower) ? `namespace names are lower case: write ${quote(lower)}` : 'use the namespace\'s real name',
  };
}

/** The finding of a namespace a list has already named (either rule). */
export function listedTwice(namespace: string): { message: string; fix: string } {
  return { message: `${quote(namespace)} is listed twice`, fix: 'list each namespace once' };
}
