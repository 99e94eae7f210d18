import { Annotations, CfnResource, NestedStack, Stack, Stage, Token } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct, IConstruct } from 'constructs';
import { AuthenticationMode } from './authentication-mode';
import { describePrincipal, entryIdFor } from './principal';
import { PrincipalAccess } from './principal-access';
import { appEntriesFor, registerManager } from './private/app-registry';
import { describeValue } from './private/describe-value';
import { entryProperties } from './private/emit';
import { clusterResourceOf, describeInAppCluster, pathWithoutResource } from './private/in-app-cluster';
import { fixLogicalId } from './private/logical-ids';
import { EntryModel, principalKey } from './private/model';
import { FieldReader, normalizeEntry } from './private/normalize';
import { MAX_SHARDS, shardIndex } from './private/shard';
import { writeAppReports } from './report/cluster-report';
import { renderValue } from './report/template-entry';
import { DEFAULT_RULES } from './validation';
import { runRules } from './validation/engine';
import { Finding, formatFinding } from './validation/finding';
import { ClusterModel, InAppCluster, RuleContext, Severity, StackLoad } from './validation/rule';

/** The props this construct knows; any other key is reported. */
const PROPS_KEYS = ['clusterName', 'authenticationMode', 'principals', 'skipEksManagedPrincipals', 'accessReport', 'reportBaseline', 'shards'];

/** CloudFormation's limit on resources in one stack, and CDK's context key that changes it. */
const DEFAULT_RESOURCE_LIMIT = 500;
const RESOURCE_LIMIT_CONTEXT = '@aws-cdk/core:stackResourceLimit';


/**
 * Properties of an `EksAccessManager`.
 */
export interface EksAccessManagerProps {
  /**
   * The name of the EKS cluster the entries belong to (a literal, or a token such as
   * `cluster.clusterName`).
   */
  readonly clusterName: string;

  /**
   * The cluster's authentication mode, when known. Access entries need `API` or
   * `API_AND_CONFIG_MAP`; `CONFIG_MAP` is an error at synth time.
   *
   * @default - not checked
   */
  readonly authenticationMode?: AuthenticationMode;

  /**
   * Who gets access: IAM role or user ARN (a literal, or a token such as `role.roleArn`)
   * to the contents of that principal's access entry.
   *
   * @default - no principals; add them with `grant()`
   */
  readonly principals?: { [principalArn: string]: PrincipalAccess };

  /**
   * Leave out, on purpose, the principals EKS gives an entry itself: the roles of the
   * cluster's managed node groups, Fargate profiles and Auto Mode nodes, when the cluster
   * is defined in this app. Useful for a map shared between clusters or migrated from
   * aws-auth, which lists node roles. An info annotation names each one left out.
   *
   * @default false - declaring such a principal is an error (rule EAM025): EKS would
   * answer the create with 409
   */
  readonly skipEksManagedPrincipals?: boolean;

  /**
   * Write the cluster's access report into the cloud assembly at every synth:
   * `eks-access-report.<cluster>.md` and `.json` next to the templates, with each
   * principal, its entry type, username, groups, and each policy with its scope and what
   * it roughly equals in Kubernetes RBAC. One report per cluster, over every manager of
   * the app that grants on it; `false` on any of them turns it off.
   *
   * @default true
   */
  readonly accessReport?: boolean;

  /**
   * An earlier report to compare with: a report's `.json` file, or the cloud assembly
   * directory (`cdk.out`) of an earlier synth. The report then lists what changed,
   * widening first, and the changes that will fail or cut access during `cdk deploy`.
   *
   * @default - the context value `eks-access-manager:reportBaseline`, if set; otherwise no
   * comparison
   */
  readonly reportBaseline?: string;

  /**
   * Spread the entries over this many nested stacks, to go past CloudFormation's 500
   * resources per stack (EKS allows 3,000 entries per cluster). A principal's shard is a
   * hash of the principal alone: adding or removing principals never moves another one.
   *
   * Changing the number of shards, or turning sharding on for a deployed map, moves
   * entries between stacks, which EKS refuses (409) unless they are removed first: read
   * "Scale: sharding" in the README.
   *
   * @default - no sharding: the entries are in the manager's stack, and a stack that would
   * exceed 500 resources is an error at synth time (rule EAM301)
   */
  readonly shards?: number;
}

