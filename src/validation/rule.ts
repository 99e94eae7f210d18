import { EntryModel, FieldPath, MalformedField, UnknownField } from '../private/model';
import { GroupModel } from '../rbac/group-model';
import { Severity } from '../severity';

export { Severity };

/** What one rule says about one field. */
export interface Violation {
  /** The field, as a path into the principal's access (`accessPolicies[0].policy`). */
  readonly field: FieldPath;
  /** What is wrong, with the value that was found. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** A violation found while looking at several entries; `entry` is the one it names. */
export interface CollectionViolation extends Violation {
  /** The entry the finding is about; undefined when it is about the cluster settings. */
  readonly entry?: EntryModel;
  /** The Kubernetes group the finding is about, for a finding on `groups` (no `entry` then). */
  readonly group?: string;
}

/** A principal EKS gives an access entry itself; declaring it again fails with 409. */
export interface EksManagedPrincipal {
  /** The principal's key (see `principalKey`). */
  readonly key: string;
  /** Why EKS makes its entry (`the node role of managed node group App/Stack/Nodes`). */
  readonly reason: string;
}

/** What the app says of a cluster it defines itself. */
export interface InAppCluster {
  /** The construct path of the cluster resource. */
  readonly path: string;
  /** The cluster's authentication mode (CloudFormation's default is `CONFIG_MAP`). */
  readonly authenticationMode?: string;
  /** Whether EKS gives the cluster's creator an admin entry (the default). */
  readonly bootstrapCreatorAdmin: boolean;
  /** The principal that creates the cluster, when the app defines it (aws-eks clusters). */
  readonly creator?: EksManagedPrincipal;
  /** Principals EKS makes entries for itself. */
  readonly eksManaged: readonly EksManagedPrincipal[];
}

/** What is known about the cluster the entries are for, as plain data. */
export interface ClusterModel {
  /** The cluster name, when it is a literal. */
  readonly clusterName?: string;
  /** The authentication mode as given, when known. */
  readonly authenticationMode?: string;
  /** Settings that are not part of the schema. */
  readonly unknownFields: readonly UnknownField[];
  /** Settings whose value has the wrong shape. */
  readonly malformedFields: readonly MalformedField[];
  /** Where the settings were declared. */
  readonly source: string;
  /** The cluster, when this app defines it (an `aws-eks-v2` cluster or a `CfnCluster`). */
  readonly inApp?: InAppCluster;
  /**
   * True when the manager leaves out the principals EKS makes entries for: one still
   * declared was handed out before the app was complete.
   */
  readonly skipEksManagedPrincipals?: boolean;
}

/** How full a CloudFormation stack that holds entries will be. */
export interface StackLoad {
  /** The stack's construct path. */
  readonly stack: string;
  /** All resources the stack will hold. */
  readonly resources: number;
  /** How many of them are this manager's access entries. */
  readonly entries: number;
  /** The most resources a stack may hold (CloudFormation: 500; 0 when the check is off). */
  readonly limit: number;
  /** Whether the manager already shards its entries into nested stacks. */
  readonly sharded: boolean;
}

/** What one CloudFormation operation of a root stack and its nested stacks would change. */
export interface OperationLoad {
  /** The root stack's construct path. */
  readonly stack: string;
  /** The resources of the root and of all its nested stacks. */
  readonly resources: number;
  /** How many nested stacks it has. */
  readonly nestedStacks: number;
  /** The most resources one operation may change (CloudFormation: 2,500). */
  readonly limit: number;
}

/** Plain facts about where the entries go; nothing in it is a construct. */
export interface RuleContext {
  /** The stack's partition, when it is a literal. */
  readonly partition?: string;
  /** The stack's account, when it is a literal. */
  readonly account?: string;
  readonly cluster: ClusterModel;
  /** The stacks the entries go to, when known (in a CDK app). */
  readonly stacks?: readonly StackLoad[];
  /** The deploy operations of the root stacks with nested stacks that hold entries, when known. */
  readonly operations?: readonly OperationLoad[];
  /** The Kubernetes groups bound on the cluster, when the input has `groups` or is an app. */
  readonly rbac?: RbacFacts;
}

/** What is known of the RBAC bindings of the cluster's Kubernetes groups. */
export interface RbacFacts {
  /** The groups being checked (a manager's, or a file's), every declaration in order. */
  readonly groups: readonly GroupModel[];
  /** Every group binding of the cluster this app declares, across managers (`groups` included). */
  readonly clusterGroups: readonly GroupModel[];
  /** Every group some RBAC binding of the app names on the cluster: the managers', and other manifests'. */
  readonly boundGroups: ReadonlySet<string>;
  /** Why the manager cannot create the bindings on its cluster, when it cannot. */
  readonly kubectlProblem?: { readonly message: string; readonly fix: string };
}

/**
 * One validation rule. Rules are pure: the same input gives the same findings. A rule
 * looks at one entry at a time (`checkEntry`), or at all entries together (`checkAll`:
 * duplicates, quotas, cluster settings), or both.
 */
export interface Rule {
  /**
   * `EAM` and three digits: `EAM0nn` checks rule Rnn of what EKS and CloudFormation
   * enforce, `EAM1nn` the shape of the input, `EAM2nn` are warnings, `EAM3nn`
   * CloudFormation limits. Every rule is listed in docs/rules.md.
   */
  readonly id: string;
  readonly severity: Severity;
  /** One line for the rule table in docs/rules.md and the validation plugin's report. */
  readonly summary: string;
  /**
   * Where the rule comes from, in a few words: the EKS rule it implements (`R2`) and the
   * documents or issues that establish it, or this library's own input schema. Shown in
   * docs/rules.md.
   */
  readonly source: string;
  readonly checkEntry?: (entry: EntryModel, context: RuleContext) => readonly Violation[];
  readonly checkAll?: (entries: readonly EntryModel[], context: RuleContext) => readonly CollectionViolation[];
}

/**
 * What a rule returns when it finds nothing: one shared, frozen list, since most rules find
 * nothing in most entries and each check runs for every entry at each synth.
 */
export const NO_VIOLATIONS: readonly never[] = Object.freeze([]);
