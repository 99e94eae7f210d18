import { RawMapping, readConfigMap, readSection, ReadProblem } from './read-config-map';
import { RolePathTable } from './role-paths';
import { translateMapping } from './translate-mapping';
import { PrincipalAccess } from '../principal-access';
import { Severity } from '../severity';
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
  /** Where in the input: `mapRoles[2]`, `data.mapUsers`, ... */
  readonly location: string;
  /** The line in the input, when known. @default - unknown */
  readonly line?: number;
  /** The principal, when the finding is about one. @default - none */
  readonly principal?: string;
  /** What happened and what to do. */
  readonly message: string;
  /** The validation rule that reported it, for findings of the rule engine. @default - none */
  readonly ruleId?: string;
}

/**
 * An access map made from aws-auth, and everything that could not be carried over.
 */
export interface AwsAuthMigrationResult {
  /** Principal ARN to access, ready for `EksAccessManager`'s `principals`. */
  readonly principals: { [principalArn: string]: PrincipalAccess };
  /** Every mapping that was dropped, changed or needs a look, in input order. */
  readonly findings: MigrationFinding[];
}

/**
 * Turns an aws-auth ConfigMap into an access map for `EksAccessManager`, offline.
 *
 * Follows the translation table of the rules reference: `system:masters` becomes
 * `AmazonEKSClusterAdminPolicy` at cluster scope; node roles become `EC2_LINUX`,
 * `EC2_WINDOWS`, `FARGATE_LINUX` or `HYBRID_LINUX` entries; other groups are kept. Role
 * paths, which aws-auth strips, are restored from a table. Nothing is dropped silently:
 * `mapAccounts`, other `system:` groups, service-linked roles and duplicates come back as
 * findings, and the resulting map is checked by the same rules as the construct.
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
   * -n kube-system -o yaml`), or a bare YAML list of mappings.
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
    const all = (['mapRoles', 'mapUsers', 'mapAccounts'] as const)
      .flatMap((section) => mappings[section] === undefined ? [] : readSection(section, mappings[section]!, undefined, problems));
    return migrate(all, problems, options);
  }

  private constructor() {}
}

function migrate(mappings: RawMapping[], problems: ReadProblem[], options: AwsAuthMigrationOptions): AwsAuthMigrationResult {
  const paths = new RolePathTable(options.roleArns, options.knownRoleArns);
  const findings: MigrationFinding[] = problems.map((p) => ({ severity: Severity.ERROR, location: p.location, line: p.line, message: p.message }));
  const principals: { [principalArn: string]: PrincipalAccess } = {};
  const declaredAt = new Map<string, string>();
  const lineOf = new Map(mappings.map((m) => [`${m.section}[${m.index}]`, m.line]));

  for (const mapping of mappings) {
    const location = `${mapping.section}[${mapping.index}]`;
    const translated = translateMapping(mapping, paths);
    const principal = translated.principalArn;
    for (const note of translated.notes) {
      findings.push({ severity: note.severity, location, line: mapping.line, principal, message: note.message });
    }
    if (principal === undefined || translated.access === undefined) { continue; }
    const earlier = declaredAt.get(principal);
    if (earlier) {
      findings.push({ severity: Severity.ERROR, location, line: mapping.line, principal, message: `is mapped again (first at ${earlier}); the first mapping is kept, this one is not migrated` });
      continue;
    }
    declaredAt.set(principal, location);
    principals[principal] = translated.access;
  }

  // The map must pass the rules the construct applies at synth: report what would fail.
  // (A stripped Identity Center path, EAM004, is already reported above, more precisely.)
  for (const finding of checkAccessMap(principals)) {
    if (finding.ruleId === 'EAM004') { continue; }
    const location = declaredAt.get(finding.principal) ?? 'map';
    findings.push({
      severity: finding.severity,
      location,
      line: lineOf.get(location),
      principal: finding.principal,
      ruleId: finding.ruleId,
      message: `${finding.field ? `${finding.field}: ` : ''}${finding.message}. Fix: ${finding.fix}`,
    });
  }
  return { principals, findings };
}
