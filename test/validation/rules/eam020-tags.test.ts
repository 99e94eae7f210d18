import { EAM020 } from '../../../src/validation/rules/eam020-tags';
import { checkEntry } from '../helpers';

const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));

describe('EAM020 tags', () => {
  test('accepts 50 tags, a 128-character key and a 256-character value', () => {
    expect(checkEntry(EAM020, { tags: { ...tags(49), ['k'.repeat(128)]: 'v'.repeat(256) } })).toEqual([]);
  });

  test('fails on 51 tags', () => {
    expect(checkEntry(EAM020, { tags: tags(51) })[0].field).toBe('tags');
  });

  test.each([
    [{ ['k'.repeat(129)]: 'v' }, 'the key is 129 characters long'],
    [{ '': 'v' }, 'the key is 0 characters long'],
    [{ k: 'v'.repeat(257) }, 'the value is 257 characters long'],
    [{ 'aws:owner': 'me' }, 'starts with "aws:"'],
  ])('fails on %j', (t, message) => {
    expect(checkEntry(EAM020, { tags: t })[0].message).toContain(message);
  });
});
