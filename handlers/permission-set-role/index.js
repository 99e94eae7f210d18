// @ts-check
'use strict';
/**
 * The handler of `PermissionSetRole`: finds, at deploy time, the IAM role that IAM
 * Identity Center made in this account for one permission set.
 *
 * Plain JavaScript, shipped as it is: the asset is this directory, the same file whether
 * the library runs from its sources (tests, the integ snapshot) or from the npm package.
 * The AWS SDK for JavaScript v3 comes with the Lambda Node.js runtime; it is not bundled.
 */
const { IAMClient, ListRolesCommand } = require('@aws-sdk/client-iam');

/** Identity Center creates its roles under this path only (with a region segment, except for us-east-1). */
const SSO_PATH_PREFIX = '/aws-reserved/sso.amazonaws.com/';
/** The path itself, or the path and one region segment. */
const SSO_PATH = /^\/aws-reserved\/sso\.amazonaws\.com\/(?:[a-z0-9-]+\/)?$/;
const ROLE_PREFIX = 'AWSReservedSSO_';
/**
 * `AWSReservedSSO_<permission set>_<suffix>`. The suffix is hexadecimal, so it holds no
 * `_`: the permission set is everything between the prefix and the last `_`, and `Dev`
 * never matches the role of `DevOps` or of `Dev_Ops`.
 */
const ROLE_NAME = /^AWSReservedSSO_(.+)_([0-9a-fA-F]+)$/;
/**
 * ListRoles is throttled per account, and a deploy may look up several permission sets at
 * once (one Lambda invocation each): the SDK retries throttling with backoff, more often
 * than its default of 3 attempts.
 */
const MAX_ATTEMPTS = 10;
/** ListRoles' largest page. */
const PAGE_SIZE = 1000;
/** How many other permission sets a "not found" message names. */
const NAMES_SHOWN = 20;

/**
 * @typedef {{ Arn: string, RoleName: string, Path: string }} SsoRole
 * @typedef {{
 *   RequestType: 'Create' | 'Update' | 'Delete',
 *   StackId: string,
 *   PhysicalResourceId?: string,
 *   ResourceProperties: { PermissionSetName?: unknown },
 * }} CustomResourceEvent
 */

/**
 * An IAM client with the handler's retry settings.
 *
 * @param {import('@aws-sdk/client-iam').IAMClientConfig} [config] more settings (tests give a request handler)
 */
function newClient(config = {}) {
  return new IAMClient({ maxAttempts: MAX_ATTEMPTS, ...config });
}

/** @type {IAMClient | undefined} */
let sharedClient;

/**
 * The custom resource's handler, called by CDK's provider entry point, which answers
 * CloudFormation: a thrown error fails the deploy with its message.
 *
 * @param {CustomResourceEvent} event
 */
async function handler(event) {
  // Nothing was created: a delete (also of the ARN an update replaced) has nothing to do,
  // and must not fail when the permission set is gone.
  if (event.RequestType === 'Delete') {
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const name = event.ResourceProperties.PermissionSetName;
  if (typeof name !== 'string' || name === '') {
    throw new Error(`PermissionSetName must be the name of an IAM Identity Center permission set, got ${JSON.stringify(name)}`);
  }
  sharedClient ??= newClient();
  const role = await findPermissionSetRole(sharedClient, name, accountOf(event.StackId));
  // The ARN is the physical id: a new suffix is a new role, and CloudFormation updates
  // what refers to it. The same ARN changes nothing downstream.
  return { PhysicalResourceId: role.Arn, Data: { Arn: role.Arn, RoleName: role.RoleName, Path: role.Path } };
}

/**
 * The one role of permission set `name` in the account, or an error that names the
 * permission set and the account.
 *
 * @param {IAMClient} client
 * @param {string} name the permission set's name, matched exactly (case-sensitive)
 * @param {string} account the account, for messages
 * @returns {Promise<SsoRole>}
 */
async function findPermissionSetRole(client, name, account) {
  const roles = await listSsoRoles(client);
  const matches = roles.filter((role) => permissionSetOf(role) === name);
  const where = `in account ${account}`;
  if (matches.length === 1) { return matches[0]; }
  if (matches.length > 1) {
    throw new Error(`IAM Identity Center permission set "${name}" has ${matches.length} roles ${where}, expected one: `
      + `${matches.map((r) => r.Arn).join(', ')}. Identity Center keeps one role per permission set and account; `
      + 'the others are left from an earlier Identity Center instance (another region): delete them in IAM, '
      + 'or grant the role ARN you want by hand instead of looking it up');
  }
  const others = [...new Set(roles.map(permissionSetOf).filter((n) => n !== undefined))].sort();
  const sameButCase = others.find((n) => n.toLowerCase() === name.toLowerCase());
  const hint = sameButCase !== undefined ? ` Did you mean "${sameButCase}"? Names are case-sensitive.`
    : others.length === 0 ? ' No permission set is assigned in this account.'
      : ` Permission sets with a role here: ${others.slice(0, NAMES_SHOWN).join(', ')}${others.length > NAMES_SHOWN ? ', ...' : ''}.`;
  throw new Error(`IAM Identity Center permission set "${name}" has no role ${where} `
    + `(no role ${ROLE_PREFIX}${name}_<suffix> under ${SSO_PATH_PREFIX}): assign the permission set to a user or group `
    + `in this account in IAM Identity Center (it makes the role then), or check the name.${hint}`);
}

/**
 * Every role Identity Center made in the account, over all pages.
 *
 * @param {IAMClient} client
 * @returns {Promise<SsoRole[]>}
 */
async function listSsoRoles(client) {
  /** @type {SsoRole[]} */
  const roles = [];
  /** @type {string | undefined} */
  let marker;
  do {
    const page = await client.send(new ListRolesCommand({ PathPrefix: SSO_PATH_PREFIX, MaxItems: PAGE_SIZE, Marker: marker }));
    for (const role of page.Roles ?? []) {
      if (role.Arn && role.RoleName && role.Path && SSO_PATH.test(role.Path)) {
        roles.push({ Arn: role.Arn, RoleName: role.RoleName, Path: role.Path });
      }
    }
    // A truncated page without a marker would loop forever: stop there.
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return roles;
}

/**
 * The permission set an Identity Center role is for, or undefined for another name.
 *
 * @param {SsoRole} role
 * @returns {string | undefined}
 */
function permissionSetOf(role) {
  return ROLE_NAME.exec(role.RoleName)?.[1];
}

/**
 * The account of a stack ARN (`arn:aws:cloudformation:<region>:<account>:stack/...`).
 *
 * @param {string} stackId
 */
function accountOf(stackId) {
  return String(stackId ?? '').split(':')[4] || '(unknown account)';
}

module.exports = { handler, newClient, MAX_ATTEMPTS, SSO_PATH_PREFIX };
