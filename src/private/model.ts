/**
 * The plain model every entry point normalizes to. Rules read only this: no constructs,
 * so the construct, the command line and the validation plugin share one rule code.
 */

/** Where a value of the model came from, for error messages. */
export type FieldPath = string;

/**
 * What can be known of a principal before deploy: from its literal ARN, or from the
 * in-app role or user a token refers to. Each field is undefined when it is not known.
 */
export interface PrincipalFacts {
  readonly kind?: 'role' | 'user';
  readonly partition?: string;
  readonly account?: string;
  /** The IAM path, with its leading and trailing slash (`/` when there is none). */
  readonly path?: string;
  readonly name?: string;
  /** True for a role or user of this app created with a fixed name. */
  readonly inAppWithFixedName?: boolean;
  /** The ARN a token will resolve to, when every part of it is known at synth time. */
  readonly resolvedArn?: string;
  /**
   * The IAM Identity Center permission set the role is for: Identity Center names it
   * `AWSReservedSSO_<permission set>_<suffix>`, under `/aws-reserved/sso.amazonaws.com/`,
   * one per permission set and account. Known from a literal ARN of such a role, and for
   * a role looked up at deploy time (`PermissionSetRole`).
   */
  readonly permissionSet?: string;
  /**
   * For a role looked up at deploy time (`PermissionSetRole`): where it is looked up, the
   * account (or its stack, when the account is unknown). Its name and path are not known.
   */
  readonly lookedUpIn?: string;
}

/** What is known about a principal, whether written as a literal ARN or as a token. */
export interface PrincipalModel {
  /** The principal as the user would recognise it in their map. */
  readonly display: string;
  /** The literal ARN; undefined when the principal is a token. */
  readonly arn?: string;
  /** The construct path of the in-app resource a token refers to, when known. */
  readonly tokenTarget?: string;
  /**
   * A string that names the principal as written (the ARN, or what the token refers to).
   * Logical ids derive from it. Two ways of writing the same principal (a token and the
   * literal ARN of an in-app role with a fixed name) have different identities: compare
   * principals with `principalKey`.
   */
  readonly identity: string;
  /** What is known of the IAM principal it names. */
  readonly facts: PrincipalFacts;
}

/** One access policy association as written. */
export interface GrantModel {
  /** The field path of this grant (`accessPolicies[1]`). */
  readonly field: FieldPath;
  /** The policy name or ARN; undefined when missing or not a string. */
  readonly policy?: string;
  /** The scope type as written; undefined when missing or not a string. */
  readonly scopeType?: string;
  /** The namespaces as written; undefined when absent. */
  readonly namespaces?: readonly string[];
}

/** A value that had the wrong shape: kept so that a rule reports it. */
export interface MalformedField {
  readonly field: FieldPath;
  readonly expected: string;
  readonly got: string;
}

/** A key that is not part of the schema: kept so that a rule reports it. */
export interface UnknownField {
  readonly field: FieldPath;
  /** The keys that are allowed where it stands. */
  readonly known: readonly string[];
}

/** One principal's access entry, normalized. */
export interface EntryModel {
  readonly principal: PrincipalModel;
  /** The entry type as written, or `STANDARD` when none was written. */
  readonly type: string;
  readonly username?: string;
  readonly kubernetesGroups?: readonly string[];
  readonly accessPolicies: readonly GrantModel[];
  readonly tags?: ReadonlyArray<readonly [string, string]>;
  /** Keys that are not part of the schema. */
  readonly unknownFields: readonly UnknownField[];
  /** Values whose type is not the one the schema asks for. */
  readonly malformedFields: readonly MalformedField[];
  /** Where the entry was declared (the manager's construct path, a file, ...). */
  readonly source: string;
}

/** Equal for two principals that are the same IAM principal, however they were written. */
export function principalKey(principal: PrincipalModel): string {
  return principal.arn ?? principal.facts.resolvedArn
    // Two lookups of one permission set in one account find one role.
    ?? (principal.facts.lookedUpIn === undefined ? undefined : permissionSetKey(principal))
    ?? principal.identity;
}

/**
 * Equal for principals that are the role of one IAM Identity Center permission set in one
 * account: a literal ARN of it (any suffix) and a lookup of it; undefined when unknown.
 */
export function permissionSetKey(principal: PrincipalModel): string | undefined {
  const { permissionSet, lookedUpIn, account } = principal.facts;
  const where = lookedUpIn ?? account;
  return permissionSet === undefined || where === undefined ? undefined : `permission-set:${where}/${permissionSet}`;
}
