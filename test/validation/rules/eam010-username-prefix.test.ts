import { EAM010 } from '../../../src/validation/rules/eam010-username-prefix';
import { checkEntry } from '../helpers';

describe('EAM010 username prefixes', () => {
  test.each(['dev:{{SessionName}}', 'alice', 'systemd:x', 'awsome'])('accepts %s', (username) => {
    expect(checkEntry(EAM010, { username })).toEqual([]);
  });

  test.each(['system:admin', 'eks:x', 'aws:x', 'amazon:x', 'iam:x'])('fails on %s', (username) => {
    const [violation] = checkEntry(EAM010, { username });
    expect(violation.field).toBe('username');
    expect(violation.message).toContain('which EKS reserves');
  });
});
