import { principalKey } from '../../private/model';
import { Rule, Severity } from '../rule';

/** The CloudFormation execution role of the CDK bootstrap, which creates the cluster. */
const CDK_EXECUTION_ROLE = /:role\/cdk-[a-z0-9]+-cfn-exec-role-\d{12}-[a-z0-9-]+$/;

/**
 * R24: with `bootstrapClusterCreatorAdminPermissions` on (the default), EKS gives the
 * cluster's creator an admin entry; declaring it again fails with 409. The creator is the
 * role an aws-eks cluster creates itself with, or otherwise CloudFormation's execution
 * role from the CDK bootstrap.
 */
export const EAM024: Rule = {
  id: 'EAM024',
  severity: Severity.ERROR,
  summary: 'The principal is not the creator of an in-app cluster that gives its creator admin access (its creation role, or the CDK CloudFormation execution role).',
  checkEntry: (entry, { cluster }) => {
    const inApp = cluster.inApp;
    if (!inApp?.bootstrapCreatorAdmin) { return []; }
    const arn = entry.principal.arn ?? entry.principal.facts.resolvedArn;
    const creator = inApp.creator;
    let who: string;
    if (creator && creator.key === principalKey(entry.principal)) {
      who = creator.reason;
    } else if (arn !== undefined && CDK_EXECUTION_ROLE.test(arn) && !creator) {
      who = `the CDK CloudFormation execution role, which creates the cluster ${inApp.path}`;
    } else {
      return [];
    }
    return [{
      field: '',
      message: `is ${who}; EKS already gives it an admin entry (bootstrapClusterCreatorAdminPermissions)`,
      fix: 'remove this principal, or set bootstrapClusterCreatorAdminPermissions to false on the cluster',
    }];
  },
};
