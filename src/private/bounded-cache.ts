/**
 * A memo of a pure function of a string, for the few values (policy names and ARNs, the
 * stack's partition) that thousands of entries repeat. Past `limit` keys it stops
 * remembering and computes each new key every time: an app cannot make it grow without
 * bound, and the answers are the same either way.
 */
export class BoundedCache<V> {
  private readonly values = new Map<string, V>();

  /**
   * @param limit the most keys remembered
   */
  constructor(private readonly limit: number) {}

  /** The value of `key`, made by `make` the first time (and every time past the limit). */
  public get(key: string, make: (key: string) => V): V {
    let value = this.values.get(key);
    if (value === undefined && !this.values.has(key)) {
      value = make(key);
      if (this.values.size < this.limit) { this.values.set(key, value); }
    }
    return value as V;
  }
}
