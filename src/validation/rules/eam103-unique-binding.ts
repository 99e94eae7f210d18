import { bindingPlaces, GroupModel } from '../../rbac/group-model';
import { CollectionViolation, NO_VIOLATIONS, Rule, Severity } from '../rule';

/**
 * A group is bound once in each place (cluster-wide, or a namespace) on a cluster, across
 * every manager of the app, as a principal has one entry (R2). Two declarations would make
 * two bindings whose union no one wrote, and one manager removing its binding would leave
 * the other's in place. Linear: places are keyed in one pass.
 */
export const EAM103: Rule = {
  id: 'EAM103',
  severity: Severity.ERROR,
  summary: 'A Kubernetes group is bound once per place (cluster-wide, or one namespace) on a cluster, across every manager of the app.',
  source: 'This library\'s input model (one binding per group and place, as one entry per principal: R2); Kubernetes RBAC (bindings are additive: two bindings of a group grant their union)',
  checkAll: (_entries, context) => {
    const rbac = context.rbac;
    if (!rbac) { return NO_VIOLATIONS; }
    const own = new Set(rbac.groups);
    const first = new Map<string, GroupModel>();
    const violations: CollectionViolation[] = [];
    for (const declared of rbac.clusterGroups) {
      for (const place of bindingPlaces(declared)) {
        const key = `${declared.group}\u0000${place}`;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, declared);
        } else if (own.has(declared) && earlier !== declared) {
          violations.push({
            group: declared.group,
            field: declared.namespaces === undefined ? '' : 'namespaces',
            message: `is bound ${place} twice on this cluster: at ${declared.source} and at ${earlier.source}`,
            fix: 'declare each group once per cluster, with all its namespaces; a group may be bound in other namespaces by another manager',
          });
        }
      }
    }
    return violations;
  },
};
