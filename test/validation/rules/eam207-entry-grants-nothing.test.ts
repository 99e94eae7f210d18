import { Token } from 'aws-cdk-lib';
import { EAM207 } from '../../../src/validation/rules/eam207-entry-grants-nothing';
import { checkEntry, contextOf, scope } from '../helpers';
import { rbacContextOf } from '../rbac-helpers';

const bound = rbacContextOf({ 'dev-team': { clusterRole: 'edit' } });

describe('EAM207 an entry that grants nothing the app can see', () => {
  test('accepts an entry with a group bound in the app', () => {
    expect(checkEntry(EAM207, { kubernetesGroups: ['other', 'dev-team'] }, bound)).toEqual([]);
  });

  test('accepts a group bound by another manifest of the app', () => {
    expect(checkEntry(EAM207, { kubernetesGroups: ['ops'] }, rbacContextOf({}, { boundGroups: new Set(['ops']) }))).toEqual([]);
  });

  test('warns on a STANDARD entry whose only groups are bound by nothing, without a policy', () => {
    expect(checkEntry(EAM207, { kubernetesGroups: ['dev-teams', 'ops'] }, bound)).toEqual([{
      field: 'kubernetesGroups',
      message: 'no RBAC binding of this app names "dev-teams", "ops", and the entry has no access policy: it grants nothing the app can see',
      fix: 'bind the group with `groups` (a `clusterRole` or `rules`), or grant an access policy; acknowledge this warning if the group is bound outside this app',
    }]);
  });

  test.each([
    ['an access policy', { kubernetesGroups: ['ops'], accessPolicies: [scope('cluster')] }],
    ['no groups', {}],
    ['a token group', { kubernetesGroups: [Token.asString({ Ref: 'Group' })] }],
    ['a node type', { type: 'EC2_LINUX', kubernetesGroups: ['ops'] }],
  ])('accepts an entry with %s', (_what, access) => {
    expect(checkEntry(EAM207, access, bound)).toEqual([]);
  });

  test('says nothing where the app\'s bindings are not known (a map without groups)', () => {
    expect(checkEntry(EAM207, { kubernetesGroups: ['ops'] }, contextOf())).toEqual([]);
  });
});
