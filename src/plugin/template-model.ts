import { basename } from 'path';
import { Token } from 'aws-cdk-lib';
import { literalPrincipal } from '../principal';
import { EntryModel, PrincipalFacts, PrincipalModel } from '../private/model';
import { normalizeEntry } from '../private/normalize';
import { parsePolicy } from '../private/policy-arn';
import { isLiteral, renderValue, TemplateEntry, TemplateResources, TemplateValue } from '../report/template-entry';
import { EksManagedPrincipal, InAppCluster } from '../validation/rule';

/** One template, as read from the cloud assembly. */
export interface TemplateFile {
  readonly path: string;
  readonly resources: TemplateResources;
}

/**
 * The rule engine's model of an access entry read from a template, whoever created it.
 * Intrinsics become CDK tokens, so rules skip them as they skip tokens in a map; what a
 * `GetAtt` of a role in the same template says (its path, its name) is still used.
 */
export function modelOfTemplateEntry(file: TemplateFile, entry: TemplateEntry): EntryModel {
  const access = {
    type: entry.type,
    ...(entry.username !== undefined ? { username: valueOf(entry.username) } : {}),
    kubernetesGroups: entry.kubernetesGroups.map(valueOf),
    accessPolicies: entry.policies.map((p) => ({
      policy: policyOf(p.policyArn),
      accessScope: {
        type: valueOf(p.scopeType),
        ...(p.namespaces.length > 0 || p.scopeType === 'namespace' ? { namespaces: p.namespaces.map(valueOf) } : {}),
      },
    })),
    tags: Object.fromEntries(entry.tags.map((t) => [renderValue(t.key), valueOf(t.value)])),
  };
  return normalizeEntry(principalOf(file, entry.principalArn), access, `${basename(file.path)}#${entry.logicalId}`);
}

/** Equal for entries of the same cluster: a literal name, or what the expression names. */
export function clusterKeyOf(file: TemplateFile, clusterName: TemplateValue): string {
  if (isLiteral(clusterName)) { return `name:${clusterName}`; }
  return isLocalReference(clusterName) ? `${file.path}#${JSON.stringify(clusterName)}` : JSON.stringify(clusterName);
}

/** What the template says of a cluster it defines (a `Ref` to an `AWS::EKS::Cluster`). */
export function clusterInTemplate(file: TemplateFile, clusterName: TemplateValue): InAppCluster | undefined {
  const logicalId = (clusterName as { Ref?: unknown })?.Ref;
  const cluster = typeof logicalId === 'string' ? file.resources[logicalId] : undefined;
  if (cluster?.Type !== 'AWS::EKS::Cluster') { return undefined; }
  const access = (cluster.Properties?.AccessConfig ?? undefined) as Record<string, unknown> | undefined;
  const eksManaged: EksManagedPrincipal[] = [];
  for (const [id, resource] of Object.entries(file.resources)) {
    const props = resource.Properties ?? {};
    const role = resource.Type === 'AWS::EKS::Nodegroup' ? props.NodeRole
      : resource.Type === 'AWS::EKS::FargateProfile' ? props.PodExecutionRoleArn : undefined;
    if (role !== undefined && JSON.stringify(props.ClusterName) === JSON.stringify(clusterName)) {
      eksManaged.push({ key: principalKeyOf(file, role), reason: `the role of ${resource.Type} ${id}` });
    }
  }
  return {
    path: `${basename(file.path)}#${logicalId}`,
    authenticationMode: access === undefined ? 'CONFIG_MAP' : typeof access.AuthenticationMode === 'string' ? access.AuthenticationMode : undefined,
    bootstrapCreatorAdmin: access?.BootstrapClusterCreatorAdminPermissions !== false,
    eksManaged,
  };
}

function principalOf(file: TemplateFile, value: TemplateValue): PrincipalModel {
  if (isLiteral(value)) { return literalPrincipal(value); }
  return { display: renderValue(value), identity: principalKeyOf(file, value), facts: factsOf(file, value) };
}

function principalKeyOf(file: TemplateFile, value: TemplateValue): string {
  if (isLiteral(value)) { return value; }
  const facts = factsOf(file, value);
  return facts.resolvedArn ?? (isLocalReference(value) ? `${file.path}#${JSON.stringify(value)}` : JSON.stringify(value));
}

/** A `GetAtt` of an IAM role or user of the same template tells its kind, path and name. */
function factsOf(file: TemplateFile, value: TemplateValue): PrincipalFacts {
  const getAtt = (value as { 'Fn::GetAtt'?: unknown })?.['Fn::GetAtt'];
  if (!Array.isArray(getAtt) || getAtt[1] !== 'Arn') { return {}; }
  const resource = file.resources[String(getAtt[0])];
  const kind = resource?.Type === 'AWS::IAM::Role' ? 'role' : resource?.Type === 'AWS::IAM::User' ? 'user' : undefined;
  if (!kind) { return {}; }
  const props = resource!.Properties ?? {};
  const name = props[kind === 'role' ? 'RoleName' : 'UserName'];
  const path = props.Path === undefined ? '/' : props.Path;
  return {
    kind,
    path: isLiteral(path) ? path : undefined,
    name: isLiteral(name) ? name : undefined,
    inAppWithFixedName: isLiteral(name),
  };
}

function isLocalReference(value: TemplateValue): boolean {
  return typeof value === 'object' && value !== null && ('Ref' in value || 'Fn::GetAtt' in value);
}

/** A literal as it is; an intrinsic as a token, which no rule checks as a literal. */
function valueOf(value: TemplateValue): unknown {
  return isLiteral(value) ? value : Token.asString(value);
}

/** A policy ARN in the stack's partition (`arn:${AWS::Partition}:...`) is its name. */
function policyOf(value: TemplateValue): unknown {
  const rendered = renderValue(value);
  if (isLiteral(value)) { return value; }
  const name = parsePolicy(rendered.replace('${AWS::Partition}', 'aws')).name;
  return name && rendered.startsWith('arn:${AWS::Partition}:') ? name : Token.asString(value);
}
