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
    const [violation] = checkEntry(EAM001, { type: 'Standard' });
    expect(violation.field).toBe('type');
    expect(violation.message).toContain('"Standard"');
    expect(violation.fix).toContain('"STANDARD"');
  });

  test('fails when the type is not an EKS type, and lists the valid ones', () => {
    const [violation] = checkEntry(EAM001, { type: 'NODE' });
    expect(violation.fix).toContain('EC2_LINUX');
  });

  test('does not check a token', () => {
    expect(checkEntry(EAM001, { type: Token.asString({ Ref: 'EntryType' }) })).toEqual([]);
  });
});
