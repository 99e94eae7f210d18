import { RemovalPolicy } from 'aws-cdk-lib';
import { describeValue } from './describe-value';
import { ShardLayout } from '../shard-layout';
import { FieldReader } from './normalize';
import { MAX_SHARDS } from './shard';
import { ClusterModel } from '../validation/rule';

/** The props the manager knows; any other key is reported (rule EAM100). */
const PROPS_KEYS = ['cluster', 'clusterName', 'authenticationMode', 'principals', 'groups', 'skipEksManagedPrincipals', 'accessReport', 'reportBaseline', 'shards', 'shardLayout', 'removalPolicy'];

/** Every removal policy, by its value. */
const REMOVAL_POLICIES: ReadonlySet<string> = new Set(Object.values(RemovalPolicy));

/** Every shard layout, by its value. */
const SHARD_LAYOUTS: ReadonlySet<string> = new Set(Object.values(ShardLayout));

/** The manager's settings as plain data, read once from its props. */
export interface ManagerSettings {
  /** The cluster settings the rules see; wrong shapes are kept for rule EAM101. */
  readonly cluster: ClusterModel;
  /** The cluster name to write in each entry: the literal, or the token of `cluster`. */
  readonly clusterName: string;
  readonly principals?: Record<string, unknown>;
  /** The Kubernetes groups to bind, by name, when given (an object). */
  readonly groups?: Record<string, unknown>;
  readonly skipEksManagedPrincipals: boolean;
  readonly accessReport: boolean;
  readonly reportBaseline?: string;
  readonly shards?: number;
  /** Where the shards go (meaningful with `shards` only). */
  readonly shardLayout: ShardLayout;
  /** What CloudFormation does with an entry that leaves its stack, when set. */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Reads the manager's props, whatever they are (jsii and JSON callers can pass anything):
 * never throws, so that every problem is reported at synth with the others.
 *
 * @param props the props as given
 * @param clusterNameOfCluster the name of `props.cluster`, when one was given
 * @param source where the settings were declared (the manager's path)
 */
export function readManagerSettings(props: unknown, clusterNameOfCluster: string | undefined, source: string): ManagerSettings {
  const reader = new FieldReader();
  const obj = reader.object(props, '(props)');
  reader.unknownKeys(obj, PROPS_KEYS, '');
  const givenName = reader.string(obj, 'clusterName', '');
  if (obj && (obj.cluster === undefined) === (obj.clusterName === undefined)) {
    reader.malformed.push({
      field: 'cluster',
      expected: 'exactly one of `cluster` (a cluster of this app, or imported) and `clusterName` (a cluster outside the app)',
      got: obj.cluster === undefined ? 'neither' : 'both',
    });
  } else if (givenName === '') {
    reader.malformed.push({ field: 'clusterName', expected: 'a non-empty string', got: 'the empty string' });
  }
  const clusterName = clusterNameOfCluster ?? givenName;
  const principals = reader.object(obj?.principals, 'principals', true);
  const groups = reader.object(obj?.groups, 'groups', true);
  for (const flag of ['skipEksManagedPrincipals', 'accessReport']) {
    if (obj?.[flag] !== undefined && typeof obj[flag] !== 'boolean') {
      reader.malformed.push({ field: flag, expected: 'true or false', got: describeValue(obj[flag]) });
    }
  }
  const reportBaseline = reader.string(obj, 'reportBaseline', '');
  const shardLayout = reader.string(obj, 'shardLayout', '');
  const removalPolicy = reader.string(obj, 'removalPolicy', '');
  if (removalPolicy !== undefined && !REMOVAL_POLICIES.has(removalPolicy)) {
    reader.malformed.push({ field: 'removalPolicy', expected: 'a RemovalPolicy', got: describeValue(removalPolicy) });
  }
  if (shardLayout !== undefined && !SHARD_LAYOUTS.has(shardLayout)) {
    reader.malformed.push({ field: 'shardLayout', expected: `one of ${[...SHARD_LAYOUTS].map((l) => JSON.stringify(l)).join(', ')}`, got: describeValue(shardLayout) });
  }
  if (obj?.shards !== undefined && !isShardCount(obj.shards)) {
    reader.malformed.push({ field: 'shards', expected: `a whole number from 1 to ${MAX_SHARDS}`, got: describeValue(obj.shards) });
  }
  return {
    cluster: {
      clusterName,
      authenticationMode: reader.string(obj, 'authenticationMode', ''),
      unknownFields: reader.unknown,
      malformedFields: reader.malformed,
      source,
    },
    // A missing or malformed name is reported by rule EAM101; the resources still need a string.
    clusterName: clusterName ?? '',
    principals,
    groups,
    skipEksManagedPrincipals: obj?.skipEksManagedPrincipals === true,
    accessReport: obj?.accessReport !== false,
    reportBaseline,
    shards: isShardCount(obj?.shards) ? obj.shards : undefined,
    shardLayout: shardLayout === ShardLayout.STACKS ? ShardLayout.STACKS : ShardLayout.NESTED_STACKS,
    removalPolicy: removalPolicy !== undefined && REMOVAL_POLICIES.has(removalPolicy) ? removalPolicy as RemovalPolicy : undefined,
  };
}

function isShardCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SHARDS;
}
