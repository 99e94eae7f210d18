import { CfnResource, IResolvable, Reference, Token, Tokenization } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { principalKey } from './model';
import { describePrincipal } from '../principal';
import { EksManagedPrincipal, InAppCluster } from '../validation/rule';

const CLUSTER_TYPE = 'AWS::EKS::Cluster';

/** What EKS makes entries for itself, by the resource that declares the role. */
const ROLE_DECLARERS: Record<string, { roleProperty: string; what: string }> = {
  'AWS::EKS::Nodegroup': { roleProperty: 'nodeRole', what: 'the node role of managed node group' },
  'AWS::EKS::FargateProfile': { roleProperty: 'podExecutionRoleArn', what: 'the pod execution role of Fargate profile' },
};

/** The `AWS::EKS::Cluster` of this app that a cluster name refers to, if any. */
export function clusterResourceOf(clusterName: string): CfnResource | undefined {
  const target = referenceTarget(clusterName);
  return target && CfnResource.isCfnResource(target) && target.cfnResourceType === CLUSTER_TYPE ? target : undefined;
}

/**
 * What the app says of a cluster it defines: its authentication mode, whether its creator
 * gets an admin entry, and the roles EKS makes entries for itself (managed node groups,
 * Fargate profiles, Auto Mode nodes). Read at synth time, so node groups added after the
 * manager count too.
 */
export function describeInAppCluster(cluster: CfnResource): InAppCluster {
  const props = cluster as unknown as Record<string, unknown>;
  const access = plainObject(props.accessConfig);
  const compute = plainObject(props.computeConfig);
  const eksManaged: EksManagedPrincipal[] = [];

  if (compute?.enabled === true && typeof compute.nodeRoleArn === 'string') {
    eksManaged.push(managed(cluster, compute.nodeRoleArn, 'the Auto Mode node role of cluster', cluster));
  }
  for (const resource of cluster.node.root.node.findAll()) {
    if (!CfnResource.isCfnResource(resource)) { continue; }
    const declarer = ROLE_DECLARERS[resource.cfnResourceType];
    const fields = resource as unknown as Record<string, unknown>;
    if (!declarer || !sameCluster(fields.clusterName, cluster)) { continue; }
    const role = fields[declarer.roleProperty];
    if (typeof role === 'string') {
      eksManaged.push(managed(cluster, role, declarer.what, resource));
    }
  }

  return {
    path: cluster.node.path,
    // CloudFormation's default for a cluster without accessConfig is CONFIG_MAP.
    authenticationMode: access === undefined ? 'CONFIG_MAP' : stringOrUndefined(access.authenticationMode) ?? 'CONFIG_MAP',
    bootstrapCreatorAdmin: access?.bootstrapClusterCreatorAdminPermissions !== false,
    eksManaged,
  };
}

function managed(scope: IConstruct, role: string, what: string, declaredBy: IConstruct): EksManagedPrincipal {
  return { key: principalKey(describePrincipal(scope, role)), reason: `${what} ${declaredBy.node.path}` };
}

/** True when a cluster name (literal or token) names this cluster resource. */
function sameCluster(clusterName: unknown, cluster: CfnResource): boolean {
  if (typeof clusterName !== 'string') { return false; }
  if (Token.isUnresolved(clusterName)) { return referenceTarget(clusterName) === cluster; }
  return clusterName === (cluster as unknown as Record<string, unknown>).name;
}

function referenceTarget(value: string): IConstruct | undefined {
  if (!Token.isUnresolved(value)) { return undefined; }
  const token: IResolvable | undefined = Tokenization.reverse(value, { failConcat: false });
  return token && Reference.isReference(token) ? token.target : undefined;
}

/** An object property that is plain data; undefined for a token or anything else. */
function plainObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Token.isUnresolved(value) ? value as Record<string, unknown> : undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && !Token.isUnresolved(value) ? value : undefined;
}
