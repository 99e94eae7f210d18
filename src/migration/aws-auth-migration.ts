import { MIGRATION_RULES } from './migration-rules';
import { RawMapping, readConfigMap, readSection, ReadProblem, SECTIONS } from './read-config-map';
import { RolePathTable } from './role-paths';
import { translateMapping } from './translate-mapping';
import { PrincipalAccess } from '../principal-access';
import { YamlPosition } from '../private/yaml-source';
import { Severity } from '../severity';
import { DEFAULT_RULES } from '../validation';
import { checkAccessMap } from '../validation/check-map';

/**
 * How to restore what aws-auth loses.
 */
export interface AwsAuthMigrationOptions {
  /**
   * Role name to the role's full ARN, path included. aws-auth needs role paths stripped;
   * access entries need them kept, so each role is looked up here by name (and account).
   *
   * @default - no table
   */
  readonly roleArns?: { [roleName: string]: string };

  /**
   * Full role ARNs you know (for example the output of `aws iam list-roles`); a role of
   * aws-auth takes the one with the same name, account and partition.
   *
   * @default - none
   */
  readonly knownRoleArns?: string[];
}

/**
 * The string values of an aws-auth ConfigMap's `data`.
 */
export interface AwsAuthMappings {
  /** The `mapRoles` string: a YAML list of `rolearn`, `username`, `groups`. @default - none */
  readonly mapRoles?: string;
  /** The `mapUsers` string: a YAML list of `userarn`, `username`, `groups`. @default - none */
  readonly mapUsers?: string;
  /** The `mapAccounts` string: a YAML list of account ids. @default - none */
  readonly mapAccounts?: string;
}

/**
 * Something the migration could not express, or that needs a look.
 */
export interface MigrationFinding {
  /** `error`: not migrated, or migrated with less access; `warning`: migrated, check it. */
  readonly severity: Severity;
  /**
   * The rule: `MIG0nn` for the migration's own findings (listed in the README), or the
   * `EAM` id of the validation rule that the migrated entry fails.
   */
  readonly ruleId: string;
  /** Where in the input: `mapRoles[2]`, `data.mapUsers`, ... */
  readonly location: string;
  /** The line in the input, when known. @default - unknown */
  readonly line?: number;
  /** The column in the input (1-based), when known. @default - unknown */
  readonly column?: number;
  /** The principal, when the finding is about one. @default - none */
  readonly principal?: string;
  /** What happened and what to do. */
  readonly message: string;
  /**
   * True on the finding that kept its mapping out of the map: that mapping is not migrated.
   *
   * @default false
   */
  readonly dropped?: boolean;
}

/**
 * What became of the mappings of the ConfigMap: each one is migrated as written, migrated
 * with findings, or dropped (and named by an error).
 */
export interface MigrationSummary {
  /** The mappings read (of mapRoles, mapUsers and mapAccounts). */
  readonly mappings: number;
  /** Mappings in the map with no finding. */
  readonly migratedAsWritten: number;
  /** Mappings in the map with a finding to read (a warning, or access that could not all be carried over). */
  readonly migratedWithFindings: number;
  /** Mappings not in the map, each named by an error finding. */
  readonly dropped: number;
}

/**
 * An access map made from aws-auth, and everything that could not be carried over.
 */
export interface AwsAuthMigrationResult {
  /** Principal ARN to access, ready for `EksAccessManager`'s `principals`. */
  readonly principals: { [principalArn: string]: PrincipalAccess };
  /** Every mapping that was dropped, changed or needs a look, in input order. */
  readonly findings: MigrationFinding[];
  /** How many mappings were migrated, migrated with findings, and dropped. */
  readonly summary: MigrationSummary;
}

/**
 * Turns an aws-auth ConfigMap into an access map for `EksAccessManager`, offline.
 *
 * Follows the translation table of the rules reference: `system:masters` becomes
 * `AmazonEKSClusterAdminPolicy` at cluster scope; node roles become `EC2_LINUX`,
 * `EC2_WINDOWS`, `FARGATE_LINUX` or `HYBRID_LINUX` entries; other groups are kept. Role
 * paths, which aws-auth strips, are restored from a table. Nothing is dropped silently:
 * every mapping is in the map or named by a finding (`mapAccounts`, other `system:`
 * groups, service-linked roles, duplicates, a key aws-auth does not have, a value of the
 * wrong type). The map is checked by the same rules as the construct, and a mapping whose
 * entry fails one is left out of it, so that the map never fails synth for it.
 *
 * @example
 * const result = AwsAuthMigration.fromConfigMap(awsAuthYaml, {
 *   roleArns: { AWSReservedSSO_Admin_0123: 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123' },
 * });
 * new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: result.principals });
 */
