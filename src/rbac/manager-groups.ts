import { RemovalPolicy } from 'aws-cdk-lib';
import { Construct, IDependable } from 'constructs';
import { GroupModel, normalizeGroup } from './group-model';
import { KubectlSupport } from './kubectl-target';
import { groupManifests } from './rbac-manifests';

/** The construct id under which a manager keeps its groups' manifests. */
const GROUPS_SCOPE_ID = 'Groups';

/**
 * The groups of one manager, from declaration to manifests: each group is normalized when
 * declared, and its manifests are made once, when the app is complete (`createAll`). A
 * group declared twice keeps its first declaration (rule EAM103 reports the second).
 */
export class ManagerGroups {
  /** Every declaration, in order, duplicates included. */
  public readonly models: GroupModel[] = [];
  private readonly manifests: Construct[] = [];
  private readonly made = new Set<string>();
  private support?: KubectlSupport;
  private access?: readonly IDependable[];
  private scope?: Construct;
  private kubectlAccess?: () => readonly IDependable[];

  /**
   * @param owner the manager: the manifests go under its `Groups` child
   * @param removalPolicy the removal policy of the manifests, when set (as of the entries)
   */
  constructor(private readonly owner: Construct, private readonly removalPolicy?: RemovalPolicy) {}

  /** Declares a group's binding; made at once when the app is already complete. */
  public declare(group: string, access: unknown, source: string): void {
    const model = normalizeGroup(group, access, source);
    this.models.push(model);
    if (this.support) { this.create(model); }
  }

  /**
   * Makes the manifests of every group, once: the app is complete. Nothing is made when
   * the cluster cannot apply manifests (rule EAM102 says why).
   *
   * @param support what the cluster offers
   * @param kubectlAccess the access entries that let kubectl into the cluster, declared in
   * this app: every manifest depends on them (created after, deleted before them)
   */
  public createAll(support: KubectlSupport, kubectlAccess: () => readonly IDependable[]): void {
    if (this.support) { return; }
    this.support = support;
    this.kubectlAccess = kubectlAccess;
    for (const model of this.models) { this.create(model); }
  }

  /** The manifests made so far, in declaration order. */
  public created(): readonly Construct[] {
    return this.manifests;
  }

  private create(model: GroupModel): void {
    const target = this.support?.target;
    // A group declared again, or one the rules refuse for its shape, is never made.
    if (!target || this.made.has(model.group) || model.malformedFields.length > 0) { return; }
    this.made.add(model.group);
    this.scope ??= new Construct(this.owner, GROUPS_SCOPE_ID);
    const { groupId, manifests } = groupManifests(model, this.scope.node.path);
    const groupScope = new Construct(this.scope, groupId);
    // Looked up once, when the first manifest is made: the app is complete by then.
    const access = this.access ??= this.kubectlAccess?.() ?? [];
    let role: Construct | undefined;
    for (const manifest of manifests) {
      const made = target.addManifest(groupScope, manifest.id, manifest.object, this.removalPolicy);
      made.node.addDependency(...access);
      if (manifest.afterRole && role) { made.node.addDependency(role); }
      if (manifest.id === 'ClusterRole') { role = made; }
      this.manifests.push(made);
    }
  }
}
