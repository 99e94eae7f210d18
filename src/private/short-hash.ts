import * as crypto from 'crypto';

/**
 * The first 8 hex digits of the SHA-256 of a text: the stable part of entry ids, shard
 * numbers and RBAC object names, each a function of one text alone (so adding, removing or
 * reordering other principals or groups never changes them).
 *
 * It runs once per principal: see `hexHash`.
 */
export function shortHash(text: string): string {
  return sha256Hex(text).slice(0, 8);
}

const sha256Hex = hexHash('sha256')!;

/**
 * A hash of a text as hex digits, by Node's one-shot `crypto.hash` where it exists (Node
 * 20.12 and later: a third of the cost of a `Hash` object per call), else a `Hash` object.
 * Undefined when this Node cannot hash with `algorithm` (MD5 under FIPS).
 *
 * @param algorithm a `crypto` hash algorithm (`sha256`, `md5`)
 */
export function hexHash(algorithm: string): ((text: string) => string) | undefined {
  const oneShot = (crypto as { hash?: unknown }).hash;
  try {
    if (typeof oneShot === 'function') {
      const hash = oneShot as (algorithm: string, data: string) => string;
      hash(algorithm, '');
      return (text) => hash(algorithm, text);
    }
    crypto.createHash(algorithm);
    return (text) => crypto.createHash(algorithm).update(text).digest('hex');
  } catch {
    return undefined;
  }
}
