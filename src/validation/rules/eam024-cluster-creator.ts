import { principalKey } from '../../private/model';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/**
 * R24: with `bootstrapClusterCreatorAdminPermissions` on (the default), EKS gives the
 * cluster's creator an admin entry; declaring it again fails with 409. Certain only where
 * the app names the creator: the role an aws-eks cluster creates itself with. (Who creates
 * another cluster depends on how it is deployed: rule EAM205 warns on the likely one.)
 */
export const EAM024: Rule = {
  id: 'EAM024',
  severity: Severity.ERROR,
  summary: 'The principal is not the creation role of an in-app `aws-eks` cluster that gives its creator admin access.',
  source: 'R24 — EKS API reference (CreateCluster, bootstrapClusterCreatorAdminPermissions); terraform-aws-eks issues 2933, 3293',
  checkEntry: (entry, { cluster }) => {
    const inApp = cluster.inApp;
    const creator = inApp?.creator;
    if (!inApp?.bootstrapCreatorAdmin || !creator || creator.key !== principalKey(entry.principal)) { return NO_VIOLATIONS; }
    return [{
      field: '',
      message: `is ${creator.reason}; EKS already gives it an admin entry (bootstrapClusterCreatorAdminPermissions)`,
      fix: 'remove this principal, or set bootstrapClusterCreatorAdminPermissions to false on the cluster',
    }];
  },
};
