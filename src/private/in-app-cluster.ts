import { CfnResource, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { principalKey } from './model';
import { literalString, referenceOf } from './tokens';
import { describePrincipal } from '../principal';
import { EksManagedPrincipal, InAppCluster } from '../validation/rule';

/**
 * How each kind of cluster resource keeps its settings: `AWS::EKS::Cluster` (aws-eks-v2,
 * CfnCluster) in its properties; aws-eks's custom resource in `Config`, with the role that
 * creates the cluster in `AssumeRoleArn`.
 */
const CLUSTER_TYPES: Record<string, (props: Props) => { config: Props; creatorRole?: unknown }> = {
  'AWS::EKS::Cluster': (props) => ({ config: props }),
  'Custom::AWSCDK-EKS-Cluster': (props) => ({ config: plainObject(props.Config) ?? {}, creatorRole: props.AssumeRoleArn }),
};

/** Resources whose role EKS gives an entry itself, and where they keep it. */
const ROLE_DECLARERS: Record<string, { config: (props: Props) => Props | undefined; roleProperty: string; what: string }> = {
  'AWS::EKS::Nodegroup': { config: (p) => p, roleProperty: 'nodeRole', what: 'the node role of managed node group' },
  'AWS::EKS::FargateProfile': { config: (p) => p, roleProperty: 'podExecutionRoleArn', what: 'the pod execution role of Fargate profile' },
  'Custom::AWSCDK-EKS-FargateProfile': {
    config: (p) => plainObject(p.Config),
    roleProperty: 'podExecutionRoleArn',
    what: 'the pod execution role of Fargate profile',
  },
};

type Props = Record<string, unknown>;

/** The cluster resource of this app that a cluster name refers to, if any. */
export function clusterResourceOf(clusterName: string): CfnResource | undefined {
  const target = referenceTarget(clusterName);
  return target && CfnResource.isCfnResource(target) && CLUSTER_TYPES[target.cfnResourceType] ? target : undefined;
}

/**
 * What the app says of a cluster it defines: its authentication mode, whether its creator
 * gets an admin entry (and, for an aws-eks cluster, the in-app role that creates it), and
 * the roles EKS makes entries for itself (managed node groups, Fargate profiles, Auto Mode
 * nodes). Read at
 * synth time, so node groups added after the manager count too.
 */
export function describeInAppCluster(cluster: CfnResource): InAppCluster {
  const { config, creatorRole } = CLUSTER_TYPES[cluster.cfnResourceType](cfnPropertiesOf(cluster));
  const access = plainObject(config.accessConfig);
  const compute = plainObject(config.computeConfig);
  const bootstrapCreatorAdmin = access?.bootstrapClusterCreatorAdminPermissions !== false;
  const eksManaged: EksManagedPrincipal[] = [];

  if (compute?.enabled === true && typeof compute.nodeRoleArn === 'string') {
    eksManaged.push(managed(cluster, compute.nodeRoleArn, 'the Auto Mode node role of cluster', cluster));
  }
  for (const resource of cluster.node.root.node.findAll()) {
    if (!CfnResource.isCfnResource(resource)) { continue; }
    const declarer = ROLE_DECLARERS[resource.cfnResourceType];
    const fields = declarer?.config(cfnPropertiesOf(resource));
    if (!declarer || !fields || !sameCluster(fields.clusterName, cluster, config)) { continue; }
    const role = fields[declarer.roleProperty];
    if (typeof role === 'string') {
      eksManaged.push(managed(cluster, role, declarer.what, resource));
    }
  }

  return {
    path: pathWithoutResource(cluster),
    // EKS's and CloudFormation's default for a cluster without accessConfig is CONFIG_MAP.
    authenticationMode: access === undefined ? 'CONFIG_MAP' : literalString(access.authenticationMode) ?? 'CONFIG_MAP',
    bootstrapCreatorAdmin,
    creator: typeof creatorRole === 'string' ? managed(cluster, creatorRole, 'the role that creates cluster', cluster) : undefined,
    eksManaged,
  };
}

function managed(scope: IConstruct, role: string, what: string, declaredBy: IConstruct): EksManagedPrincipal {
  return { key: principalKey(describePrincipal(scope, role)), reason: `${what} ${pathWithoutResource(declaredBy)}` };
}

/** True when a cluster name (literal or token) names this cluster resource. */
function sameCluster(clusterName: unknown, cluster: CfnResource, config: Props): boolean {
  if (typeof clusterName !== 'string') { return false; }
  if (Token.isUnresolved(clusterName)) { return referenceTarget(clusterName) === cluster; }
  return clusterName === config.name;
}

/** A resource's properties as its class holds them (L1s keep them in public fields). */
function cfnPropertiesOf(resource: CfnResource): Props {
  return (resource as unknown as { cfnProperties: Props }).cfnProperties ?? {};
}

function referenceTarget(value: string): IConstruct | undefined {
  return referenceOf(value)?.target;
}

/** The path users know: the L2's, without the trailing `/Resource` (and `/Default`). */
export function pathWithoutResource(resource: IConstruct): string {
  return resource.node.path.replace(/(\/(Resource|Default))+$/, '');
}

/** An object property that is plain data; undefined for a token or anything else. */
function plainObject(value: unknown): Props | undefined {
  return typeof value === 'object' && value !== null && !Token.isUnresolved(value) ? value as Props : undefined;
}