/**
 * Access to one EKS cluster, declared as one map of IAM principals to access policies.
 *
 * Creates one `AWS::EKS::AccessEntry` per principal, with all its access policies inside
 * it, and refuses at synth time every configuration that EKS would refuse or that would
 * grant more than was written. All problems are reported together, each naming the
 * principal, the field, the rule id and the fix; nothing is synthesized while any remains.
 *
 * The logical id of an entry derives from its principal alone, so adding, removing or
 * reordering other principals never replaces it.
 *
 * @see https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html
 *
 * @example
 * const access = new EksAccessManager(stack, 'Access', {
 *   clusterName: 'prod',
 *   authenticationMode: AuthenticationMode.API_AND_CONFIG_MAP,
 *   principals: {
 *     'arn:aws:iam::111122223333:role/platform-admins': {
 *       accessPolicies: [{ policy: EksAccessPolicy.CLUSTER_ADMIN, accessScope: { type: AccessScopeType.CLUSTER } }],
 *     },
 *     'arn:aws:iam::111122223333:role/nodes': { type: AccessEntryType.EC2_LINUX },
 *   },
 * });
 * access.grant('arn:aws:iam::111122223333:role/readers', { kubernetesGroups: ['readers'] });
 */
export class EksAccessManager extends Construct {
  /**
   * The context key that gives every manager a report baseline:
   * `cdk synth -c eks-access-manager:reportBaseline=previous.cdk.out`.
   */
  public static readonly REPORT_BASELINE_CONTEXT = 'eks-access-manager:reportBaseline';

  /**
   * The name of the cluster the entries belong to.
   */
  public readonly clusterName: string;

  private readonly cluster: ClusterModel;
  private readonly skipEksManaged: boolean;
  private readonly shards?: number;
  private readonly shardStacks = new Map<number, NestedStack>();
  private readonly models: EntryModel[] = [];
  private readonly resources = new Map<string, CfnAccessEntry>();
  private inAppCluster?: InAppCluster | null;
  private warningsReported = false;

  constructor(scope: Construct, id: string, props: EksAccessManagerProps) {
    super(scope, id);
    this.cluster = readClusterSettings(props, this.node.path);
    // A missing or malformed name is reported by rule EAM101; the resources still need a string.
    this.clusterName = this.cluster.clusterName ?? '';
    const given = (props ?? {}) as unknown as Record<string, unknown>;
    this.skipEksManaged = given.skipEksManagedPrincipals === true;
    this.shards = isShardCount(given.shards) ? given.shards : undefined;

    const principals = given.principals;
    if (typeof principals === 'object' && principals !== null && !Array.isArray(principals)) {
      for (const [principalArn, access] of Object.entries(principals)) {
        this.add(principalArn, access, `${this.node.path} principals`);
      }
    }
    registerManager(this, {
      clusterKey: () => this.clusterKey(),
      entries: () => this.activeModels(),
      resources: () => { this.activeModels(); return this.entries; },
      reportEnabled: given.accessReport !== false,
      reportBaseline: typeof given.reportBaseline === 'string' ? given.reportBaseline : this.node.tryGetContext(EksAccessManager.REPORT_BASELINE_CONTEXT),
      clusterLabel: () => this.clusterLabel(),
      outdir: () => Stage.of(this)!.outdir,
    }, writeAppReports);
    this.node.addValidation({ validate: () => this.validate() });
  }

  /**
   * Gives a principal access, like one more key of `principals`.
   *
   * A principal that already has an entry in this manager is an error at synth time.
   *
   * @param principalArn the IAM role or user ARN (a literal or a token)
   * @param access the contents of its access entry
   * @returns the principal's access entry
   */
  public grant(principalArn: string, access: PrincipalAccess): CfnAccessEntry {
    return this.add(principalArn, access, `${this.node.path} grant()`);
  }

  /**
   * Every access entry this manager created, in the order the principals were declared.
   */
  public get entries(): CfnAccessEntry[] {
    return [...this.resources.values()];
  }

