import { Annotations, AspectPriority, Aspects, IAspect, RemovalPolicy, Stack, Stage, Token } from 'aws-cdk-lib';
import { CfnAccessEntry, IClusterRef } from 'aws-cdk-lib/aws-eks';
import { IRole, IUser } from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { AuthenticationMode } from './authentication-mode';
import { ClusterFacts, partitionOf } from './facts/cluster-facts';
import { appFactsOf, cachedAppFactsOf, forgetAppFacts } from './facts/construct-facts';
import { describePrincipal } from './principal';
import { PrincipalAccess } from './principal-access';
import { Acknowledgement, AcknowledgementRecord, applyAcknowledgements } from './private/acknowledgements';
import { appEntriesFor, appGroupsFor, appManagersFor, registerManager } from './private/app-registry';
import { timed } from './private/cpu-time';
import { ManagerEntries } from './private/manager-entries';
import { ManagerSettings, readManagerSettings } from './private/manager-settings';
import { stackLoads } from './private/stack-loads';
import { kubectlAccessEntries } from './rbac/kubectl-access';
import { KubectlSupport, kubectlSupportOf } from './rbac/kubectl-target';
import { KubernetesGroupAccess } from './rbac/kubernetes-group';
import { ManagerGroups } from './rbac/manager-groups';
import { groupsBoundByManifests, rbacFactsFor } from './rbac/rbac-facts';
import { writeAppReports } from './report/cluster-report';
import { ShardLayout } from './shard-layout';
import { DEFAULT_RULES } from './validation';
import { runRules } from './validation/engine';
import { Finding, formatFinding } from './validation/finding';
import { RbacFacts, RuleContext, Severity } from './validation/rule';

/** The ids of the rules, for `acknowledge()`. */
const RULE_IDS: ReadonlySet<string> = new Set(DEFAULT_RULES.map((r) => r.id));

/** The range of those ids, for messages: the first and the last. */
const RULE_ID_RANGE = ((ids: string[]) => `${ids[0]} to ${ids[ids.length - 1]}`)([...RULE_IDS].sort());

/**
 * Properties of an `EksAccessManager`.
 */
export interface EksAccessManagerProps {
  /**
   * The cluster the entries belong to: a cluster of this app (aws-eks-v2 or aws-eks
   * `Cluster`, or a `CfnCluster`), or one imported with `Cluster.fromClusterAttributes`.
   * A cluster of the app tells the rules its authentication mode, its creator and the
   * roles EKS gives an entry itself.
   *
   * Give exactly one of `cluster` and `clusterName`.
   *
   * @default - the cluster named by `clusterName`
   */
  readonly cluster?: IClusterRef;

  /**
   * The name of a cluster outside this app (a literal, or a token). For a cluster of the
   * app, give `cluster` instead.
   *
   * Give exactly one of `cluster` and `clusterName`.
   *
   * @default - the name of `cluster`
   */
  readonly clusterName?: string;

  /**
   * The cluster's authentication mode, when known. Access entries need `API` or
   * `API_AND_CONFIG_MAP`; `CONFIG_MAP` is an error at synth time.
   *
   * @default - read from the cluster when it is defined in this app; otherwise not checked
   */
  readonly authenticationMode?: AuthenticationMode;

  /**
   * Who gets access: IAM role or user ARN (a literal, or a token such as `role.roleArn`)
   * to the contents of that principal's access entry. This is the shape of access map
   * files; in code, `addRole()` and `addUser()` take the IAM constructs themselves.
   *
   * @default - no principals; add them with `addRole()`, `addUser()` or `addPrincipal()`
   */
  readonly principals?: { [principalArn: string]: PrincipalAccess };

  /**
   * Kubernetes groups to bind on the cluster, by group name: what the principals whose
   * entry lists the group in `kubernetesGroups` may do. Each group becomes RBAC objects,
   * applied by the cluster's kubectl provider: the ClusterRole it names (`clusterRole`),
   * or one the library creates with exactly its `rules`, bound by a ClusterRoleBinding or
   * by a RoleBinding in each of its `namespaces`. This is the shape of map files too.
   *
   * Needs `cluster`, with a kubectl provider: an aws-eks-v2 `Cluster` with
   * `kubectlProviderOptions`, an aws-eks `Cluster`, or one imported with a kubectl
   * provider (rule EAM102). Each object is its own manifest, named from its group (and
   * its role and namespace) alone: adding or removing a group never renames another's.
   * The manifests follow `removalPolicy`, as the entries do.
   *
   * Ordering: every manifest waits for the access entry of the kubectl provider's role,
   * when a manager of this app declares it (kubectl is refused without it, and deleting it
   * first would strand the bindings). A binding and the entries that carry its group do
   * not wait for each other: no order is safe for every change (a group that widens while
   * a principal leaves it wants the entry first; one that narrows while a principal joins
   * it wants the binding first), so make such a change in two deploys.
   *
   * @default - no bindings: the entries' groups get their access from RBAC written elsewhere
   */
  readonly groups?: { [groupName: string]: KubernetesGroupAccess };

