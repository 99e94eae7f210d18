import { shortHash } from './short-hash';

/** The most shards a manager may have (each one a nested stack). */
export const MAX_SHARDS = 64;

/**
 * The shard of a principal: a hash of the principal alone, so adding or removing other
 * principals never moves it (a moved entry would be created in its new stack before it
 * is deleted from the old one, and EKS answers that create with 409).
 */
export function shardIndex(identity: string, shards: number): number {
  return parseInt(shortHash(identity), 16) % shards;
}
