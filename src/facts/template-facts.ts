/**
 * The template adapter of the cluster facts, for the validation plugin: what synthesized
 * templates say of their clusters and access entries. The construct reads the same facts
 * from the construct tree (`construct-facts.ts`); both go through `cluster-facts.ts` and
 * `entry-facts.ts`, so a cluster and its entries are the same facts on both sides.
 */
import { ClusterAdapter, clusterKey, ClusterFacts, ClusterRef, clusterRefOf, CLUSTER_TYPES, describeCluster, FACT_TYPES, literalClusterNameOf, NamedCluster, nameLabel, partitionOf, ResourceView } from './cluster-facts';
import { EntryFields, entryModelOf, EntryPolicyFields, policyOf } from './entry-facts';
import { displayWithPermissionSet, IAM_PRINCIPAL_TYPES, iamPrincipalFacts, PERMISSION_SET_NAME_PROPERTY, PERMISSION_SET_ROLE_TYPE, permissionSetRoleFacts } from './principal-facts';
import { isIntrinsic, Located, TemplateFile, TemplateWorld } from './template-world';
import { literalPrincipal } from '../principal';
import { EntryModel, PrincipalFacts, PrincipalModel, principalKey } from '../private/model';
import { ACCESS_ENTRY_TYPE, renderValue } from '../report/template-entry';
import { InAppCluster } from '../validation/rule';

/** An access entry of a template, as the rules' model, and where it stands. */
export interface TemplateEntryFacts {
  readonly model: EntryModel;
  /** The path of its template, as given (or found, for a nested template). */
  readonly templatePath: string;
  readonly logicalId: string;
  /** The template of the top-level stack that deploys it: `templatePath` itself when it is not nested. */
  readonly rootTemplatePath: string;
  /** The logical ids of the nested stack resources from that template down to its own; empty when not nested. */
  readonly nestedStackIds: readonly string[];
  /** Its `DeletionPolicy` attribute, as written; undefined when it has none. */
  readonly deletionPolicy?: unknown;
}

/** One cluster the templates' entries go to. */
export interface TemplateCluster extends ClusterFacts {
  /** Its entries, in template order. */
  readonly entries: readonly TemplateEntryFacts[];
  /** The account of the stacks of its entries, when they all agree and it is known. */
  readonly account?: string;
  /** Their partition (from their region), on the same terms. */
  readonly partition?: string;
  /** The cluster name its entries write, when one of them writes it as a literal (rule EAM027 checks it). */
  readonly clusterName?: string;
  /** The literal name and environment its key was made from; undefined for a cluster without a literal name. */
  readonly named?: NamedCluster;
}

/**
 * Reads the templates at `templatePaths` (each once, with the nested templates they
 * deploy) and groups their access entries by cluster, keyed as the construct keys them:
 * a literal name by the account and region of its stack (from the assembly's manifest),
 * a cluster of the templates by its resource.
 */
export function templateFactsOf(templatePaths: readonly string[]): TemplateCluster[] {
  return new TemplateFacts(TemplateWorld.read(templatePaths)).clusters();
}

interface Group {
  readonly facts: ClusterFacts & { readonly named?: NamedCluster };
  readonly entries: TemplateEntryFacts[];
  readonly files: TemplateFile[];
  /** The first literal `ClusterName` of its entries. */
  clusterName?: string;
}

class TemplateFacts {
  private readonly factViews: ResourceView[] = [];
  private readonly fileOfView = new Map<ResourceView, TemplateFile>();
  private readonly idOfView = new Map<ResourceView, string>();
  private readonly clusterViews = new Map<string, ResourceView>();
  private readonly inApp = new Map<ResourceView, InAppCluster>();
  private clustersByKey?: Map<string, ResourceView>;

  constructor(private readonly world: TemplateWorld) {
    for (const file of world.files) {
      for (const [logicalId, resource] of Object.entries(file.document.Resources)) {
        if (!FACT_TYPES.has(resource?.Type ?? '')) { continue; }
        const view = world.viewOf(file, logicalId);
        this.factViews.push(view);
        this.fileOfView.set(view, file);
        this.idOfView.set(view, resourceId(file, logicalId));
        if (CLUSTER_TYPES.has(view.type)) { this.clusterViews.set(resourceId(file, logicalId), view); }
      }
    }
  }

