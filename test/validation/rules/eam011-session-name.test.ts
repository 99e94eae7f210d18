import { Token } from 'aws-cdk-lib';
import { EAM011 } from '../../../src/validation/rules/eam011-session-name';
import { checkEntry } from '../helpers';

describe('EAM011 {{SessionName}} needs a colon before it', () => {
  test.each(['jo:hn{{SessionName}}', 'dev:{{SessionNameRaw}}', 'alice', 'a:b:{{SessionName}}'])('accepts %s', (username) => {
    expect(checkEntry(EAM011, { username })).toEqual([]);
  });

  test('accepts an entry without a username', () => {
    expect(checkEntry(EAM011, {})).toEqual([]);
  });

  test('leaves a username with a token prefix alone: the prefix may end in ":"', () => {
    const username = `${Token.asString({ Ref: 'UserPrefix' })}{{SessionName}}`;
    expect(checkEntry(EAM011, { username })).toEqual([]);
  });

  test('fails on john{{SessionName}} and suggests a prefix', () => {
    expect(checkEntry(EAM011, { username: 'john{{SessionName}}' })).toEqual([{
      field: 'username',
      message: '"john{{SessionName}}" has {{SessionName}} with no ":" before it, which EKS refuses',
      fix: 'put a prefix ending in ":" before it, for example "john:{{SessionName}}"',
    }]);
  });

  test('fails on a colon that comes only after the template, and suggests the prefix "user:"', () => {
    expect(checkEntry(EAM011, { username: '{{SessionNameRaw}}:x' })).toEqual([{
      field: 'username',
      message: '"{{SessionNameRaw}}:x" has {{SessionNameRaw}} with no ":" before it, which EKS refuses',
      fix: 'put a prefix ending in ":" before it, for example "user:{{SessionNameRaw}}:x"',
    }]);
  });
});