export class AwsAuthMigration {
  /**
   * Migrates a whole aws-auth ConfigMap, as YAML or JSON (`kubectl get configmap aws-auth
   * -n kube-system -o yaml`), its `data` alone (a warning), or a bare YAML list of mappings.
   *
   * @param configMap the ConfigMap text
   * @param options how to restore role paths
   */
  public static fromConfigMap(configMap: string, options: AwsAuthMigrationOptions = {}): AwsAuthMigrationResult {
    const { mappings, problems } = readConfigMap(configMap);
    return migrate(mappings, problems, options);
  }

  /**
   * Migrates the `mapRoles`, `mapUsers` and `mapAccounts` strings of an aws-auth ConfigMap.
   *
   * @param mappings the strings of the ConfigMap's `data`
   * @param options how to restore role paths
   */
  public static fromMappings(mappings: AwsAuthMappings, options: AwsAuthMigrationOptions = {}): AwsAuthMigrationResult {
    const problems: ReadProblem[] = [];
    const all = SECTIONS
      .flatMap((section) => mappings[section] === undefined ? [] : readSection(section, mappings[section]!, undefined, problems));
    return migrate(all, problems, options);
  }

  private constructor() {}
}

function migrate(mappings: RawMapping[], problems: ReadProblem[], options: AwsAuthMigrationOptions): AwsAuthMigrationResult {
  const paths = new RolePathTable(options.roleArns, options.knownRoleArns);
  const findings: MigrationFinding[] = problems.map((p) => ({
    severity: p.severity, ruleId: p.rule.id, location: p.location, ...place(p.position), message: p.message,
  }));
  const principals: { [principalArn: string]: PrincipalAccess } = {};
  /** The mapping each principal of the map came from. */
  const declaredBy = new Map<string, RawMapping>();
  const dropped = new Set<RawMapping>();
  const withFindings = new Set<RawMapping>();

  for (const mapping of mappings) {
    const location = locationOf(mapping);
    const translated = translateMapping(mapping, paths);
    const principal = translated.principalArn;
    for (const note of translated.notes) {
      findings.push({
        severity: note.severity,
        ruleId: note.rule.id,
        location,
        ...place((note.path && mapping.positionOf(note.path)) ?? mapping.position),
        ...(principal === undefined ? {} : { principal }),
        message: note.message,
        ...(note.drops ? { dropped: true } : {}),
      });
      withFindings.add(mapping);
    }
    if (principal === undefined || translated.access === undefined) {
      dropped.add(mapping);
      continue;
    }
    const earlier = declaredBy.get(principal);
    if (earlier) {
      findings.push({
        severity: Severity.ERROR,
        ruleId: MIGRATION_RULES.DUPLICATE.id,
        location,
        ...place(mapping.position),
        principal,
        message: `is mapped again (first at ${locationOf(earlier)}); the first mapping is kept, this one is not migrated`,
        dropped: true,
      });
      dropped.add(mapping);
      continue;
    }
    declaredBy.set(principal, mapping);
    principals[principal] = translated.access;
  }

  // The map must pass the rules the construct applies at synth: an entry that fails a rule
  // of its own is not written (it would fail synth), and every finding is reported.
  for (const finding of checkAccessMap(principals)) {
    const mapping = declaredBy.get(finding.principal);
    const drops = finding.severity === Severity.ERROR && mapping !== undefined && ENTRY_RULES.has(finding.ruleId);
    if (drops) {
      delete principals[finding.principal];
      dropped.add(mapping);
    }
    if (mapping) { withFindings.add(mapping); }
    const key = finding.field.startsWith('kubernetesGroups') ? ['groups'] : finding.field.startsWith('username') ? ['username'] : undefined;
    findings.push({
      severity: finding.severity,
      ruleId: finding.ruleId,
      location: mapping ? locationOf(mapping) : 'map',
      ...place(mapping && ((key && mapping.positionOf(key)) ?? mapping.position)),
      principal: finding.principal,
      message: `${finding.field ? `${finding.field}: ` : ''}${finding.message}. Fix: ${finding.fix}${drops ? '; not migrated' : ''}`,
      ...(drops ? { dropped: true } : {}),
    });
  }
  findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const migratedWithFindings = [...withFindings].filter((m) => !dropped.has(m)).length;
  return {
    principals,
    findings,
    summary: {
      mappings: mappings.length,
      migratedAsWritten: mappings.length - dropped.size - migratedWithFindings,
      migratedWithFindings,
      dropped: dropped.size,
    },
  };
}

/** The rules that judge one entry alone: an entry that fails one is not migrated (a quota is no entry's fault). */
const ENTRY_RULES = new Set(DEFAULT_RULES.filter((r) => r.checkEntry !== undefined).map((r) => r.id));

function locationOf(mapping: RawMapping): string {
  return `${mapping.section}[${mapping.index}]`;
}

function place(position: YamlPosition | undefined): { line?: number; column?: number } {
  return position ? { line: position.line, column: position.column } : {};
}