  /**
   * Leave out, on purpose, the principals EKS gives an entry itself: the roles of the
   * cluster's managed node groups, Fargate profiles and Auto Mode nodes, when the cluster
   * is defined in this app. Useful for a map shared between clusters or migrated from
   * aws-auth, which lists node roles. An info annotation names each one left out.
   *
   * The decision is made when the app is complete, before any entry is created: an entry
   * left out never exists, so nothing can refer to it. An entry handed out earlier by
   * `entryFor()`, `entries` or `grant()` is kept, and is then an error (rule EAM025).
   *
   * @default false - declaring such a principal is an error (rule EAM025): EKS would
   * answer the create with 409
   */
  readonly skipEksManagedPrincipals?: boolean;

  /**
   * Write the cluster's access report into the cloud assembly at every synth:
   * `eks-access-report.<cluster>.md` and `.json` next to the templates, with each
   * principal, its entry type, username, groups, and each policy with its scope and what
   * it roughly equals in Kubernetes RBAC, and every acknowledged finding with its reason.
   * One report per cluster, over every manager of the app that grants on it; `false` on
   * any of them turns it off.
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
   * Spread the entries over this many stacks (see `shardLayout`), to go past
   * CloudFormation's 500 resources per stack (EKS allows 3,000 entries per cluster). A
   * principal's shard is a hash of the principal alone: adding or removing principals
   * never moves another one.
   *
   * Changing the number of shards or their layout, or turning sharding on for a deployed
   * map, moves entries between stacks, which EKS refuses (409) unless they are removed
   * first: read "Scale: sharding" in the README.
   *
   * @default - no sharding: the entries are in the manager's stack, and a stack that would
   * exceed 500 resources is an error at synth time (rule EAM301)
   */
  readonly shards?: number;

  /**
   * Where the shards go: nested stacks of the manager's stack (one CloudFormation
   * operation, at most 2,500 resource changes in all: rule EAM302), or stacks of their
   * own in the manager's Stage, each deployed as its own operation after the manager's
   * stack (`cdk deploy --all`), for up to the 3,000 entries EKS allows.
   *
   * @default ShardLayout.NESTED_STACKS
   */
  readonly shardLayout?: ShardLayout;

  /**
   * What CloudFormation does with an entry when it leaves its stack (a principal removed,
   * a shard moved, the stack deleted). `RemovalPolicy.RETAIN` keeps the access entry in
   * EKS; it is also what `cdk import` asks of a resource it adopts (see "Scale: sharding"
   * in the README).
   *
   * @default RemovalPolicy.DESTROY - the entry is deleted with its resource
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Access to one EKS cluster, declared as one map of IAM principals to access policies.
 *
 * Creates one `AWS::EKS::AccessEntry` per principal, with all its access policies inside
 * it, and refuses at synth time every configuration that EKS would refuse or that would
 * grant more than was written. All problems are reported together, each naming the
 * principal, the field, the rule id and the fix; nothing is synthesized while any remains.
 *
 * The entries are created when the app is complete (or when one is asked for with
 * `entryFor()`). The logical id of an entry derives from its principal alone, so adding,
 * removing or reordering other principals never replaces it.
 *
 * @see https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html
 *
 * @example
 * declare const cluster: eks.Cluster;
 * declare const ciRole: iam.IRole;
 *
 * const access = new EksAccessManager(stack, 'Access', {
 *   cluster,
 *   principals: {
 *     'arn:aws:iam::111122223333:role/platform-admins': {
 *       accessPolicies: [{ policy: EksAccessPolicy.CLUSTER_ADMIN, accessScope: { type: AccessScopeType.CLUSTER } }],
 *     },
 *     'arn:aws:iam::111122223333:role/nodes': { type: AccessEntryType.EC2_LINUX },
 *   },
 * });
 * access.addRole(ciRole, {
 *   accessPolicies: [{ policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['apps'] } }],
 * });
 */
export class EksAccessManager extends Construct {
  /**
   * The context key that gives every manager a report baseline:
   * `cdk synth -c eks-access-manager:reportBaseline=previous.cdk.out`.
   */
  public static readonly REPORT_BASELINE_CONTEXT = 'eks-access-manager:reportBaseline';