  /**
   * The access entry of a principal, if this manager has one.
   *
   * @param principalArn the principal as written in the map (or the same token)
   */
  public entryFor(principalArn: string): CfnAccessEntry | undefined {
    return this.resources.get(describePrincipal(this, principalArn).identity);
  }

  private add(principalArn: string, access: unknown, source: string): CfnAccessEntry {
    const principal = describePrincipal(this, principalArn);
    const model = normalizeEntry(principal, access, source);
    this.models.push(model);

    // A second declaration of the same principal is reported by rule EAM002; the first
    // entry stays the only resource.
    const existing = this.resources.get(principal.identity);
    if (existing) { return existing; }

    const resource = new CfnAccessEntry(this.scopeFor(principal.identity), entryIdFor(principal), {
      clusterName: this.clusterName,
      principalArn,
      ...entryProperties(model, Stack.of(this).partition),
    });
    fixLogicalId(resource);
    this.resources.set(principal.identity, resource);
    return resource;
  }

  /** Where a principal's entry goes: this construct, or its shard's nested stack. */
  private scopeFor(identity: string): Construct {
    if (this.shards === undefined) { return this; }
    const index = shardIndex(identity, this.shards);
    let shard = this.shardStacks.get(index);
    if (!shard) {
      shard = new NestedStack(this, `Shard${index}`, { description: `EKS access entries, shard ${index} of ${this.shards}` });
      this.shardStacks.set(index, shard);
    }
    return shard;
  }

  /** How full each stack that holds this manager's entries will be. */
  private stackLoads(): StackLoad[] {
    const context = this.node.tryGetContext(RESOURCE_LIMIT_CONTEXT);
    const limit = context === undefined ? DEFAULT_RESOURCE_LIMIT : Number(context);
    const stacks = this.shards === undefined ? [Stack.of(this)] : [...this.shardStacks.values()];
    const own = new Set<IConstruct>(this.resources.values());
    return stacks.map((stack) => {
      const count = { resources: 0, entries: 0 };
      countResources(stack, own, count);
      return { stack: stack.node.path, ...count, limit, sharded: this.shards !== undefined };
    });
  }

  private validate(): string[] {
    const entries = this.activeModels();
    const clusterEntries = appEntriesFor(this, this.clusterKey());
    const findings = runRules(entries, this.ruleContext(), DEFAULT_RULES, clusterEntries);
    this.reportWarnings(findings.filter((f) => f.severity === Severity.WARNING));
    return findings.filter((f) => f.severity === Severity.ERROR).map(formatFinding);
  }

  /**
   * Warnings go on the principal's entry, so that acknowledging an id on the manager (or
   * the stack) covers them: CDK looks for acknowledgements on the ancestors of a warning.
   */
  private reportWarnings(warnings: Finding[]): void {
    if (this.warningsReported) { return; }
    this.warningsReported = true;
    for (const warning of warnings) {
      const entry = warning.identity === undefined ? undefined : this.resources.get(warning.identity);
      Annotations.of(entry ?? this).addWarningV2(`eks-access-manager:${warning.ruleId}`, formatFinding(warning));
    }
  }

  private ruleContext(): RuleContext {
    const stack = Stack.of(this);
    return {
      partition: literalPartition(stack),
      account: Token.isUnresolved(stack.account) ? undefined : stack.account,
      cluster: { ...this.cluster, inApp: this.describeCluster() },
      stacks: this.stackLoads(),
    };
  }

  /** What the app says of the cluster, read once at synth time, when all of it exists. */
  private describeCluster(): InAppCluster | undefined {
    if (this.inAppCluster === undefined) {
      const resource = clusterResourceOf(this.clusterName);
      this.inAppCluster = resource ? describeInAppCluster(resource) : null;
    }
    return this.inAppCluster ?? undefined;
  }

  /** The cluster as a reader knows it, for the report's title and file name. */
  private clusterLabel(): string {
    const cluster = clusterResourceOf(this.clusterName);
    if (cluster) { return pathWithoutResource(cluster); }
    if (Token.isUnresolved(this.clusterName)) { return renderValue(Stack.of(this).resolve(this.clusterName)); }
    const { account, region } = Stack.of(this);
    return Token.isUnresolved(account) || Token.isUnresolved(region) ? this.clusterName : `${this.clusterName}@${account}-${region}`;
  }

