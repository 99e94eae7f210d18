import * as crypto from 'crypto';

/**
 * The first 8 hex digits of the SHA-256 of a text: the stable part of entry ids, shard
 * numbers and RBAC object names, each a function of one text alone (so adding, removing or
 * reordering other principals or groups never changes them).
 *
 * It uses Node's one-shot `crypto.hash` where it exists (Node 20.12 and later), which costs
 * a third of a `Hash` object per call; this runs once per principal.
 */
export function shortHash(text: string): string {
  return sha256Hex(text).slice(0, 8);
}

const sha256Hex: (text: string) => string = typeof (crypto as { hash?: unknown }).hash === 'function'
  ? (text) => (crypto as unknown as { hash: (algorithm: string, data: string) => string }).hash('sha256', text)
  : (text) => crypto.createHash('sha256').update(text).digest('hex');
