import { Token } from 'aws-cdk-lib';
import { MalformedField } from '../../../src/private/model';
import { EAM027 } from '../../../src/validation/rules/eam027-cluster-name';
import { checkAll, contextOf, entryOf } from '../helpers';

const named = (clusterName?: string, malformedFields: MalformedField[] = []) =>
  contextOf({ cluster: { clusterName, unknownFields: [], malformedFields, source: 'S/Access' } });

const check = (clusterName?: string) => checkAll(EAM027, [entryOf({})], named(clusterName));

const FIND_NAME = 'use the cluster\'s name as EKS shows it (`aws eks list-clusters`)';

describe('EAM027 cluster name', () => {
  test.each([
    'prod',
    'a',
    '0-team_cluster-2',
    'Prod-EU_1',
  ])('accepts %s', (name) => {
    expect(check(name)).toEqual([]);
  });

  test('accepts a name of 100 characters', () => {
    expect(check('c'.repeat(100))).toEqual([]);
  });

  test('fails on a name of 101 characters', () => {
    expect(check('c'.repeat(101))).toEqual([{
      field: 'clusterName',
      message: 'is 101 characters long; EKS allows at most 100',
      fix: `${FIND_NAME}: no cluster has a longer name`,
    }]);
  });

  test.each([
    ['prod.eu', '.'],
    ['prod eu', ' '],
    ['prod/eu', '/'],
    ['prød', 'ø'],
  ])('fails on %s, which has a character EKS does not allow', (name, character) => {
    expect(check(name)).toEqual([{
      field: 'clusterName',
      message: `"${name}" has "${character}", which EKS does not allow in cluster names (letters, digits, "-" and "_" only)`,
      fix: `${FIND_NAME}: no cluster has this name`,
    }]);
  });

  test.each(['-prod', '_prod'])('fails on %s, which does not start with a letter or digit', (name) => {
    expect(check(name)).toEqual([{
      field: 'clusterName',
      message: `"${name}" starts with "${name[0]}"; an EKS cluster name starts with a letter or digit`,
      fix: `${FIND_NAME}: no cluster has this name`,
    }]);
  });

  test('fails on a cluster ARN, and gives the name to write', () => {
    expect(check('arn:aws:eks:eu-west-1:111122223333:cluster/prod')).toEqual([{
      field: 'clusterName',
      message: '"arn:aws:eks:eu-west-1:111122223333:cluster/prod" is a cluster ARN; access entries name the cluster by its name',
      fix: 'write the name alone: "prod"',
    }]);
  });

  test('fails on an empty name given where no other rule reports it (a map file)', () => {
    expect(check('')).toEqual([{
      field: 'clusterName',
      message: 'is empty; an EKS cluster name has 1 to 100 characters',
      fix: FIND_NAME,
    }]);
  });

  test('leaves a name already reported as malformed to EAM101', () => {
    const malformed = [{ field: 'clusterName', expected: 'a non-empty string', got: 'the empty string' }];
    expect(checkAll(EAM027, [], named('', malformed))).toEqual([]);
  });

  test('does not check a token, whose value is known only at deploy', () => {
    expect(check(Token.asString({ Ref: 'Cluster' }))).toEqual([]);
  });

  test('does not check a name that is not known', () => {
    expect(check(undefined)).toEqual([]);
  });

  test('reports once per cluster, not once per entry', () => {
    expect(checkAll(EAM027, [entryOf({}), entryOf({}, 'arn:aws:iam::111122223333:role/ops')], named('prod.eu'))).toHaveLength(1);
  });

  test('fails on a bad name when another setting is malformed', () => {
    const malformed = [{ field: 'authenticationMode', expected: 'a string', got: 'the number 1' }];
    expect(checkAll(EAM027, [entryOf({})], named('prod!', malformed))).toHaveLength(1);
  });

  test('reads a name that only contains a cluster ARN as a name with a bad character, not as an ARN', () => {
    const [violation] = check('my-arn:aws:eks:eu-west-1:111122223333:cluster/prod');
    expect(violation.message).toBe('"my-arn:aws:eks:eu-west-1:111122223333:cluster/prod" has ":", which EKS does not allow in cluster names (letters, digits, "-" and "_" only)');
  });
});
