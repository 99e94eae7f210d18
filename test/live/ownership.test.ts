import { cfnTags, liveEntry, ROLE } from './plan-helpers';
import { isInStack, isOwnedAt, ownerByTags, StackResources, stackNameMatches } from '../../src/live/ownership';

describe('ownership', () => {
  test('creates the owner a live entry\'s CloudFormation tags name, and none without them', () => {
    expect(ownerByTags(liveEntry(ROLE('a'), [], cfnTags('Platform', 'AccessRoleA')))).toMatchObject({ stackName: 'Platform', logicalId: 'AccessRoleA' });
    expect(ownerByTags(liveEntry(ROLE('a'), [], { 'aws:cloudformation:stack-name': 'Platform' }))).toBeUndefined();
  });

  test('creates a match of a nested stack\'s generated name, level by level', () => {
    const place = { stackName: 'Platform', nestedStackIds: ['Shard0NestedStackResource1A2B'], logicalId: 'Entry' };
    expect(stackNameMatches('Platform-Shard0NestedStackResource1A2B-1XYZ7QWERTY12', place)).toBe(true);
    expect(stackNameMatches('Platform', place)).toBe(false);
    expect(stackNameMatches('Other-Shard0NestedStackResource1A2B-1XYZ7QWERTY12', place)).toBe(false);
    expect(isOwnedAt({ stackName: 'Platform-Shard0NestedStackResource1A2B-1XYZ7QWERTY12', logicalId: 'Entry', source: '' }, place)).toBe(true);
    expect(isOwnedAt({ stackName: 'Platform-Shard0NestedStackResource1A2B-1XYZ7QWERTY12', logicalId: 'Other', source: '' }, place)).toBe(false);
  });

  test('creates a match of a stack and the stacks nested in it, not of another top-level stack', () => {
    expect(isInStack('Platform', 'Platform')).toBe(true);
    expect(isInStack('Platform-AccessShard0NestedStackResourceABCD1234-1XYZ7QWERTY12', 'Platform')).toBe(true);
    expect(isInStack('Platform-Dev', 'Platform')).toBe(false);
  });

  test('fails on a file that is not the output of describe-stack-resources', () => {
    expect(() => StackResources.parse('[', 'r.json')).toThrow(/^r\.json is not the output of aws cloudformation describe-stack-resources: not JSON/);
    expect(() => StackResources.parse('{"StackResourceSummaries": []}', 'r.json')).toThrow('r.json is not the output of aws cloudformation describe-stack-resources: it has no "StackResources" list');
    expect(() => StackResources.parse('{"StackResources": [{"StackName": "S"}]}', 'r.json')).toThrow('r.json: StackResources[0] needs StackName, LogicalResourceId and ResourceType strings');
  });

  test('creates an owner from a resource whose physical id names the principal, and ignores deleted ones', () => {
    const resources = StackResources.parse(JSON.stringify({
      StackResources: [
        { StackName: 'Platform', LogicalResourceId: 'A', PhysicalResourceId: `${ROLE('a')}|prod`, ResourceType: 'AWS::EKS::AccessEntry', ResourceStatus: 'UPDATE_COMPLETE' },
        { StackName: 'Platform', LogicalResourceId: 'B', PhysicalResourceId: `prod|${ROLE('b')}`, ResourceType: 'AWS::EKS::AccessEntry', ResourceStatus: 'DELETE_COMPLETE' },
      ],
    }), 'r.json');
    expect(resources.ownerOf(ROLE('a'))).toEqual({ stackName: 'Platform', logicalId: 'A', source: 'a resource of stack Platform in r.json' });
    expect(resources.ownerOf(ROLE('b'))).toBeUndefined();
    expect(resources.holds({ stackName: 'Platform', nestedStackIds: [], logicalId: 'A' }, ROLE('other'))).toBeUndefined();
  });
});
