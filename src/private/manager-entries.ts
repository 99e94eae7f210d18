import { Names, NestedStack, RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import { CfnAccessEntry } from 'aws-cdk-lib/aws-eks';
import { Construct } from 'constructs';
import { withPolicyNames } from './cdk-policy';
import { entryProperties } from './emit';
import { fixLogicalId } from './logical-ids';
import { EntryModel, PrincipalModel, principalKey } from './model';
import { normalizeEntry } from './normalize';
import { shardIndex } from './shard';
import { literalString } from './tokens';
import { describePrincipal, entryIdFor } from '../principal';
import { ShardLayout } from '../shard-layout';

/** One principal of a manager: its first declaration, and its entry once made. */
interface EntrySlot {
  readonly principalArn: string;
  readonly principal: PrincipalModel;
  readonly model: EntryModel;
  resource?: CfnAccessEntry;
  /** Why the entry was left out (`skipEksManagedPrincipals`), when it was. */
  leftOut?: string;
}

/**
 * The entries of one manager, from declaration to resource (the "emit" step): each
 * principal is normalized when declared, and its `CfnAccessEntry` is made once, when the
 * app is complete (`createAll`) or when the user asks for it (`pin`). An entry left out
 * is never made, and a made one is never removed.
 */
export class ManagerEntries {
  /** Every declaration, in order, duplicates included (rule EAM002 reports them). */
  public readonly models: EntryModel[] = [];
  private readonly slots = new Map<string, EntrySlot>();
  private readonly shardStacks = new Map<number, Stack>();
  private complete = false;
  /** The partition of the manager's stack: each entry's policy ARNs are in it. */
  private readonly partition: string;

  /**
   * @param owner the manager: entries are its children (or its shards')
   * @param clusterName the name each entry carries
   * @param shards the number of stacks to spread them over, if any
   * @param layout where those stacks go
   * @param removalPolicy the removal policy of every entry, when set
   */
  constructor(
    private readonly owner: Construct,
    private readonly clusterName: string,
    private readonly shards?: number,
    private readonly layout: ShardLayout = ShardLayout.NESTED_STACKS,
    private readonly removalPolicy?: RemovalPolicy,
  ) {
    this.partition = Stack.of(owner).partition;
  }

  /**
   * Declares a principal's access. A second declaration of the same principal is kept
   * for the rules (EAM002); the first one stays the only entry.
   */
  public declare(principalArn: string, access: unknown, source: string): void {
    const principal = describePrincipal(this.owner, principalArn);
    this.models.push(normalizeEntry(principal, withPolicyNames(access), source));
    if (!this.slots.has(principal.identity)) {
      const slot: EntrySlot = { principalArn, principal, model: this.models[this.models.length - 1] };
      this.slots.set(principal.identity, slot);
      if (this.complete) { this.create(slot); }
    }
  }

  /**
   * The entry of a principal, made now if needed: from now on it is never left out.
   * Undefined when the principal is not declared, or was left out.
   */
  public pin(principalArn: string): CfnAccessEntry | undefined {
    const slot = this.slots.get(describePrincipal(this.owner, principalArn).identity);
    return slot && this.pinSlot(slot);
  }

  /** Every entry, made now if needed, in declaration order (see `pin`). */
  public pinAll(): CfnAccessEntry[] {
    const entries: CfnAccessEntry[] = [];
    for (const slot of this.slots.values()) {
      const resource = this.pinSlot(slot);
      if (resource) { entries.push(resource); }
    }
    return entries;
  }

  /**
   * Makes every entry not made yet, once: the app is complete. A principal whose key is
   * in `leaveOut` (and whose entry was not handed out) is left out, never made.
   *
   * @param leaveOut why each principal, by `principalKey`, is left out
   * @returns the principals left out, with why
   */
  public createAll(leaveOut: ReadonlyMap<string, string>): Array<{ principal: PrincipalModel; reason: string }> {
    if (this.complete) { return []; }
    this.complete = true;
    const leftOut: Array<{ principal: PrincipalModel; reason: string }> = [];
    for (const slot of this.slots.values()) {
      const reason = slot.resource ? undefined : leaveOut.get(principalKey(slot.principal));
      if (reason === undefined) {
        this.create(slot);
      } else {
        slot.leftOut = reason;
        leftOut.push({ principal: slot.principal, reason });
      }
    }
    return leftOut;
  }

  /** Whether `createAll` ran. */
  public get isComplete(): boolean {
    return this.complete;
  }

  /** The entries made so far, in declaration order; makes none. */
  public created(): CfnAccessEntry[] {
    const created: CfnAccessEntry[] = [];
    for (const slot of this.slots.values()) {
      if (slot.resource) { created.push(slot.resource); }
    }
    return created;
  }

  /** The entry made for a principal identity, if any; makes none. */
  public createdFor(identity: string): CfnAccessEntry | undefined {
    return this.slots.get(identity)?.resource;
  }

  /** The declarations the rules check: all of them, less the principals left out. */
  public activeModels(): readonly EntryModel[] {
    let anyLeftOut = false;
    for (const slot of this.slots.values()) {
      if (slot.leftOut !== undefined) { anyLeftOut = true; break; }
    }
    if (!anyLeftOut) { return this.models; }
    return this.models.filter((model) => this.slots.get(model.principal.identity)?.leftOut === undefined);
  }

  /** The stacks that hold the entries: the manager's, or its shards. */
  public stacks(): Stack[] {
    return this.shards === undefined ? [Stack.of(this.owner)] : [...this.shardStacks.values()];
  }

  private pinSlot(slot: EntrySlot): CfnAccessEntry | undefined {
    if (slot.leftOut === undefined) { this.create(slot); }
    return slot.resource;
  }

  private create(slot: EntrySlot): void {
    if (slot.resource) { return; }
    const resource = new CfnAccessEntry(this.scopeFor(slot.principal.identity), entryIdFor(slot.principal),
      entryProperties(slot.model, this.clusterName, slot.principalArn, this.partition));
    if (this.removalPolicy !== undefined) { resource.applyRemovalPolicy(this.removalPolicy); }
    fixLogicalId(resource);
    slot.resource = resource;
  }

  /** Where a principal's entry goes: the manager, or its shard's stack. */
  private scopeFor(identity: string): Construct {
    if (this.shards === undefined) { return this.owner; }
    const index = shardIndex(identity, this.shards);
    let shard = this.shardStacks.get(index);
    if (!shard) {
      shard = this.layout === ShardLayout.STACKS ? this.shardStack(index, this.shards) : new NestedStack(this.owner, `Shard${index}`, {
        description: `EKS access entries, shard ${index} of ${this.shards}`,
      });
      this.shardStacks.set(index, shard);
    }
    return shard;
  }

  /**
   * A shard as a stack of the manager's Stage: its own CloudFormation operation, deployed
   * after the manager's stack, in the same account and region. Its id derives from the
   * manager's path and the shard's number alone, so it never changes while they do not.
   */
  private shardStack(index: number, shards: number): Stack {
    const home = Stack.of(this.owner);
    const stage = Stage.of(this.owner) ?? this.owner.node.root;
    const shard = new Stack(stage as Construct, `${Names.uniqueResourceName(this.owner, { maxLength: 100 })}Shard${index}`, {
      // An environment-agnostic manager's stack gives agnostic shards.
      env: { account: literalString(home.account), region: literalString(home.region) },
      description: `EKS access entries of ${this.owner.node.path}, shard ${index} of ${shards}`,
    });
    shard.addDependency(home, 'the cluster and the manager are deployed first');
    return shard;
  }
}

