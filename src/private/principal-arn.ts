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

const ACCOUNT = /^\d{12}$/;
const IAM_RESOURCE = /^(role|user)(\/(?:[\x21-\x7e]+\/)*)([\w+=,.@-]{1,128})$/;

/** The IAM role or user an ARN names, or undefined when it names anything else. */
export function parseIamPrincipal(arn: string): IamPrincipalParts | undefined {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'iam' || parts.region !== '' || !ACCOUNT.test(parts.account)) { return undefined; }
  const match = IAM_RESOURCE.exec(parts.resource);
  if (!match) { return undefined; }
  return { partition: parts.partition, account: parts.account, kind: match[1] as 'role' | 'user', path: match[2], name: match[3] };
}
