import { CfnAccessEntry, CfnAccessEntryProps } from 'aws-cdk-lib/aws-eks';
import { AccessEntryType } from '../access-entry-type';
import { EksAccessPolicy } from '../policy';
import { EntryModel, GrantModel } from './model';
import { parsePolicy, policyArn } from './policy-arn';
import { NODE_ENTRY_TYPES } from './vocabulary';

/**
 * What the template says for one entry. It writes only what the map says: node types get
 * no username, groups or policies (EKS sets them), except the Auto Mode node policy on
 * `EC2` entries, and a namespace scope keeps exactly its namespaces.
 *
 * @param entry the entry's model
 * @param clusterName the cluster's name, as every entry of the manager carries it
 * @param principalArn the principal, as declared (a literal or a token)
 * @param partition the stack's partition, for policy ARNs written as names
 */
export function entryProperties(entry: EntryModel, clusterName: string, principalArn: string, partition: string): CfnAccessEntryProps {
  const isNode = NODE_ENTRY_TYPES.has(entry.type);
  const grants = isNode
    ? entry.accessPolicies.filter((g) => entry.type === AccessEntryType.EC2 && isAutoNodePolicy(g))
    : entry.accessPolicies;
  const groups = isNode ? [] : entry.kubernetesGroups ?? [];
  // One literal, not the rest spread into a second object: this runs once per entry.
  return {
    clusterName,
    principalArn,
    type: entry.type,
    username: isNode ? undefined : entry.username,
    kubernetesGroups: groups.length > 0 ? [...groups] : undefined,
    accessPolicies: grants.length > 0 ? grants.map((g) => accessPolicy(g, partition)) : undefined,
    tags: entry.tags && entry.tags.length > 0 ? entry.tags.map(([key, value]) => ({ key, value })) : undefined,
  };
}

function accessPolicy(grant: GrantModel, partition: string): CfnAccessEntry.AccessPolicyProperty {
  const policy = grant.policy ?? '';
  const parsed = parsePolicy(policy);
  return {
    policyArn: parsed.name !== undefined && !parsed.isArn ? policyArn(parsed.name, partition) : policy,
    accessScope: {
      type: grant.scopeType ?? '',
      namespaces: grant.scopeType === 'cluster' ? undefined : grant.namespaces && [...grant.namespaces],
    },
  };
}

function isAutoNodePolicy(grant: GrantModel): boolean {
  return grant.policy !== undefined && parsePolicy(grant.policy).name === EksAccessPolicy.AUTO_NODE;
}
