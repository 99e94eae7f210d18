/**
 * IAM principal ARNs (rules R3 to R8): `arn:<partition>:iam::<12 digits>:role/<path/>name`
 * or `...:user/<path/>name`.
 */

/** The parts of an ARN, or undefined when the string is not an ARN. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

const ARN = /^arn:([^:]+):([^:]*):([^:]*):([^:]*):(.+)$/s;

export function parseArn(arn: string): ArnParts | undefined {
  const match = ARN.exec(arn);
  if (!match) { return undefined; }
  const [, partition, service, region, account, resource] = match;
  return { partition, service, region, account, resource };
}

/** What kind of IAM principal a literal ARN names. */
export interface IamPrincipalParts {
  readonly partition: string;
  readonly account: string;
  readonly kind: 'role' | 'user';
  /** The path, with its leading and trailing slash (`/` when there is none). */
  readonly path: string;
  readonly name: string;
}

/** The longest IAM role or user name (IAM `CreateRole`, `CreateUser`: `RoleName`, `UserName`). */
export const IAM_NAME_MAX = 64;
/** The longest IAM path, slashes included (IAM `CreateRole`, `CreateUser`: `Path`). */
export const IAM_PATH_MAX = 512;
/** IAM's pattern of role and user names, `[\w+=,.@-]+`, at its length limit. */
export const IAM_NAME = /^[\w+=,.@-]{1,64}$/;
/** IAM's pattern of paths, `(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`. */
export const IAM_PATH = /^\/(?:[\x21-\x7e]+\/)?$/;

const ACCOUNT = /^\d{12}$/;

/**
 * The IAM role or user an ARN names, or undefined when it names anything else, including a
 * role or user that IAM cannot have: a name or path over IAM's limits or outside its
 * patterns. EKS answers "invalid principal" for those, since the principal must exist.
 */
export function parseIamPrincipal(arn: string): IamPrincipalParts | undefined {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'iam' || parts.region !== '' || !ACCOUNT.test(parts.account)) { return undefined; }
  const resource = splitIamResource(parts.resource);
  if (!resource || !IAM_NAME.test(resource.name) || resource.path.length > IAM_PATH_MAX || !IAM_PATH.test(resource.path)) {
    return undefined;
  }
  return { partition: parts.partition, account: parts.account, ...resource };
}

/** The kind, path and name of a `role/...` or `user/...` resource, as written: nothing is checked. */
export interface IamResourceParts {
  readonly kind: 'role' | 'user';
  /** Everything from the first `/` to the last one, both included. */
  readonly path: string;
  /** Everything after the last `/` (may be empty). */
  readonly name: string;
}

/** Splits an ARN's resource into an IAM role or user's path and name; undefined for any other resource. */
export function splitIamResource(resource: string): IamResourceParts | undefined {
  const kind = resource.startsWith('role/') ? 'role' : resource.startsWith('user/') ? 'user' : undefined;
  if (!kind) { return undefined; }
  // The name is what follows the last slash: IAM names cannot hold one, paths end with one.
  const last = resource.lastIndexOf('/');
  return { kind, path: resource.slice(kind.length, last + 1), name: resource.slice(last + 1) };
}
