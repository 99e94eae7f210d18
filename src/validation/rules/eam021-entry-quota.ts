import { principalKey } from '../../private/model';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/** The EKS quota on access entries per cluster (not adjustable). */
export const MAX_ENTRIES_PER_CLUSTER = 3000;

/**
 * R21: at most 3,000 access entries per cluster, counted over every manager of the app
 * that grants on the cluster. Reported once, on the first principal over the quota.
 */
export const EAM021: Rule = {
  id: 'EAM021',
  severity: Severity.ERROR,
  // Written out, not `toLocaleString`: that loads ICU (about 13 ms) when the module loads.
  summary: 'At most 3,000 access entries per cluster (an EKS quota that cannot be raised).',
  source: 'R21 — AWS service quotas (Amazon EKS)',
  checkAll: (entries) => {
    const principals = new Set<string>();
    let firstOver;
    for (const entry of entries) {
      principals.add(principalKey(entry.principal));
      if (principals.size === MAX_ENTRIES_PER_CLUSTER + 1 && !firstOver) { firstOver = entry; }
    }
    if (!firstOver) { return NO_VIOLATIONS; }
    return [{
      entry: firstOver,
      field: '',
      message: `is access entry number ${MAX_ENTRIES_PER_CLUSTER + 1} of ${principals.size} for this cluster; EKS allows at most ${MAX_ENTRIES_PER_CLUSTER}`,
      fix: 'grant roles that many people assume instead of one entry per person, or use Kubernetes groups',
    }];
  },
};