  /**
   * The name of the cluster the entries belong to (a token for a cluster of the app).
   */
  public readonly clusterName: string;

  private readonly settings: ManagerSettings;
  private readonly entrySet: ManagerEntries;
  private readonly kubectl: KubectlSupport;
  private readonly groupSet: ManagerGroups;
  private readonly acknowledgements: Acknowledgement[] = [];
  private acknowledgementRecords: AcknowledgementRecord[] = [];
  private warningsReported = false;
  private grantDeprecationShown = false;

  constructor(scope: Construct, id: string, props: EksAccessManagerProps) {
    super(scope, id);
    const given = (props ?? {}) as unknown as Record<string, unknown>;
    this.settings = readManagerSettings(props, clusterNameOf(given.cluster), this.node.path);
    this.clusterName = this.settings.clusterName;
    this.entrySet = new ManagerEntries(this, this.clusterName, this.settings.shards, this.settings.shardLayout, this.settings.removalPolicy);
    this.groupSet = new ManagerGroups(this, this.settings.removalPolicy);
    this.kubectl = kubectlSupportOf(given.cluster);
    for (const group of Object.keys(this.settings.groups ?? {})) {
      this.groupSet.declare(group, this.settings.groups![group], `${this.node.path} groups`);
    }

    const principals = this.settings.principals;
    if (principals) {
      timed('normalize', () => {
        // One text for every principal: a construct path is worked out anew at each read.
        const source = `${this.node.path} principals`;
        for (const principalArn of Object.keys(principals)) {
          this.entrySet.declare(principalArn, principals[principalArn], source);
        }
      });
    }
    registerManager(this, {
      clusterKey: () => this.clusterFacts().key,
      entries: () => this.entrySet.activeModels(),
      resources: () => this.entrySet.created(),
      reportEnabled: this.settings.accessReport,
      reportBaseline: this.settings.reportBaseline ?? this.node.tryGetContext(EksAccessManager.REPORT_BASELINE_CONTEXT),
      clusterLabel: () => this.clusterFacts().label,
      outdir: () => Stage.of(this)!.outdir,
      acknowledgements: () => this.acknowledgementRecords,
      groups: () => this.groupSet.models,
      manifests: () => this.groupSet.created(),
      complete: () => this.createEntries(),
    }, writeAppReports);
    // On a leaf of its own, not on the manager: an aspect of the manager is inherited by
    // every entry, and CDK invokes it on each of them in every pass over the tree, working
    // out each one's path (15 ms at 3,000 entries). The leaf holds nothing.
    const whenComplete = new Construct(this, CREATE_ENTRIES_ID);
    Aspects.of(whenComplete).add(new CreateEntries(whenComplete, () => {
      // A new synth: the app may have changed since the facts were last read.
      forgetAppFacts(this);
      this.createEntries();
    }), { priority: AspectPriority.MUTATING });
    this.node.addValidation({ validate: () => this.validate() });
  }

  /**
   * Gives an IAM role of this app (or an imported one) access, like one more key of
   * `principals`.
   *
   * @param role the role; `Role.fromRoleArn` keeps the ARN as written, path included
   * @param access the contents of its access entry
   */
  public addRole(role: IRole, access: PrincipalAccess): void {
    this.entrySet.declare(role.roleArn, access, `${this.node.path} addRole(${role.node.path})`);
  }

  /**
   * Gives an IAM user of this app (or an imported one) access, like one more key of
   * `principals`.
   *
   * @param user the user
   * @param access the contents of its access entry
   */
  public addUser(user: IUser, access: PrincipalAccess): void {
    this.entrySet.declare(user.userArn, access, `${this.node.path} addUser(${user.node.path})`);
  }

  /**
   * Gives a principal, named by its ARN, access: like one more key of `principals`.
   *
   * A principal that already has an entry in this manager is an error at synth time.
   *
   * @param principalArn the IAM role or user ARN (a literal or a token)
   * @param access the contents of its access entry
   */
  public addPrincipal(principalArn: string, access: PrincipalAccess): void {
    this.entrySet.declare(principalArn, access, `${this.node.path} addPrincipal()`);
  }

