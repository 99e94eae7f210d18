import { Token } from 'aws-cdk-lib';
import { EAM020 } from '../../../src/validation/rules/eam020-tags';
import { checkEntry } from '../helpers';

const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));

/** A string of several tokens: its placeholder text is long, its deployed length unknown. */
const tokens = (n: number, name: string) => Array.from({ length: n }, (_, i) => Token.asString({ Ref: `${name}${i}` })).join('');

const LONG_KEY = 'the key is 129 characters long; keys have 1 to 128';
const AWS_FIX = 'choose a key without the "aws:" prefix';

describe('EAM020 tags', () => {
  test('accepts 50 tags, a 128-character key and a 256-character value', () => {
    expect(checkEntry(EAM020, { tags: { ...tags(49), ['k'.repeat(128)]: 'v'.repeat(256) } })).toEqual([]);
  });

  test('accepts a 1-character key and an empty value', () => {
    expect(checkEntry(EAM020, { tags: { k: '' } })).toEqual([]);
  });

  test('counts characters, not UTF-16 units: accepts a key of 128 emoji and a value of 256', () => {
    const key = '🔑'.repeat(128);
    const value = '🔒'.repeat(256);
    expect(key.length).toBe(256);
    expect(checkEntry(EAM020, { tags: { [key]: value } })).toEqual([]);
  });

  test('fails on a key of 129 emoji and a value of 257, counted in characters', () => {
    const key = '🔑'.repeat(129);
    expect(checkEntry(EAM020, { tags: { [key]: '🔒'.repeat(257) } })).toEqual([
      { field: `tags.${key}`, message: LONG_KEY, fix: 'shorten or name the key' },
      { field: `tags.${key}`, message: 'the value is 257 characters long; values have at most 256', fix: 'shorten the value' },
    ]);
  });

  test('accepts an entry without tags', () => {
    expect(checkEntry(EAM020, {})).toEqual([]);
  });

  test('fails on 51 tags', () => {
    expect(checkEntry(EAM020, { tags: tags(51) })).toEqual([{
      field: 'tags',
      message: 'has 51 tags; an entry takes at most 50',
      fix: 'remove tags, or move shared ones to the stack',
    }]);
  });

  test.each([
    ['a 129-character key', 'k'.repeat(129), 'v', LONG_KEY, 'shorten or name the key'],
    ['an empty key', '', 'v', 'the key is 0 characters long; keys have 1 to 128', 'shorten or name the key'],
    ['a 257-character value', 'k', 'v'.repeat(257), 'the value is 257 characters long; values have at most 256', 'shorten the value'],
    ['a key starting with "aws:"', 'aws:owner', 'me', '"aws:owner" starts with "aws:", which AWS reserves', AWS_FIX],
    ['a key starting with "AWS:"', 'AWS:Owner', 'me', '"AWS:Owner" starts with "aws:", which AWS reserves', AWS_FIX],
  ])('fails on %s', (_, key, value, message, fix) => {
    expect(checkEntry(EAM020, { tags: { [key]: value } })).toEqual([{ field: `tags.${key}`, message, fix }]);
  });

  test('reports a bad key and a bad value of the same tag', () => {
    expect(checkEntry(EAM020, { tags: { 'aws:owner': 'v'.repeat(257) } })).toEqual([
      { field: 'tags.aws:owner', message: '"aws:owner" starts with "aws:", which AWS reserves', fix: AWS_FIX },
      { field: 'tags.aws:owner', message: 'the value is 257 characters long; values have at most 256', fix: 'shorten the value' },
    ]);
  });

  test('does not check the length of a token key or value', () => {
    const key = tokens(8, 'Key');
    const value = tokens(16, 'Value');
    expect(key.length).toBeGreaterThan(128);
    expect(value.length).toBeGreaterThan(256);
    expect(checkEntry(EAM020, { tags: { [key]: 'v', k: value } })).toEqual([]);
  });

  test('still checks a literal key beside a token value', () => {
    const value = Token.asString({ Ref: 'Owner' });
    expect(checkEntry(EAM020, { tags: { 'aws:owner': value, '': value } })).toEqual([
      { field: 'tags.aws:owner', message: '"aws:owner" starts with "aws:", which AWS reserves', fix: AWS_FIX },
      { field: 'tags.', message: 'the key is 0 characters long; keys have 1 to 128', fix: 'shorten or name the key' },
    ]);
  });

  test('still checks a literal value beside a token key', () => {
    const key = Token.asString({ Ref: 'Key' });
    expect(checkEntry(EAM020, { tags: { [key]: 'v'.repeat(257) } })).toEqual([
      { field: `tags.${key}`, message: 'the value is 257 characters long; values have at most 256', fix: 'shorten the value' },
    ]);
  });

  // 129 pairs of two UTF-16 units that are NOT one character each: 258 characters, over 256.
  test.each([
    ['a letter before a low surrogate', 'a\udc00'],
    ['a private-use character before a low surrogate', '\ue000\udc00'],
    ['a high surrogate before a letter', '\ud800a'],
    ['a high surrogate before a private-use character', '\ud800\ue000'],
  ])('fails on a value of 258 characters made of %s (no surrogate pair)', (_, pair) => {
    expect(checkEntry(EAM020, { tags: { k: pair.repeat(129) } })).toHaveLength(1);
  });

  test.each([
    ['U+10000 (the first pair)', '\ud800\udc00'],
    ['U+10FFFF (the last pair)', '\udbff\udfff'],
  ])('accepts a value of 256 characters of %s', (_, pair) => {
    expect(checkEntry(EAM020, { tags: { k: pair.repeat(256) } })).toEqual([]);
  });
});
