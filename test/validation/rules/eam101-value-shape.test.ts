import { EAM101 } from '../../../src/validation/rules/eam101-value-shape';
import { checkAll, checkEntry, contextOf, scope } from '../helpers';

describe('EAM101 value shapes', () => {
  test('accepts values of the right types', () => {
    expect(checkEntry(EAM101, { username: 'u', kubernetesGroups: ['g'], tags: { a: 'b' }, accessPolicies: [scope('cluster')] })).toEqual([]);
  });

  test.each([
    [{ username: 3 }, 'username', 'must be a string, got the number 3', 'write a string here'],
    [{ kubernetesGroups: 'dev' }, 'kubernetesGroups', 'must be a list, got the string "dev"', 'write a list here'],
    [{ kubernetesGroups: ['a', null] }, 'kubernetesGroups[1]', 'must be a string, got null', 'write a string here'],
    [{ tags: { team: 1 } }, 'tags.team', 'must be a string, got the number 1', 'write a string here'],
    [{ accessPolicies: {} }, 'accessPolicies', 'must be a list, got an object', 'write a list here'],
    [{ accessPolicies: ['AmazonEKSViewPolicy'] }, 'accessPolicies[0]', 'must be an object, got the string "AmazonEKSViewPolicy"', 'write an object here'],
  ])('fails when the value is %j', (access, field, message, fix) => {
    expect(checkEntry(EAM101, access)).toEqual([{ field, message, fix }]);
  });

  test('fails when an entry is not an object', () => {
    expect(checkEntry(EAM101, null)).toEqual([expect.objectContaining({ field: '(entry)', message: 'must be an object, got null' })]);
  });

  test('fails when a policy or its scope is missing, and says to add it', () => {
    const violations = checkEntry(EAM101, { accessPolicies: [{ policy: 'AmazonEKSViewPolicy' }, { accessScope: {} }] });
    expect(violations).toEqual([
      { field: 'accessPolicies[0].accessScope', message: 'is required but missing', fix: 'add it' },
      { field: 'accessPolicies[1].policy', message: 'is required but missing', fix: 'add it' },
      { field: 'accessPolicies[1].accessScope.type', message: 'is required but missing', fix: 'add it' },
    ]);
  });

  test('fails on malformed manager settings', () => {
    const context = contextOf({
      cluster: {
        unknownFields: [],
        malformedFields: [
          { field: 'shards', expected: 'a whole number from 1 to 64', got: 'the string "2"' },
          { field: 'clusterName', expected: 'a value', got: 'nothing' },
        ],
        source: 'S',
      },
    });
    expect(checkAll(EAM101, [], context)).toEqual([
      { field: 'shards', message: 'must be a whole number from 1 to 64, got the string "2"', fix: 'write a whole number from 1 to 64 here' },
      { field: 'clusterName', message: 'is required but missing', fix: 'add it' },
    ]);
  });

  test('accepts well-formed manager settings', () => {
    expect(checkAll(EAM101, [], contextOf())).toEqual([]);
  });

  test('shortens a huge value in the message', () => {
    const [violation] = checkEntry(EAM101, { kubernetesGroups: 'x'.repeat(100000) });
    expect(violation.message.length).toBeLessThan(300);
  });
});