  public clusters(): TemplateCluster[] {
    const groups = new Map<string, Group>();
    for (const file of this.world.files) {
      for (const [logicalId, resource] of Object.entries(file.document.Resources)) {
        if (resource?.Type !== ACCESS_ENTRY_TYPE) { continue; }
        const props = resource.Properties ?? {};
        const name = this.world.locate(file, props.ClusterName);
        const facts = this.clusterOf(name);
        let group = groups.get(facts.key);
        if (!group) {
          group = { facts, entries: [], files: [] };
          groups.set(facts.key, group);
        }
        if (group.clusterName === undefined && typeof name.value === 'string') { group.clusterName = name.value; }
        const principal = this.principalOf(this.world.locate(file, props.PrincipalArn));
        const model = entryModelOf(principal, this.entryFieldsOf(file, props), `${file.name}#${logicalId}`);
        const nesting = this.world.nestingOf(file);
        group.entries.push({
          model,
          templatePath: file.path,
          logicalId,
          rootTemplatePath: nesting.root.path,
          nestedStackIds: nesting.nestedStackIds,
          deletionPolicy: (resource as { DeletionPolicy?: unknown }).DeletionPolicy,
        });
        group.files.push(file);
      }
    }
    return [...groups.values()].map((group) => {
      const account = agreed(group.files.map((f) => this.world.environmentOf(f).account));
      const region = agreed(group.files.map((f) => this.world.environmentOf(f).region));
      return {
        ...group.facts,
        entries: group.entries,
        account,
        partition: partitionOf(region),
        clusterName: group.clusterName,
      };
    });
  }

  /** The cluster a `ClusterName` value names. */
  private clusterOf(name: Located): ClusterFacts & { readonly named?: NamedCluster } {
    const view = this.clusterNamed(name);
    const ref = view ? this.refOfCluster(view) : this.refOfName(name);
    // Kept with the key, for who needs the name back (the live commands match a snapshot by it).
    const named = 'name' in ref ? ref : undefined;
    if (view) {
      return { key: clusterKey(ref), label: view.path, inApp: this.inAppOf(view), named };
    }
    return { key: clusterKey(ref), label: typeof name.value === 'string' ? nameLabel(name.value, this.world.environmentOf(name.file)) : renderValue(name.value), named };
  }

  /** The cluster resource a name means: the one it refers to, or the one of that literal name. */
  private clusterNamed({ file, value }: Located): ResourceView | undefined {
    const ref = (value as { Ref?: unknown })?.Ref;
    if (typeof ref === 'string') { return this.clusterViews.get(resourceId(file, ref)); }
    return typeof value === 'string' ? this.literalClusters().get(this.keyOfName({ file, value })) : undefined;
  }

  private keyOfName(name: Located): string {
    return clusterKey(this.refOfName(name));
  }

  private refOfName(name: Located): ClusterRef {
    if (typeof name.value === 'string') { return { name: name.value, env: this.world.environmentOf(name.file) }; }
    const ref = (name.value as { Ref?: unknown })?.Ref;
    const cluster = typeof ref === 'string' ? this.clusterViews.get(resourceId(name.file, ref)) : undefined;
    return cluster ? this.refOfCluster(cluster) : { token: identityOf(name) };
  }

  private keyOfCluster(cluster: ResourceView): string {
    return clusterKey(this.refOfCluster(cluster));
  }

  private refOfCluster(cluster: ResourceView): ClusterRef {
    const file = this.fileOfView.get(cluster)!;
    return clusterRefOf(cluster, this.world.environmentOf(file), this.idOfView.get(cluster)!);
  }

  /** The templates' clusters with a literal name, by key. */
  private literalClusters(): Map<string, ResourceView> {
    if (!this.clustersByKey) {
      this.clustersByKey = new Map();
      for (const view of this.clusterViews.values()) {
        if (literalClusterNameOf(view) !== undefined) { this.clustersByKey.set(this.keyOfCluster(view), view); }
      }
    }
    return this.clustersByKey;
  }

  private inAppOf(cluster: ResourceView): InAppCluster {
    let described = this.inApp.get(cluster);
    if (!described) {
      described = describeCluster(cluster, this.factViews, this.adapterFor(cluster));
      this.inApp.set(cluster, described);
    }
    return described;
  }