  /**
   * Binds a Kubernetes group on the cluster: like one more key of `groups`.
   *
   * A group this manager already binds is an error at synth time (rule EAM103).
   *
   * @param groupName the group, as the entries list it in `kubernetesGroups`
   * @param access what its members may do
   */
  public addGroup(groupName: string, access: KubernetesGroupAccess): void {
    this.groupSet.declare(groupName, access, `${this.node.path} addGroup()`);
  }

  /**
   * Gives a principal access, like one more key of `principals`.
   *
   * @deprecated use `addPrincipal()` (or `addRole()`, `addUser()`), and `entryFor()` for
   * the entry. `grant` reads like CDK's `grant*(grantee): Grant` methods, which this is
   * not; it will be removed before 1.0.
   *
   * @param principalArn the IAM role or user ARN (a literal or a token)
   * @param access the contents of its access entry
   * @returns the principal's access entry
   */
  public grant(principalArn: string, access: PrincipalAccess): CfnAccessEntry {
    if (!this.grantDeprecationShown) {
      this.grantDeprecationShown = true;
      Annotations.of(this).addWarningV2('eks-access-manager:deprecated-grant',
        '`grant()` is deprecated and will be removed before 1.0: use `addPrincipal()`, `addRole()` or `addUser()`, and `entryFor()` for the entry');
    }
    this.entrySet.declare(principalArn, access, `${this.node.path} grant()`);
    return this.entrySet.pin(principalArn)!;
  }

