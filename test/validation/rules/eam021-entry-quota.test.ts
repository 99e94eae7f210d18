import { EAM021 } from '../../../src/validation/rules/eam021-entry-quota';
import { checkAll, entryOf } from '../helpers';

const entries = (n: number) => Array.from({ length: n }, (_, i) => entryOf({}, `arn:aws:iam::111122223333:role/r${i}`));

describe('EAM021 at most 3,000 entries per cluster', () => {
  test('accepts 3,000 entries', () => {
    expect(checkAll(EAM021, entries(3000))).toEqual([]);
  });

  test('fails once over 3,000 entries, on the first principal over the quota', () => {
    const all = entries(3002);
    const violations = checkAll(EAM021, all);
    expect(violations).toEqual([{
      entry: all[3000],
      field: '',
      message: 'is access entry number 3001 of 3002 for this cluster; EKS allows at most 3000',
      fix: 'grant roles that many people assume instead of one entry per person, or use Kubernetes groups',
    }]);
    expect(violations[0].entry).toBe(all[3000]);
  });
});

test('EAM021 counts a principal declared twice once', () => {
  const twice = [...entries(3000), entryOf({}, 'arn:aws:iam::111122223333:role/r0')];
  expect(checkAll(EAM021, twice)).toEqual([]);
});

test('EAM021 writes the quota with a thousands separator in its description', () => {
  expect(EAM021.summary).toBe('At most 3,000 access entries per cluster (an EKS quota that cannot be raised).');
});
