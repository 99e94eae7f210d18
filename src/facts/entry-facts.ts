/**
 * An `AWS::EKS::AccessEntry` of the app, whoever created it, as the rule engine's model.
 * Both adapters read the fields in their own casing (the L1's camelCase, the template's
 * PascalCase) and turn unknown values into CDK tokens; the model is made here, once.
 */
import { Token } from 'aws-cdk-lib';
import { EntryModel, PrincipalModel } from '../private/model';
import { normalizeEntry } from '../private/normalize';
import { policyNameOfRendered } from '../private/policy-arn';
import { literalString } from '../private/tokens';

/** One access policy association of an entry resource. */
export interface EntryPolicyFields {
  /** The policy, as `policyOf` gives it. */
  readonly policy: unknown;
  /** The scope; undefined when the resource has none. */
  readonly accessScope?: { readonly type?: unknown; readonly namespaces?: unknown };
}

/**
 * The fields of an entry resource. Scalars are literals or CDK token strings; a list may
 * be an unknown value (a token or an intrinsic), which becomes a list token.
 */
export interface EntryFields {
  readonly type?: unknown;
  readonly username?: unknown;
  readonly kubernetesGroups?: unknown;
  /** The policies; a list the app cannot know (an intrinsic, say) is read as none. */
  readonly policies: readonly EntryPolicyFields[];
  /** The tags, as key and value. */
  readonly tags: ReadonlyArray<readonly [unknown, unknown]>;
}

/**
 * The model of an entry resource, in the shape `normalizeEntry` reads (the access map's):
 * every value of the wrong shape is kept, for a rule to report.
 *
 * @param principal the model of its `principalArn`
 * @param fields its other fields
 * @param source where it is defined, for findings
 */
export function entryModelOf(principal: PrincipalModel, fields: EntryFields, source: string): EntryModel {
  const accessPolicies = fields.policies.map((p) => ({
    policy: p.policy,
    accessScope: p.accessScope && { type: p.accessScope.type, namespaces: listOf(p.accessScope.namespaces) },
  }));
  const access: Record<string, unknown> = {
    type: fields.type,
    username: fields.username,
    kubernetesGroups: listOf(fields.kubernetesGroups),
    accessPolicies,
  };
  if (fields.tags.length > 0) {
    const tags: Record<string, unknown> = {};
    for (const [key, value] of fields.tags) { tags[typeof key === 'string' ? key : Token.asString(key)] = value; }
    access.tags = tags;
  }
  return normalizeEntry(principal, access, source);
}

/**
 * A policy as the rules read it: a literal as written (the rules check it); an ARN in
 * the stack's partition as its name, the partition being the only unknown part; any
 * other expression as a token, which no rule checks.
 *
 * @param value the policy value: a literal, or a CDK token
 * @param rendered the value as text, when it is not a literal (a token string's own
 * text, or a template value through `renderValue`)
 */
export function policyOf(value: unknown, rendered: string): unknown {
  if (literalString(value) !== undefined) { return value; }
  return policyNameOfRendered(rendered) ?? value;
}

/** A list as given, or, when it is an unknown value, a list token (which rules skip). */
function listOf(value: unknown): unknown {
  return value === undefined || Array.isArray(value) ? value : Token.asList(value);
}
