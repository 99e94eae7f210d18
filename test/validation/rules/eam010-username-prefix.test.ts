import { EAM010 } from '../../../src/validation/rules/eam010-username-prefix';
import { checkEntry } from '../helpers';

describe('EAM010 username prefixes', () => {
  test.each(['dev:{{SessionName}}', 'alice', 'systemd:x', 'awsome'])('accepts %s', (username) => {
    expect(checkEntry(EAM010, { username })).toEqual([]);
  });

  test.each([
    ['system:admin', 'system:'],
    ['eks:x', 'eks:'],
    ['aws:x', 'aws:'],
    ['amazon:x', 'amazon:'],
    ['iam:x', 'iam:'],
  ])('fails on %s', (username, prefix) => {
    expect(checkEntry(EAM010, { username })).toEqual([{
      field: 'username',
      message: `"${username}" starts with "${prefix}", which EKS reserves`,
      fix: 'choose a username without that prefix (for example "team:{{SessionName}}"), or leave it out',
    }]);
  });
});
