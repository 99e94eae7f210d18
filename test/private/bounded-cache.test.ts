import { BoundedCache } from '../../src/private/bounded-cache';

describe('BoundedCache', () => {
  test('makes each value once, undefined ones included', () => {
    const made: string[] = [];
    const cache = new BoundedCache<string | undefined>(10);
    const make = (key: string) => { made.push(key); return key === 'none' ? undefined : key.toUpperCase(); };
    expect([cache.get('a', make), cache.get('a', make), cache.get('none', make), cache.get('none', make)]).toEqual(['A', 'A', undefined, undefined]);
    expect(made).toEqual(['a', 'none']);
  });

  test('past its limit, makes each new key every time and keeps the ones it has', () => {
    const made: string[] = [];
    const cache = new BoundedCache<number>(2);
    const make = (key: string) => { made.push(key); return key.length; };
    for (const key of ['a', 'bb', 'ccc', 'ccc', 'a']) { cache.get(key, make); }
    expect(made).toEqual(['a', 'bb', 'ccc', 'ccc']);
  });
});
