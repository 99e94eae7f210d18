import { principalKey } from '../../private/model';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/**
 * R25: EKS makes the entries of managed node group roles, Fargate pod execution roles and
 * Auto Mode node roles itself; declaring one again fails with 409.
 */
export const EAM025: Rule = {
  id: 'EAM025',
  severity: Severity.ERROR,
  summary: 'The principal is not a role EKS makes an entry for itself (managed node group, Fargate profile, Auto Mode node role of an in-app cluster).',
  source: 'R25 — EKS user guide; containers-roadmap issues 2425, 2631',
  checkEntry: (entry, { cluster }) => {
    const key = principalKey(entry.principal);
    const managed = cluster.inApp?.eksManaged.find((m) => m.key === key);
    if (!managed) { return NO_VIOLATIONS; }
    return [{
      field: '',
      message: `EKS already creates this entry: it is ${managed.reason}`,
      fix: cluster.skipEksManagedPrincipals
        // The manager leaves such principals out unless their entry was already handed out.
        ? 'its entry was handed out (`entryFor()`, `entries` or `grant()`) before the app was complete, so `skipEksManagedPrincipals` cannot leave it out: remove the principal from the map, or stop using its entry'
        : 'remove it from the map, or set `skipEksManagedPrincipals: true` to leave such principals out on purpose',
    }];
  },
};
