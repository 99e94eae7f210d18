import { contextOf } from './helpers';
import { GroupModel, normalizeGroups } from '../../src/rbac/group-model';
import { mapRbacFacts } from '../../src/rbac/rbac-facts';
import { RbacFacts, RuleContext } from '../../src/validation/rule';

/** The models of a `groups` map, as a manager would declare them. */
export function groupsOf(groups: Record<string, unknown>, source = 'Test/Access groups'): GroupModel[] {
  return normalizeGroups(groups, source);
}

/** A rule context whose manager binds `groups` (and the cluster nothing else, unless told). */
export function rbacContextOf(groups: Record<string, unknown> | GroupModel[], more: Partial<RbacFacts> = {}): RuleContext {
  const own = Array.isArray(groups) ? groups : groupsOf(groups);
  return contextOf({
    rbac: { ...mapRbacFacts(own), ...more },
  });
}
