import { Token } from 'aws-cdk-lib';
import { AccessEntryType } from '../../../src';
import { EAM001 } from '../../../src/validation/rules/eam001-entry-type';
import { checkEntry } from '../helpers';

describe('EAM001 entry type', () => {
  test.each(Object.values(AccessEntryType))('accepts %s', (type) => {
    expect(checkEntry(EAM001, { type })).toEqual([]);
  });

  test('accepts an entry with no type (STANDARD)', () => {
    expect(checkEntry(EAM001, {})).toEqual([]);
  });

  const WRONG_CASE = 'is not an access entry type: types are case-sensitive, and CloudFormation refuses any case but upper ("AccessEntry type must be one of [...]", aws-cdk PR 31147), although the EKS user guide\'s CLI examples write "EC2_Linux"';

  test.each([
    ['Standard', 'STANDARD'],
    // The spelling of the EKS user guide's CLI examples: refused all the same.
    ['EC2_Linux', 'EC2_LINUX'],
    ['EC2_Windows', 'EC2_WINDOWS'],
    ['hybrid_linux', 'HYBRID_LINUX'],
  ])('fails on %s, whose case is wrong, and says why and the right spelling', (type, upper) => {
    expect(checkEntry(EAM001, { type })).toEqual([{
      field: 'type',
      message: `"${type}" ${WRONG_CASE}`,
      fix: `write "${upper}"`,
    }]);
  });

  test('fails when the type is not an EKS type, and lists the valid ones', () => {
    expect(checkEntry(EAM001, { type: 'NODE' })).toEqual([{
      field: 'type',
      message: '"NODE" is not an access entry type',
      fix: 'use one of STANDARD, EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, EC2, HYBRID_LINUX, HYPERPOD_LINUX (or leave it out for STANDARD)',
    }]);
  });

  test('does not check a token', () => {
    expect(checkEntry(EAM001, { type: Token.asString({ Ref: 'EntryType' }) })).toEqual([]);
  });
});
