import { CustomResource, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { permissionSetRoleProvider } from './permission-set-role-provider';
import { PERMISSION_SET_NAME_PROPERTY, PERMISSION_SET_ROLE_TYPE } from '../facts/principal-facts';

/** CreatePermissionSet's `Name`: 1 to 32 characters of `[\w+=,.@-]`. */
const PERMISSION_SET_NAME = /^[\w+=,.@-]{1,32}$/;

/**
 * Properties of a `PermissionSetRole`.
 */
export interface PermissionSetRoleProps {
  /**
   * The name of the IAM Identity Center permission set, exactly as Identity Center shows
   * it (case-sensitive): `Dev` finds `AWSReservedSSO_Dev_<suffix>`, never the role of
   * `DevOps`.
   */
  readonly permissionSetName: string;

  /**
   * A value that, when it changes, makes CloudFormation run the lookup again. CloudFormation
   * calls a custom resource only when its properties change, so by default this is the
   * time of synth: every deploy of a new synth looks the role up again and follows a new
   * suffix. The price is that the template changes at every synth: `cdk diff` always shows
   * this resource, and every deploy updates the stack, if only for the lookup.
   *
   * Give a fixed value (or set the context key `PermissionSetRole.LOOKUP_NONCE_CONTEXT`,
   * for the whole app) to make the template the same at every synth, in snapshot tests
   * say; the lookup then runs only when this value or the permission set's name changes.
   *
   * @default - the context value `eks-access-manager:permissionSetLookupNonce`, if set;
   * otherwise the time of synth
   */
  readonly lookupNonce?: string;
}

/**
 * The IAM role that IAM Identity Center creates for a permission set in the stack's
 * account, looked up when the stack is deployed.
 *
 * Identity Center names it `AWSReservedSSO_<permission set>_<random suffix>`, under the
 * path `aws-reserved/sso.amazonaws.com/[<region>/]` (no region segment when Identity
 * Center is in us-east-1), and gives it a new suffix when the permission set is removed
 * from the account and assigned again. A custom resource (a Lambda function whose only
 * permission is `iam:ListRoles`) finds the one role of that name at deploy time; the
 * deploy fails, naming the permission set and the account, when there is none (the
 * permission set is not assigned in this account) or more than one.
 *
 * Give `role` to `EksAccessManager.addRole()`, or use `roleArn` as a key of `principals`.
 * The manager's checks know it is a role of the stack's account with the SSO path, for
 * that permission set; the access report names the permission set.
 *
 * The lookup runs again on every deploy of a new synth (see `lookupNonce`). When it finds
 * the same ARN, nothing downstream changes: the attribute CloudFormation hands on is the
 * same, so the access entry is not updated. When Identity Center has made a new role, the
 * entry is replaced: created for the new ARN, then the old one deleted (two ARNs, so no
 * 409).
 *
 * Look the role up in the stack that holds the access entries. CloudFormation refuses to
 * change a value that another stack imports, so through a cross-stack reference (a
 * manager in another stack, or `ShardLayout.STACKS`) a new suffix fails the deploy of the
 * lookup's stack until the importing stacks stop using the old one.
 *
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 *
 * @example
 * declare const cluster: eks.Cluster;
 *
 * const developers = new PermissionSetRole(stack, 'Developers', { permissionSetName: 'Developers' });
 * const access = new EksAccessManager(stack, 'Access', { cluster });
 * access.addRole(developers.role, {
 *   accessPolicies: [{ policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['dev'] } }],
 * });
 */
export class PermissionSetRole extends Construct {
  /**
   * The context key that fixes `lookupNonce` for every lookup of the app:
   * `cdk synth -c eks-access-manager:permissionSetLookupNonce=1`, or the `context` of a
   * test's `App`.
   */
  public static readonly LOOKUP_NONCE_CONTEXT = 'eks-access-manager:permissionSetLookupNonce';

  /**
   * The role of a permission set in the stack's account, looked up at deploy time: the
   * `role` of a new `PermissionSetRole`.
   *
   * @param scope where the lookup is defined (in the stack of the access entries)
   * @param id the construct id of the lookup
   * @param props the permission set
   */
  public static lookup(scope: Construct, id: string, props: PermissionSetRoleProps): iam.IRole {
    return new PermissionSetRole(scope, id, props).role;
  }

  /**
   * The role, as an imported role that CDK never changes (`mutable: false`): grants to it
   * add nothing to its policies, which Identity Center owns.
   *
   * Use this construct's `roleName` rather than `role.roleName`: CDK cannot take the path
   * out of an ARN that is known only at deploy time.
   */
  public readonly role: iam.IRole;

  /** The role's ARN, path included (a token, resolved at deploy time). */
  public readonly roleArn: string;

  /** The role's name, `AWSReservedSSO_<permission set>_<suffix>` (a token, resolved at deploy time). */
  public readonly roleName: string;

  /** The name of the permission set. */
  public readonly permissionSetName: string;

  constructor(scope: Construct, id: string, props: PermissionSetRoleProps) {
    super(scope, id);
    const name = props?.permissionSetName;
    if (typeof name !== 'string' || (!Token.isUnresolved(name) && !PERMISSION_SET_NAME.test(name))) {
      throw new Error(`${this.node.path}: \`permissionSetName\` must be the name of an IAM Identity Center permission set, `
        + `1 to 32 characters of letters, digits and + = , . @ _ -, got ${JSON.stringify(name)}`);
    }
    this.permissionSetName = name;
    const nonce = props.lookupNonce ?? this.node.tryGetContext(PermissionSetRole.LOOKUP_NONCE_CONTEXT) ?? new Date().toISOString();
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: permissionSetRoleProvider(this),
      resourceType: PERMISSION_SET_ROLE_TYPE,
      properties: { [PERMISSION_SET_NAME_PROPERTY]: name, LookupNonce: String(nonce) },
    });
    this.roleArn = resource.getAttString('Arn');
    this.roleName = resource.getAttString('RoleName');
    this.role = iam.Role.fromRoleArn(this, 'Role', this.roleArn, { mutable: false });
  }
}
