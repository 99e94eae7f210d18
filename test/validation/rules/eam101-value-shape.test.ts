import { EAM101 } from '../../../src/validation/rules/eam101-value-shape';
import { checkEntry, scope } from '../helpers';

describe('EAM101 value shapes', () => {
  test('accepts values of the right types', () => {
    expect(checkEntry(EAM101, { username: 'u', kubernetesGroups: ['g'], tags: { a: 'b' }, accessPolicies: [scope('cluster')] })).toEqual([]);
  });

  test.each([
    [{ username: 3 }, 'username', 'must be a string, got the number 3'],
    [{ kubernetesGroups: 'dev' }, 'kubernetesGroups', 'must be a list, got the string "dev"'],
    [{ kubernetesGroups: ['a', null] }, 'kubernetesGroups[1]', 'must be a string, got null'],
    [{ tags: { team: 1 } }, 'tags.team', 'must be a string, got the number 1'],
    [{ accessPolicies: {} }, 'accessPolicies', 'must be a list, got an object'],
    [{ accessPolicies: ['AmazonEKSViewPolicy'] }, 'accessPolicies[0]', 'must be an object, got the string "AmazonEKSViewPolicy"'],
  ])('fails when the value is %j', (access, field, message) => {
    expect(checkEntry(EAM101, access)).toEqual([expect.objectContaining({ field, message })]);
  });

  test('fails when an entry is not an object', () => {
    expect(checkEntry(EAM101, null)).toEqual([expect.objectContaining({ field: '(entry)', message: 'must be an object, got null' })]);
  });

  test('fails when a policy or its scope is missing', () => {
    const violations = checkEntry(EAM101, { accessPolicies: [{ policy: 'AmazonEKSViewPolicy' }, { accessScope: {} }] });
    expect(violations.map((v) => [v.field, v.message])).toEqual([
      ['accessPolicies[0].accessScope', 'is required but missing'],
      ['accessPolicies[1].policy', 'is required but missing'],
      ['accessPolicies[1].accessScope.type', 'is required but missing'],
    ]);
  });

  test('shortens a huge value in the message', () => {
    const [violation] = checkEntry(EAM101, { kubernetesGroups: 'x'.repeat(100000) });
    expect(violation.message.length).toBeLessThan(300);
  });
});