  private adapterFor(cluster: ResourceView): ClusterAdapter {
    const key = this.keyOfCluster(cluster);
    const clusterFile = this.fileOfView.get(cluster)!;
    return {
      principalKeyOf: (value) => principalKey(this.principalOf(this.world.located(value) ?? { file: clusterFile, value })),
      sameCluster: (clusterName, declaredBy) => {
        const file = this.fileOfView.get(declaredBy);
        const located = this.world.located(clusterName) ?? (file && { file, value: clusterName });
        return located !== undefined && this.keyOfName(located) === key;
      },
    };
  }

  /** The model of a principal value, as `describePrincipal` makes it from a construct. */
  private principalOf(located: Located): PrincipalModel {
    const value = located.value;
    if (!isIntrinsic(value)) { return literalPrincipal(typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)); }
    const facts = this.iamFactsOf(located);
    return { display: displayWithPermissionSet(`(token) ${renderValue(value)}`, facts), identity: identityOf(located), facts };
  }

  /** A `GetAtt` of the `Arn` of an IAM role or user of the templates tells what the role says of itself. */
  private iamFactsOf({ file, value }: Located): PrincipalFacts {
    const getAtt = (value as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'];
    if (!Array.isArray(getAtt) || getAtt[1] !== 'Arn') { return {}; }
    const resource = file.document.Resources[String(getAtt[0])];
    if (resource?.Type === PERMISSION_SET_ROLE_TYPE) {
      return permissionSetRoleFacts(resource.Properties?.[PERMISSION_SET_NAME_PROPERTY], this.world.environmentOf(file), file.path);
    }
    const type = IAM_PRINCIPAL_TYPES[resource?.Type ?? ''];
    if (!type) { return {}; }
    const props = resource!.Properties ?? {};
    return iamPrincipalFacts(type.kind, props[type.cfnNameProperty], props.Path, this.world.environmentOf(file));
  }

  /** The template's fields of an access entry in the shape of the access map. */
  private entryFieldsOf(file: TemplateFile, props: Record<string, unknown>): EntryFields {
    const neutral = (value: unknown) => this.world.neutral(file, value);
    const policies: EntryPolicyFields[] = [];
    for (const item of listOf(props.AccessPolicies)) {
      const policy = plainObject(item);
      if (!policy) { continue; }
      const scope = policy.AccessScope;
      const plainScope = plainObject(scope);
      const arn = this.world.locate(file, policy.PolicyArn);
      policies.push({
        policy: policyOf(neutral(policy.PolicyArn), renderValue(arn.value)),
        accessScope: scope === undefined ? undefined
          : plainScope ? { type: neutral(plainScope.Type), namespaces: neutral(plainScope.Namespaces) } : { type: neutral(scope) },
      });
    }
    const tags: Array<[unknown, unknown]> = [];
    for (const item of listOf(props.Tags)) {
      const tag = plainObject(item);
      if (tag) { tags.push([neutral(tag.Key), neutral(tag.Value)]); }
    }
    return {
      type: neutral(props.Type),
      username: neutral(props.Username),
      kubernetesGroups: neutral(props.KubernetesGroups),
      policies,
      tags,
    };
  }
}

/** The unique id of a resource of the world. */
function resourceId(file: TemplateFile, logicalId: string): string {
  return `${file.path}#${logicalId}`;
}

/**
 * A string that names an expression: with its template for a reference to a resource or
 * parameter of it (the same logical id means another thing in another template).
 */
function identityOf({ file, value }: Located): string {
  const text = JSON.stringify(value);
  const local = typeof value === 'object' && value !== null && ('Ref' in value || 'Fn::GetAtt' in value);
  const pseudo = typeof (value as { Ref?: unknown }).Ref === 'string' && String((value as { Ref: string }).Ref).startsWith('AWS::');
  return local && !pseudo ? `${file.path}#${text}` : text;
}

/** The one value all items agree on; undefined when one is unknown or two differ. */
function agreed(values: ReadonlyArray<string | undefined>): string | undefined {
  const first = values[0];
  return values.every((v) => v === first) ? first : undefined;
}

/** A list property: none when it is absent or an intrinsic (a list the app cannot know). */
function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function plainObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isIntrinsic(value) ? value as Record<string, unknown> : undefined;
}
