import * as fc from 'fast-check';
import { PrincipalAccess } from '../../src';

/** The seed of every property test: failures reproduce exactly (override with FC_SEED). */
export const SEED = Number(process.env.FC_SEED ?? 20261128);

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];
const CUSTOMER_POLICIES = [
  'AmazonEKSClusterAdminPolicy', 'AmazonEKSAdminPolicy', 'AmazonEKSEditPolicy',
  'AmazonEKSViewPolicy', 'AmazonEKSAdminViewPolicy', 'AmazonEKSSecretReaderPolicy',
];
const NODE_TYPES = ['EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'HYBRID_LINUX', 'HYPERPOD_LINUX'];

const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
/** An RFC 1123 label of 1 to 20 characters. */
const label = fc.tuple(lower, fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split('')), { maxLength: 18 }), lower)
  .map(([a, mid, b]) => `${a}${mid.join('')}${b}`);
/** A namespace or a prefix wildcard. */
const namespace = fc.oneof(label, label.map((l) => `${l}-*`));
const iamName = fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,40}$/).filter((n) => !n.startsWith('AWSReservedSSO_'));
const pathSegment = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/).filter((s) => s !== 'aws-service-role' && s !== 'aws-reserved');

export interface GeneratedPrincipal {
  readonly arn: string;
  readonly kind: 'role' | 'user';
}

/** A role or user ARN in any partition, with a path. */
export const principalArn: fc.Arbitrary<GeneratedPrincipal> = fc.record({
  partition: fc.constantFrom(...PARTITIONS),
  account: fc.stringMatching(/^\d{12}$/),
  kind: fc.constantFrom('role' as const, 'user' as const),
  path: fc.array(pathSegment, { maxLength: 3 }),
  name: iamName,
}).map(({ partition, account, kind, path, name }) => ({
  kind,
  arn: `arn:${partition}:iam::${account}:${kind}/${path.map((p) => `${p}/`).join('')}${name}`,
}));

const scope = fc.oneof(
  fc.constant({ type: 'cluster' }),
  fc.uniqueArray(namespace, { minLength: 1, maxLength: 4 }).map((namespaces) => ({ type: 'namespace', namespaces })),
);

/** The access of a STANDARD principal: customer policies (each once), groups, username, tags. */
const standardAccess = fc.record({
  accessPolicies: fc.uniqueArray(fc.constantFrom(...CUSTOMER_POLICIES), { maxLength: 4 })
    .chain((policies) => fc.tuple(...policies.map((policy) => scope.map((accessScope) => ({ policy, accessScope }))))),
  kubernetesGroups: fc.uniqueArray(label, { maxLength: 3 }),
  username: fc.option(fc.constantFrom('dev:{{SessionName}}', 'ops', 'team:{{SessionNameRaw}}'), { nil: undefined }),
  tags: fc.dictionary(label, fc.string({ maxLength: 20 }), { maxKeys: 3 }),
}, { requiredKeys: ['accessPolicies'] });

/** The access of a node entry: its type alone (Auto Mode nodes with their one policy). */
const nodeAccess = fc.oneof(
  fc.constantFrom(...NODE_TYPES).map((type) => ({ type })),
  fc.constant({ type: 'EC2', accessPolicies: [{ policy: 'AmazonEKSAutoNodePolicy', accessScope: { type: 'cluster' } }] }),
);

/** A valid access map: distinct principals, node types only for roles. */
export const validMap: fc.Arbitrary<Record<string, PrincipalAccess>> = fc
  .uniqueArray(principalArn, { minLength: 1, maxLength: 12, selector: (p) => p.arn })
  .chain((principals) => fc.tuple(...principals.map((p) =>
    (p.kind === 'role' ? fc.oneof({ weight: 4, arbitrary: standardAccess }, { weight: 1, arbitrary: nodeAccess }) : standardAccess)
      .map((access) => [p.arn, access] as const))))
  .map((entries) => Object.fromEntries(entries) as Record<string, PrincipalAccess>);
