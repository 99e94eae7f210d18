import { formatFinding } from '../../src/validation/finding';
import { Severity } from '../../src/validation/rule';

const finding = { ruleId: 'EAM016', severity: Severity.ERROR, principal: 'arn:aws:iam::111122223333:role/dev', source: 'S' };

describe('formatFinding', () => {
  test('names the rule, the principal, the field, the problem and the fix', () => {
    expect(formatFinding({ ...finding, field: 'accessPolicies[0]', message: 'is wrong', fix: 'fix it' }))
      .toBe('[EAM016] arn:aws:iam::111122223333:role/dev: accessPolicies[0]: is wrong. Fix: fix it.');
  });

  test.each([
    ['adds a period after a fix with periods only inside it', 'use the path aws-reserved/sso.amazonaws.com/', 'use the path aws-reserved/sso.amazonaws.com/.'],
    ['does not add a second period', 'fix it.', 'fix it.'],
    ['does not add a period after a question', 'did you mean "x"?', 'did you mean "x"?'],
  ])('leaves out an empty field and %s', (_case, fix, shown) => {
    expect(formatFinding({ ...finding, field: '', message: 'is wrong', fix }))
      .toBe(`[EAM016] arn:aws:iam::111122223333:role/dev: is wrong. Fix: ${shown}`);
  });
});
