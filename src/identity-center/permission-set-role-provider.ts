import * as path from 'path';
import { CustomResourceProvider, CustomResourceProviderRuntime, Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The provider's id in its stack: one provider per stack serves every lookup in it. */
const PERMISSION_SET_ROLE_PROVIDER_ID = 'EksAccessManagerPermissionSetRoleProvider';

/**
 * The handler's directory, the same relative path from `src/identity-center` (tests, the
 * integ snapshot) and from `lib/identity-center` (the npm package): plain JavaScript, so
 * nothing is compiled or bundled into it.
 */
const HANDLER_DIRECTORY = path.join(__dirname, '..', '..', 'handlers', 'permission-set-role');

/**
 * The service token of the stack's provider of permission set lookups, created with the
 * first lookup of the stack.
 *
 * Its only permission is `iam:ListRoles` (besides writing its logs): ListRoles has no
 * resource type or condition key to narrow it to the SSO path (the Service Authorization
 * Reference lists none), so the statement's resource is `*`. It lists role names, paths
 * and trust policies, never what a role may do.
 */
export function permissionSetRoleProvider(scope: Construct): string {
  return CustomResourceProvider.getOrCreate(scope, PERMISSION_SET_ROLE_PROVIDER_ID, {
    codeDirectory: HANDLER_DIRECTORY,
    // The Node.js runtimes of Lambda ship the AWS SDK for JavaScript v3 the handler uses.
    runtime: CustomResourceProviderRuntime.NODEJS_22_X,
    timeout: Duration.minutes(5),
    description: 'eks-access-manager: finds the IAM role of an IAM Identity Center permission set (iam:ListRoles)',
    policyStatements: [{ Effect: 'Allow', Action: ['iam:ListRoles'], Resource: '*' }],
  });
}
