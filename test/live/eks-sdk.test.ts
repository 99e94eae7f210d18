import { loadEksSdk } from '../../src/live/eks-sdk';
import { LiveError, liveErrorOf } from '../../src/live/live-error';
import { mapWithLimit } from '../../src/live/pool';

describe('loadEksSdk', () => {
  test('creates the SDK module when it is installed', () => {
    expect(typeof loadEksSdk().EKSClient).toBe('function');
  });

  test('fails with how to install it when it is missing', () => {
    const missing = () => { throw Object.assign(new Error("Cannot find module '@aws-sdk/client-eks'"), { code: 'MODULE_NOT_FOUND' }); };
    expect(() => loadEksSdk(missing)).toThrow(LiveError);
    expect(() => loadEksSdk(missing)).toThrow(/needs the AWS SDK for JavaScript, @aws-sdk\/client-eks, which is not installed .*Fix: npm install @aws-sdk\/client-eks@\^3, or take the snapshot elsewhere and pass it with --live FILE/);
  });

  test('fails with the loader\'s own error when the SDK is there but broken', () => {
    expect(() => loadEksSdk(() => { throw new SyntaxError('Unexpected token'); })).toThrow(SyntaxError);
  });
});

describe('liveErrorOf', () => {
  test('creates a message with the error\'s name and text for any other error', () => {
    expect(liveErrorOf(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }), 'ListAccessEntries', 'prod', 'eu-west-1').message)
      .toBe('ListAccessEntries on cluster prod (eu-west-1): TimeoutError: socket hang up');
    expect(liveErrorOf(undefined, 'DescribeCluster', 'prod', 'eu-west-1').message).toBe('DescribeCluster on cluster prod (eu-west-1): Error: Error');
  });
});

describe('mapWithLimit', () => {
  test('creates the results in the order of the items', async () => {
    expect(await mapWithLimit([3, 1, 2], 2, async (n) => { await new Promise((r) => setTimeout(r, n)); return n * 10; })).toEqual([30, 10, 20]);
  });

  test('fails with the first error, starts no more items after it, and awaits those in flight', async () => {
    const started: number[] = [];
    let settled = 0;
    await expect(mapWithLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await new Promise((r) => setTimeout(r, n === 1 ? 1 : 5));
      settled++;
      if (n === 1) { throw new Error('first'); }
      return n;
    })).rejects.toThrow('first');
    expect(started).toEqual([1, 2]);
    expect(settled).toBe(2);
  });
});
