/**
 * What an app says of a cluster it defines, computed once for both adapters: the
 * construct tree (`construct-facts.ts`) and the synthesized templates
 * (`template-facts.ts`). Each adapter turns its resources into `ResourceView`s and answers
 * two questions about values of its own world (`ClusterAdapter`); everything else is here,
 * so the construct and the validation plugin cannot disagree on what a cluster is.
 */
import { Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { literalString } from '../private/tokens';
import { EksManagedPrincipal, InAppCluster } from '../validation/rule';

/** A resource as both adapters see it. */
export interface ResourceView {
  /** The CloudFormation type (`AWS::EKS::Cluster`). */
  readonly type: string;
  /** Where it is defined: its construct path without `/Resource`, or `<template file>#<logical id>`. */
  readonly path: string;
  /**
   * Its properties in CloudFormation's casing (PascalCase; what a custom resource passes
   * on is as written, e.g. aws-eks's camelCase `Config`). An unknown value is a CDK token.
   */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** What an adapter knows of the values of its own world. */
export interface ClusterAdapter {
  /** The principal key (see `principalKey`) of a role ARN value, literal or token. */
  principalKeyOf(value: unknown): string | undefined;
  /** True when `clusterName`, as `declaredBy` writes it, names the cluster being described. */
  sameCluster(clusterName: unknown, declaredBy: ResourceView): boolean;
}

/** Where a cluster is deployed, as far as it is known. */
export interface Environment {
  readonly account?: string;
  readonly region?: string;
}

/** What an adapter knows of the cluster that entries or a manager name. */
export interface ClusterFacts {
  /** Equal for names of the same cluster (see `clusterKey`). */
  readonly key: string;
  /** The cluster as a reader knows it: the report's title and file name. */
  readonly label: string;
  /** What the app says of the cluster, when the app defines it. */
  readonly inApp?: InAppCluster;
}

/** A cluster named by a literal name, where the stack that names it is deployed. */
export interface NamedCluster {
  readonly name: string;
  readonly env: Environment;
}

/** How a cluster is named, for its key. */
export type ClusterRef =
  /** A literal name, where the stack that names it is deployed. */
  | NamedCluster
  /** A cluster of the app without a literal name: a unique id of its resource in the adapter's world. */
  | { readonly inApp: string }
  /** Any other expression: a unique id of it in the adapter's world. */
  | { readonly token: string };

type Props = Readonly<Record<string, unknown>>;

/** Where each kind of cluster resource keeps the settings the rules read. */
interface ClusterKind {
  /** The settings, in EKS's CreateCluster shape; undefined when they are a token. */
  readonly settings: (props: Props) => Props | undefined;
  readonly name: string;
  readonly access: string;
  readonly mode: string;
  readonly bootstrap: string;
  readonly compute?: { readonly property: string; readonly enabled: string; readonly nodeRole: string };
  /** The property of the resource (not of its settings) with the role that creates it. */
  readonly creator?: string;
}

const CLUSTER_KINDS: Record<string, ClusterKind> = {
  'AWS::EKS::Cluster': {
    settings: (props) => props,
    name: 'Name',
    access: 'AccessConfig',
    mode: 'AuthenticationMode',
    bootstrap: 'BootstrapClusterCreatorAdminPermissions',
    compute: { property: 'ComputeConfig', enabled: 'Enabled', nodeRole: 'NodeRoleArn' },
  },
  // aws-eks passes the CreateCluster request to its handler in `Config`, in the API's
  // camelCase, and creates the cluster as the role in `AssumeRoleArn`. It has no Auto Mode.
  'Custom::AWSCDK-EKS-Cluster': {
    settings: (props) => plainObject(props.Config),
    name: 'name',
    access: 'accessConfig',
    mode: 'authenticationMode',
    bootstrap: 'bootstrapClusterCreatorAdminPermissions',
    creator: 'AssumeRoleArn',
  },
};

/** Resources whose role EKS gives an entry itself, and where they keep it. */
const ROLE_DECLARERS: Record<string, { settings: (props: Props) => Props | undefined; clusterName: string; role: string; what: string }> = {
  'AWS::EKS::Nodegroup': { settings: (p) => p, clusterName: 'ClusterName', role: 'NodeRole', what: 'the node role of managed node group' },
  'AWS::EKS::FargateProfile': { settings: (p) => p, clusterName: 'ClusterName', role: 'PodExecutionRoleArn', what: 'the pod execution role of Fargate profile' },
  // aws-eks's Fargate profile: the CreateFargateProfile request in `Config`, camelCase.
  'Custom::AWSCDK-EKS-FargateProfile': {
    settings: (p) => plainObject(p.Config),
    clusterName: 'clusterName',
    role: 'podExecutionRoleArn',
    what: 'the pod execution role of Fargate profile',
  },
};

/** The resource types that define a cluster. */
export const CLUSTER_TYPES: ReadonlySet<string> = new Set(Object.keys(CLUSTER_KINDS));

/** Every resource type a cluster's facts are read from: adapters keep views of these alone. */
export const FACT_TYPES: ReadonlySet<string> = new Set([...Object.keys(CLUSTER_KINDS), ...Object.keys(ROLE_DECLARERS)]);

/** CloudFormation's (and EKS's) mode for a cluster created without one. */
const DEFAULT_MODE = 'CONFIG_MAP';

/**
 * What the app says of a cluster it defines: its authentication mode, whether its creator
 * gets an admin entry (and, for an aws-eks cluster, the role that creates it), and the
 * roles EKS makes entries for itself (managed node groups, Fargate profiles, Auto Mode
 * nodes) among `others`.
 *
 * A value the app does not know (a token) stays unknown: a token mode is `undefined`,
 * never a default, and a token `bootstrapClusterCreatorAdminPermissions` is not taken as
 * on. Only a setting left out is CloudFormation's default.
 *
 * @param cluster a resource of one of `CLUSTER_TYPES`
 * @param others resources of the app, of any type (those of `FACT_TYPES` are read)
 * @param adapter what the adapter knows of values of its world
 */
export function describeCluster(cluster: ResourceView, others: Iterable<ResourceView>, adapter: ClusterAdapter): InAppCluster {
  const kind = CLUSTER_KINDS[cluster.type];
  if (!kind) {
    throw new Error(`describeCluster: ${cluster.path} is a ${cluster.type}, not one of ${[...CLUSTER_TYPES].join(', ')}`);
  }
  const settings = kind.settings(cluster.properties);
  const eksManaged: EksManagedPrincipal[] = [];
  const compute = kind.compute && settings ? plainObject(settings[kind.compute.property]) : undefined;
  if (kind.compute && compute?.[kind.compute.enabled] === true) {
    push(eksManaged, adapter, compute[kind.compute.nodeRole], `the Auto Mode node role of cluster ${cluster.path}`);
  }
  for (const other of others) {
    const declarer = ROLE_DECLARERS[other.type];
    const fields = declarer?.settings(other.properties);
    if (!fields || !adapter.sameCluster(fields[declarer.clusterName], other)) { continue; }
    push(eksManaged, adapter, fields[declarer.role], `${declarer.what} ${other.path}`);
  }
  const creator: EksManagedPrincipal[] = [];
  if (kind.creator) {
    push(creator, adapter, cluster.properties[kind.creator], `the role that creates cluster ${cluster.path}`);
  }
  return {
    path: cluster.path,
    authenticationMode: authenticationModeOf(kind, settings),
    bootstrapCreatorAdmin: bootstrapsCreatorAdmin(kind, settings),
    creator: creator[0],
    eksManaged,
  };
}

/** The cluster's literal name, when it has one (a generated name is unknown until deploy). */
export function literalClusterNameOf(cluster: ResourceView): string | undefined {
  const kind = CLUSTER_KINDS[cluster.type];
  const name = kind ? literalString(kind.settings(cluster.properties)?.[kind.name]) : undefined;
  return name === '' ? undefined : name;
}

/**
 * The key of the cluster a name refers to, equal for every way of naming the same cluster
 * within one adapter's world: `name:<account>:<region>:<name>` for a literal name (`?`
 * where the account or region is unknown), `cluster:<id>` for a cluster of the app
 * without a literal name, `token:<id>` for any other expression.
 */
export function clusterKey(ref: ClusterRef): string {
  if ('name' in ref) { return `name:${ref.env.account ?? '?'}:${ref.env.region ?? '?'}:${ref.name}`; }
  if ('inApp' in ref) { return `cluster:${ref.inApp}`; }
  return `token:${ref.token}`;
}

/**
 * How a cluster resource of the app is named for its key: by its literal name where it is
 * deployed, so that a literal name elsewhere in the app means the same cluster; otherwise
 * by `id`, the adapter's unique id of the resource.
 */
export function clusterRefOf(cluster: ResourceView, env: Environment, id: string): ClusterRef {
  const name = literalClusterNameOf(cluster);
  return name === undefined ? { inApp: id } : { name, env };
}

/** The label of a cluster named by a literal: `name@account-region` where both are known. */
export function nameLabel(name: string, env: Environment): string {
  return env.account !== undefined && env.region !== undefined ? `${name}@${env.account}-${env.region}` : name;
}

/** Known from its environment's literals: undefined for an unknown account or region. */
export function knownEnvironment(account: string | undefined, region: string | undefined): Environment {
  return { account: literalString(account), region: literalString(region) };
}

/** The partition of a known region; undefined when the region is unknown. */
export function partitionOf(region?: string): string | undefined {
  return region === undefined ? undefined : RegionInfo.get(region).partition;
}

function authenticationModeOf(kind: ClusterKind, settings: Props | undefined): string | undefined {
  if (settings === undefined) { return undefined; }
  if (settings[kind.access] === undefined) { return DEFAULT_MODE; }
  const access = plainObject(settings[kind.access]);
  if (access === undefined) { return undefined; }
  return access[kind.mode] === undefined ? DEFAULT_MODE : literalString(access[kind.mode]);
}

/** True when the creator is known to get an admin entry: the setting is on, or left out. */
function bootstrapsCreatorAdmin(kind: ClusterKind, settings: Props | undefined): boolean {
  if (settings === undefined) { return false; }
  if (settings[kind.access] === undefined) { return true; }
  const bootstrap = plainObject(settings[kind.access])?.[kind.bootstrap];
  return plainObject(settings[kind.access]) !== undefined && (bootstrap === undefined || bootstrap === true);
}

function push(list: EksManagedPrincipal[], adapter: ClusterAdapter, role: unknown, reason: string): void {
  if (role === undefined) { return; }
  const key = adapter.principalKeyOf(role);
  if (key !== undefined) { list.push({ key, reason }); }
}

/** An object property that is plain data; undefined for a token or anything else. */
export function plainObject(value: unknown): Props | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Token.isUnresolved(value) ? value as Props : undefined;
}
