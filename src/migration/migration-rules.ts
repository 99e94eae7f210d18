import { Severity } from '../severity';

/** A kind of migration finding, with the id code-scanning tools and scripts see. */
export interface MigrationRule {
  readonly id: string;
  /** The usual severity; a finding may say otherwise (a lost path is an error only for Identity Center roles). */
  readonly severity: Severity;
  readonly summary: string;
}

/**
 * What `AwsAuthMigration` reports, beside the findings of the validation rules (`EAM...`)
 * on the map it makes. Every mapping of the ConfigMap is either in the map or named by one
 * of these.
 */
export const MIGRATION_RULES = {
  /** The input cannot be read as aws-auth. */
  INPUT: { id: 'MIG001', severity: Severity.ERROR, summary: 'The input is an aws-auth ConfigMap, its data, or a list of mappings, in YAML or JSON, with mapRoles, mapUsers and mapAccounts as strings holding YAML lists.' },
  /** Read as aws-auth although it does not say so. */
  UNLABELLED: { id: 'MIG002', severity: Severity.WARNING, summary: 'The input says it is the ConfigMap aws-auth (kind and metadata.name); without them it is read as aws-auth\'s data.' },
  /** A mapping with a key aws-auth does not have, or a value of the wrong type. */
  SHAPE: { id: 'MIG003', severity: Severity.ERROR, summary: 'A mapping has only rolearn (userarn in mapUsers), username and groups, with a string ARN and username and a list of group names; any other is not migrated.' },
  /** Something access entries cannot express. */
  UNEXPRESSIBLE: { id: 'MIG004', severity: Severity.ERROR, summary: 'The mapping can be expressed as an access entry: not mapAccounts, a service-linked role, or an IAM user mapped as a node.' },
  /** The same principal mapped twice. */
  DUPLICATE: { id: 'MIG005', severity: Severity.ERROR, summary: 'Each principal is mapped once: the first mapping is migrated, a later one is not.' },
  /** A role path aws-auth strips. */
  ROLE_PATH: { id: 'MIG006', severity: Severity.WARNING, summary: 'The path aws-auth strips from a role ARN is restored from the role table (--paths); an IAM Identity Center role, which always has one, is not migrated without it.' },
  /** Groups that cannot be carried over. */
  GROUPS_DROPPED: { id: 'MIG007', severity: Severity.ERROR, summary: 'Every group of the mapping is carried over: other system: groups, and groups of node mappings, cannot be.' },
  /** A node role whose entry EKS may make itself. */
  EKS_MANAGED: { id: 'MIG008', severity: Severity.WARNING, summary: 'A node role of a managed node group or Fargate profile gets its entry from EKS: remove it, or set skipEksManagedPrincipals.' },
  /** A mapping that grants nothing. */
  GRANTS_NOTHING: { id: 'MIG009', severity: Severity.WARNING, summary: 'The mapping grants something: groups, system:masters, a node role, or a username for RBAC to bind.' },
} satisfies Record<string, MigrationRule>;

/** Every migration rule, in the order of its id. */
export const ALL_MIGRATION_RULES: readonly MigrationRule[] = Object.values(MIGRATION_RULES);
