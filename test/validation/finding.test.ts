import { formatFinding } from '../../src/validation/finding';
import { Severity } from '../../src/validation/rule';

const finding = { ruleId: 'EAM016', severity: Severity.ERROR, principal: 'arn:aws:iam::111122223333:role/dev', source: 'S' };

describe('formatFinding', () => {
  test('names the rule, the principal, the field, the problem and the fix', () => {
    expect(formatFinding({ ...finding, field: 'accessPolicies[0]', message: 'is wrong', fix: 'fix it' }))
      .toBe('[EAM016] arn:aws:iam::111122223333:role/dev: accessPolicies[0]: is wrong. Fix: fix it.');
  });

  test('ends the fix with a period when it has periods only inside it', () => {
    expect(formatFinding({ ...finding, field: '', message: 'is wrong', fix: 'use the path aws-reserved/sso.amazonaws.com/' }))
      .toBe('[EAM016] arn:aws:iam::111122223333:role/dev: is wrong. Fix: use the path aws-reserved/sso.amazonaws.com/.');
  });

  test('does not add a second period after a fix that ends with one', () => {
    expect(formatFinding({ ...finding, field: '', message: 'is wrong', fix: 'fix it.' }))
      .toBe('[EAM016] arn:aws:iam::111122223333:role/dev: is wrong. Fix: fix it.');
  });

  test('leaves out an empty field, and does not add a period after a question', () => {
    expect(formatFinding({ ...finding, field: '', message: 'is wrong', fix: 'did you mean "x"?' }))
      .toBe('[EAM016] arn:aws:iam::111122223333:role/dev: is wrong. Fix: did you mean "x"?');
  });
});
