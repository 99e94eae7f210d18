import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/** The CloudFormation execution role of the CDK bootstrap, which usually creates the cluster. */
const CDK_EXECUTION_ROLE = /:role\/cdk-[a-z0-9]+-cfn-exec-role-\d{12}-[a-z0-9-]+$/;

/**
 * R24, as a guess: a cluster of the app that is not an aws-eks cluster is created by
 * whoever runs its stack's CloudFormation operation, which is the CDK bootstrap's
 * execution role unless the deploy uses other credentials (`--role-arn`, a custom
 * synthesizer). Not certain, so a warning.
 */
export const EAM205: Rule = {
  id: 'EAM205',
  severity: Severity.WARNING,
  summary: 'The principal looks like the CDK CloudFormation execution role, which usually creates an in-app cluster that gives its creator admin access.',
  source: 'R24 — EKS API reference (CreateCluster, bootstrapClusterCreatorAdminPermissions); CDK bootstrap template (cfn-exec-role)',
  checkEntry: (entry, { cluster }) => {
    const inApp = cluster.inApp;
    if (!inApp?.bootstrapCreatorAdmin || inApp.creator) { return NO_VIOLATIONS; }
    const arn = entry.principal.arn ?? entry.principal.facts.resolvedArn;
    if (arn === undefined || !CDK_EXECUTION_ROLE.test(arn)) { return NO_VIOLATIONS; }
    return [{
      field: '',
      message: `looks like the CDK CloudFormation execution role, which creates the cluster ${inApp.path} when it is deployed with the default bootstrap; EKS then already gives it an admin entry (bootstrapClusterCreatorAdminPermissions), and this one fails with 409`,
      fix: 'remove this principal, or set bootstrapClusterCreatorAdminPermissions to false on the cluster; acknowledge `EAM205` if the cluster is deployed with other credentials',
    }];
  },
};