  /**
   * Accepts a finding on purpose: an error or warning of rule `ruleId`, for one principal
   * or for every principal of this manager, no longer fails or warns. Every
   * acknowledgement, with its reason and what it silenced, is listed in the access report,
   * so that a reviewer sees it.
   *
   * @param ruleId the rule (`EAM202`)
   * @param reason why it is acceptable, for the reviewer
   * @param principalArn the principal it applies to, as written in the map (the ARN or the
   * same token)
   * @default principalArn - every principal of this manager
   */
  public acknowledge(ruleId: string, reason: string, principalArn?: string): void {
    if (!RULE_IDS.has(ruleId)) {
      throw new Error(`${this.node.path}: acknowledge(): \`ruleId\` must be a rule id of this library (${RULE_ID_RANGE}), got ${JSON.stringify(ruleId)}`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(`${this.node.path}: acknowledge(${ruleId}): \`reason\` must say why the finding is acceptable; it is shown in the access report`);
    }
    const principal = principalArn === undefined ? undefined : describePrincipal(this, principalArn);
    this.acknowledgements.push({ ruleId, reason, principal: principal?.display, identity: principal?.identity, manager: this.node.path });
  }

  /**
   * Every access entry of this manager, in the order the principals were declared.
   *
   * Reading it creates the entries that do not exist yet; with `skipEksManagedPrincipals`,
   * read it once the app is complete (after synth), or the entries it hands out can no
   * longer be left out.
   */
  public get entries(): CfnAccessEntry[] {
    return this.entrySet.pinAll();
  }

  /**
   * The access entry of a principal, if this manager has one.
   *
   * Creates the entry if it does not exist yet; an entry handed out is never removed.
   *
   * @param principalArn the principal as written in the map (or the same token)
   */
  public entryFor(principalArn: string): CfnAccessEntry | undefined {
    return this.entrySet.pin(principalArn);
  }

  /**
   * Creates the entries, once the app is complete: what `skipEksManagedPrincipals` leaves
   * out is decided here, before anything is created, so no entry ever disappears.
   */
  private createEntries(): void {
    if (this.entrySet.isComplete) { return; }
    // Read now, not from the cache: the facts of the validation come after every entry exists.
    const eksManaged = this.settings.skipEksManagedPrincipals
      ? appFactsOf(this.node.root).cluster(this, this.clusterName).inApp?.eksManaged ?? []
      : [];
    const leftOut = this.entrySet.createAll(new Map(eksManaged.map((m) => [m.key, m.reason])));
    for (const { principal, reason } of leftOut) {
      Annotations.of(this).addInfo(`${principal.display} left out (skipEksManagedPrincipals): EKS creates its entry itself, as ${reason}`);
    }
    this.groupSet.createAll(this.kubectl, () => {
      const managers = appManagersFor(this, this.clusterFacts().key);
      // The kubectl role's entry may be another manager's: each one makes its entries now.
      managers.forEach((m) => m.complete());
      // The facts read for the key were read before those entries and manifests existed.
      forgetAppFacts(this);
      return kubectlAccessEntries(this, this.kubectl.target?.kubectlRoleArn, managers.flatMap((m) => m.resources()));
    });
  }

  /** props -> model (declared) -> facts -> rules -> findings; emit and report run around it. */
  private validate(): string[] {
    this.createEntries();
    const found = timed('rules', () => {
      const key = this.clusterFacts().key;
      // Every access entry of the app on the cluster, whoever made it: the managers' own,
      // then the others' (aws-cdk-lib's AccessEntry and mastersRole entry, a raw
      // CfnAccessEntry, another copy of this library), for the checks across entries.
      const managed = new Set<IConstruct>(appManagersFor(this, key).flatMap((m) => m.resources()));
      const others = cachedAppFactsOf(this).entriesOn(key, managed);
      const clusterEntries = [...others, ...appEntriesFor(this, key)];
      return runRules(this.entrySet.activeModels(), this.ruleContext(), DEFAULT_RULES, clusterEntries);
    });
    const { kept, records } = applyAcknowledgements(found, this.acknowledgements);
    this.acknowledgementRecords = records;
    this.reportWarnings(kept.filter((f) => f.severity === Severity.WARNING));
    return kept.filter((f) => f.severity === Severity.ERROR).map(formatFinding);
  }

  /**
   * Warnings go on the principal's entry, so that acknowledging an id on the manager (or
   * the stack) covers them: CDK looks for acknowledgements on the ancestors of a warning.
   */
  private reportWarnings(warnings: Finding[]): void {
    if (this.warningsReported) { return; }
    this.warningsReported = true;
    for (const warning of warnings) {
      const entry = warning.identity === undefined ? undefined : this.entrySet.createdFor(warning.identity);
      Annotations.of(entry ?? this).addWarningV2(`eks-access-manager:${warning.ruleId}`, formatFinding(warning));
    }
  }

  private ruleContext(): RuleContext {
    const stack = Stack.of(this);
    return {
      partition: literalPartition(stack),
      account: Token.isUnresolved(stack.account) ? undefined : stack.account,
      cluster: { ...this.settings.cluster, inApp: this.clusterFacts().inApp, skipEksManagedPrincipals: this.settings.skipEksManagedPrincipals },
      ...stackLoads(this, this.entrySet.stacks(), new Set<IConstruct>(this.entrySet.created()), this.settings.shards !== undefined),
      rbac: this.rbacFacts(),
    };
  }

  /** What the rules know of the cluster's group bindings (see `groups`). */
  private rbacFacts(): RbacFacts {
    const key = this.clusterFacts().key;
    return rbacFactsFor(this.groupSet.models, appGroupsFor(this, key), this.kubectl, this.entrySet.activeModels(), () =>
      groupsBoundByManifests(this.node.root, (manifest, name) => typeof name === 'string' && cachedAppFactsOf(this).cluster(manifest, name).key === key));
  }

  /** What the app says of the cluster (key, label, in-app facts), read at synth time. */
  private clusterFacts(): ClusterFacts {
    return cachedAppFactsOf(this).cluster(this, this.clusterName);
  }
}

/**
 * The id of the manager's child that carries `CreateEntries`. An entry's id always ends in
 * `-<hash>` (see `entryIdFor`), so no principal can take it.
 */
const CREATE_ENTRIES_ID = 'CreateEntries';

/**
 * Creates a manager's entries when CDK invokes aspects: the app is complete, and CDK has
 * not yet prepared it (cross-stack references of the entries still get their exports).
 */
class CreateEntries implements IAspect {
  constructor(private readonly hook: IConstruct, private readonly create: () => void) {}

  public visit(node: IConstruct): void {
    if (node === this.hook) { this.create(); }
  }
}

/** The name of the `cluster` prop, when it looks like a cluster reference. */
function clusterNameOf(cluster: unknown): string | undefined {
  const ref = (cluster as IClusterRef | undefined)?.clusterRef;
  return typeof ref?.clusterName === 'string' ? ref.clusterName : undefined;
}

/** The stack's partition when it is known at synth time (from its region). */
function literalPartition(stack: Stack): string | undefined {
  if (!Token.isUnresolved(stack.partition)) { return stack.partition; }
  return partitionOf(Token.isUnresolved(stack.region) ? undefined : stack.region);
}