  /** Equal for managers whose entries go to the same cluster. */
  private clusterKey(): string {
    const cluster = clusterResourceOf(this.clusterName);
    if (cluster) { return `cluster:${cluster.node.path}`; }
    if (Token.isUnresolved(this.clusterName)) { return describePrincipal(this, this.clusterName).identity; }
    const { account, region } = Stack.of(this);
    const known = (value: string) => Token.isUnresolved(value) ? '?' : value;
    return `name:${known(account)}:${known(region)}:${this.clusterName}`;
  }

  /**
   * The entries this manager synthesizes: all of them, less those EKS makes itself when
   * `skipEksManagedPrincipals` is on (their resources are removed from the tree).
   */
  private activeModels(): readonly EntryModel[] {
    const eksManaged = this.skipEksManaged ? this.describeCluster()?.eksManaged ?? [] : [];
    if (eksManaged.length === 0) { return this.models; }
    const reasons = new Map(eksManaged.map((m) => [m.key, m.reason]));
    return this.models.filter((model) => {
      const reason = reasons.get(principalKey(model.principal));
      if (reason === undefined) { return true; }
      this.leaveOut(model, reason);
      return false;
    });
  }

  private leaveOut(model: EntryModel, reason: string): void {
    const resource = this.resources.get(model.principal.identity);
    if (!resource) { return; }
    this.node.tryRemoveChild(resource.node.id);
    this.resources.delete(model.principal.identity);
    Annotations.of(this).addInfo(`${model.principal.display} left out (skipEksManagedPrincipals): EKS creates its entry itself, as ${reason}`);
  }
}

/**
 * Counts the resources of a stack's own template, and how many of them are in `own`:
 * nested stacks have templates of their own, so the walk does not enter them.
 */
function countResources(scope: IConstruct, own: ReadonlySet<IConstruct>, count: { resources: number; entries: number }): void {
  for (const child of scope.node.children) {
    if (Stack.isStack(child)) { continue; }
    if (CfnResource.isCfnResource(child)) {
      count.resources++;
      if (own.has(child)) { count.entries++; }
    }
    countResources(child, own, count);
  }
}

function isShardCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SHARDS;
}

/** The stack's partition when it is known at synth time (from its region). */
function literalPartition(stack: Stack): string | undefined {
  if (!Token.isUnresolved(stack.partition)) { return stack.partition; }
  return Token.isUnresolved(stack.region) ? undefined : RegionInfo.get(stack.region).partition;
}

/** The manager's own settings as plain data; wrong shapes are kept for the rules. */
function readClusterSettings(props: unknown, source: string): ClusterModel {
  const reader = new FieldReader();
  const obj = reader.object(props, '(props)');
  reader.unknownKeys(obj, PROPS_KEYS, '');
  reader.required(obj, 'clusterName', '');
  const clusterName = reader.string(obj, 'clusterName', 'clusterName');
  if (clusterName === '') {
    reader.malformed.push({ field: 'clusterName', expected: 'a non-empty string', got: 'the empty string' });
  }
  reader.object(obj?.principals, 'principals', true);
  for (const flag of ['skipEksManagedPrincipals', 'accessReport']) {
    if (obj?.[flag] !== undefined && typeof obj[flag] !== 'boolean') {
      reader.malformed.push({ field: flag, expected: 'true or false', got: describeValue(obj[flag]) });
    }
  }
  reader.string(obj, 'reportBaseline', 'reportBaseline');
  if (obj?.shards !== undefined && !isShardCount(obj.shards)) {
    reader.malformed.push({ field: 'shards', expected: `a whole number from 1 to ${MAX_SHARDS}`, got: describeValue(obj.shards) });
  }
  return {
    clusterName,
    authenticationMode: reader.string(obj, 'authenticationMode', 'authenticationMode'),
    unknownFields: reader.unknown,
    malformedFields: reader.malformed,
    source,
  };
}
