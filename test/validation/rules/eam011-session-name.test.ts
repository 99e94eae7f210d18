import { EAM011 } from '../../../src/validation/rules/eam011-session-name';
import { checkEntry } from '../helpers';

describe('EAM011 {{SessionName}} needs a colon before it', () => {
  test.each(['jo:hn{{SessionName}}', 'dev:{{SessionNameRaw}}', 'alice', 'a:b:{{SessionName}}'])('accepts %s', (username) => {
    expect(checkEntry(EAM011, { username })).toEqual([]);
  });

  test('fails on john{{SessionName}} and suggests a prefix', () => {
    const [violation] = checkEntry(EAM011, { username: 'john{{SessionName}}' });
    expect(violation.fix).toContain('"john:{{SessionName}}"');
  });

  test('fails on a colon that comes only after the template', () => {
    expect(checkEntry(EAM011, { username: '{{SessionNameRaw}}:x' })).toHaveLength(1);
  });
});
