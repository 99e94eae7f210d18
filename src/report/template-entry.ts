/**
 * An `AWS::EKS::AccessEntry` as CloudFormation sees it: the resolved properties of the
 * resource in a template. The report and the validation plugin both start from here, so
 * they never show anything that is not in the template.
 */

/** A value of a template: a literal, or an intrinsic such as `{ "Fn::GetAtt": [...] }`. */
export type TemplateValue = unknown;

export interface TemplatePolicy {
  readonly policyArn: TemplateValue;
  readonly scopeType: TemplateValue;
  readonly namespaces: readonly TemplateValue[];
}

export interface TemplateEntry {
  readonly logicalId: string;
  readonly principalArn: TemplateValue;
  readonly clusterName: TemplateValue;
  readonly type: string;
  readonly username?: TemplateValue;
  readonly kubernetesGroups: readonly TemplateValue[];
  readonly policies: readonly TemplatePolicy[];
  readonly tags: ReadonlyArray<{ readonly key: TemplateValue; readonly value: TemplateValue }>;
}

export const ACCESS_ENTRY_TYPE = 'AWS::EKS::AccessEntry';

/** The `Resources` section of a template, by logical id. */
export type TemplateResources = Record<string, { readonly Type?: string; readonly Properties?: Record<string, unknown> }>;

/** Reads one access entry resource of a template (properties in CloudFormation's casing). */
export function templateEntry(logicalId: string, properties: Record<string, unknown>): TemplateEntry {
  // Plain loops: the report reads every entry once per synth, before V8 has optimized
  // anything, and at 3,000 entries callbacks cost more than the reading itself.
  const policies: TemplatePolicy[] = [];
  const accessPolicies = list(properties.AccessPolicies);
  for (let i = 0; i < accessPolicies.length; i++) {
    const policy = (accessPolicies[i] ?? {}) as Record<string, unknown>;
    const scope = (policy.AccessScope ?? {}) as Record<string, unknown>;
    policies.push({ policyArn: policy.PolicyArn, scopeType: scope.Type, namespaces: list(scope.Namespaces) });
  }
  const tags: Array<{ key: TemplateValue; value: TemplateValue }> = [];
  const tagList = list(properties.Tags);
  for (let i = 0; i < tagList.length; i++) {
    const tag = (tagList[i] ?? {}) as Record<string, unknown>;
    tags.push({ key: tag.Key, value: tag.Value });
  }
  return {
    logicalId,
    principalArn: properties.PrincipalArn,
    clusterName: properties.ClusterName,
    // CloudFormation's default type.
    type: typeof properties.Type === 'string' ? properties.Type : 'STANDARD',
    username: properties.Username,
    kubernetesGroups: list(properties.KubernetesGroups),
    policies,
    tags,
  };
}

const NONE: readonly unknown[] = [];

/** A list property, or none when it is absent (or an intrinsic). */
function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : NONE;
}

/** The access entries of a template. */
export function templateEntries(template: unknown): TemplateEntry[] {
  const resources = (template as { Resources?: TemplateResources })?.Resources ?? {};
  return Object.entries(resources)
    .filter(([, r]) => r?.Type === ACCESS_ENTRY_TYPE)
    .map(([id, r]) => templateEntry(id, r.Properties ?? {}));
}

/**
 * A template value as readable text: literals as they are, intrinsics in a short form
 * (`DevRole.Arn`, `Ref(Param)`, `${AWS::Partition}` inside a join).
 */
export function renderValue(value: TemplateValue): string {
  if (typeof value === 'string') { return value; }
  if (typeof value === 'number' || typeof value === 'boolean') { return String(value); }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const fn = firstKey(value);
    const arg = fn === undefined ? undefined : (value as Record<string, unknown>)[fn];
    if (fn === 'Ref' && typeof arg === 'string') { return arg.startsWith('AWS::') ? `\${${arg}}` : `Ref(${arg})`; }
    if (fn === 'Fn::GetAtt' && Array.isArray(arg)) { return arg.map(String).join('.'); }
    if (fn === 'Fn::ImportValue') { return `ImportValue(${renderValue(arg)})`; }
    if (fn === 'Fn::Join' && Array.isArray(arg) && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
      let text = '';
      for (let i = 0; i < arg[1].length; i++) { text += (i > 0 ? arg[0] : '') + renderValue(arg[1][i]); }
      return text;
    }
  }
  return JSON.stringify(value);
}

/** An intrinsic has one key; reading it this way allocates nothing (`Object.keys` would). */
function firstKey(value: object): string | undefined {
  for (const key in value) { return key; }
  return undefined;
}

/** True when a template value is a literal string (no intrinsic). */
export function isLiteral(value: TemplateValue): value is string {
  return typeof value === 'string';
}
