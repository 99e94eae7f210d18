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

  test('fails when the type has the wrong case, and says the right spelling', () => {
    expect(checkEntry(EAM001, { type: 'Standard' })).toEqual([{
      field: 'type',
      message: '"Standard" is not an access entry type',
      fix: 'types are case-sensitive: write "STANDARD"',
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
