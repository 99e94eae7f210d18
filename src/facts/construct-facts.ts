/**
 * The construct-tree adapter of the cluster facts: what an app says of its clusters and
 * of every access entry in it, read from the constructs when the app is complete. The
 * validation plugin reads the same facts from the templates (`template-facts.ts`); both
 * go through `cluster-facts.ts` and `entry-facts.ts`.
 */
import { CfnResource, IResolveContext, Reference, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ClusterAdapter, clusterKey, ClusterFacts, clusterRefOf, CLUSTER_TYPES, describeCluster, Environment, FACT_TYPES, knownEnvironment, literalClusterNameOf, nameLabel, plainObject, ResourceView } from './cluster-facts';
import { EntryFields, entryModelOf, EntryPolicyFields, policyOf } from './entry-facts';
import { describePrincipal } from '../principal';
import { propertiesOf } from '../private/cfn-properties';
import { EntryModel, principalKey } from '../private/model';
import { referenceOf } from '../private/tokens';
import { ACCESS_ENTRY_TYPE, renderValue } from '../report/template-entry';
import { InAppCluster } from '../validation/rule';

/** What the construct tree of an app says, for the rules. */
export interface AppFacts {
  /** What is known of the cluster that a manager in `scope` names with `clusterName` (literal or token). */
  cluster(scope: IConstruct, clusterName: string): ClusterFacts;
  /**
   * Every `AWS::EKS::AccessEntry` of the app on the cluster of `clusterKey` whose
   * construct is not in `except`, as the rules' model: a user's `CfnAccessEntry`,
   * aws-cdk-lib's `AccessEntry` and `Cluster.grantAccess` (aws-eks-v2 and aws-eks, which
   * also makes one for `mastersRole` when the cluster's mode allows entries), and other
   * managers' entries. Each one's `source` is its construct path without `/Resource`.
   */
  entriesOn(clusterKey: string, except: ReadonlySet<IConstruct>): EntryModel[];
}

/**
 * Reads the facts of the app that `root` belongs to, in one walk of its constructs.
 * Call it when the app is complete (at validation): what is added later is not seen.
 * Nothing is changed in the tree, and nothing is cached in it.
 */
export function appFactsOf(root: IConstruct): AppFacts {
  return new ConstructFacts(root.node.root);
}

/** The cluster resource of this app that a cluster name (a token) refers to, if any. */
export function clusterResourceOf(clusterName: string): CfnResource | undefined {
  const target = referenceOf(clusterName)?.target;
  return target && CfnResource.isCfnResource(target) && CLUSTER_TYPES.has(target.cfnResourceType) ? target : undefined;
}

/** The path users know: the L2's, without the trailing `/Resource` (and `/Default`). */
export function pathWithoutResource(resource: IConstruct): string {
  return resource.node.path.replace(/(\/(Resource|Default))+$/, '');
}

type Props = Record<string, unknown>;

class ConstructFacts implements AppFacts {
  private readonly entries: CfnResource[] = [];
  private readonly factResources: CfnResource[] = [];
  private readonly views = new Map<CfnResource, ResourceView>();
  private readonly resourceOfView = new Map<ResourceView, CfnResource>();
  private readonly inApp = new Map<CfnResource, InAppCluster>();
  private readonly entryKeys = new Map<CfnResource, string>();
  private readonly nameKeys = new Map<Stack, Map<string, string>>();
  private readonly models = new Map<CfnResource, EntryModel>();
  private clustersByKey?: Map<string, CfnResource>;

  constructor(root: IConstruct) {
    // One walk; the test per node is a property read and a set lookup, as most of the
    // nodes of a large app are its access entries and what makes them.
    for (const node of root.node.findAll()) {
      if (!CfnResource.isCfnResource(node)) { continue; }
      const type = node.cfnResourceType;
      if (type === ACCESS_ENTRY_TYPE) {
        this.entries.push(node);
      } else if (FACT_TYPES.has(type)) {
        this.factResources.push(node);
      }
    }
  }

  public cluster(scope: IConstruct, clusterName: string): ClusterFacts {
    const resource = this.clusterNamed(scope, clusterName);
    if (resource) {
      return { key: this.keyOfCluster(resource), label: this.viewOf(resource).path, inApp: this.inAppOf(resource) };
    }
    if (Token.isUnresolved(clusterName)) {
      return { key: this.keyOfName(scope, clusterName), label: renderedText(scope, clusterName) };
    }
    return { key: this.keyOfName(scope, clusterName), label: nameLabel(clusterName, environmentOf(scope)) };
  }

  public entriesOn(key: string, except: ReadonlySet<IConstruct>): EntryModel[] {
    const found: EntryModel[] = [];
    for (const entry of this.entries) {
      if (except.has(entry) || this.entryKey(entry) !== key) { continue; }
      found.push(this.modelOf(entry));
    }
    return found;
  }

  /** What the app says of one of its cluster resources. */
  public inAppOf(cluster: CfnResource): InAppCluster {
    let described = this.inApp.get(cluster);
    if (!described) {
      const views = this.factResources.map((r) => this.viewOf(r));
      described = describeCluster(this.viewOf(cluster), views, this.adapterFor(cluster));
      this.inApp.set(cluster, described);
    }
    return described;
  }

  private adapterFor(cluster: CfnResource): ClusterAdapter {
    const key = this.keyOfCluster(cluster);
    return {
      principalKeyOf: (value) => {
        const text = tokenOrString(value);
        return text === undefined ? undefined : principalKey(describePrincipal(cluster, text));
      },
      sameCluster: (clusterName, declaredBy) => {
        const text = tokenOrString(clusterName);
        const resource = this.resourceOfView.get(declaredBy);
        return text !== undefined && resource !== undefined && this.keyOfName(resource, text) === key;
      },
    };
  }

  /** The cluster resource of the app a name means: the one it refers to, or the one of that literal name. */
  private clusterNamed(scope: IConstruct, clusterName: string): CfnResource | undefined {
    if (Token.isUnresolved(clusterName)) { return clusterResourceOf(clusterName); }
    return this.clusters().get(this.keyOfName(scope, clusterName));
  }

  /**
   * The cluster key of a name (literal or token) as written in `scope`. It depends on the
   * name and the stack alone; thousands of entries share a few, so keys are kept by both.
   */
  private keyOfName(scope: IConstruct, clusterName: string): string {
    const stack = Stack.of(scope);
    let keys = this.nameKeys.get(stack);
    if (!keys) {
      keys = new Map();
      this.nameKeys.set(stack, keys);
    }
    let key = keys.get(clusterName);
    if (key === undefined) {
      const cluster = Token.isUnresolved(clusterName) ? clusterResourceOf(clusterName) : undefined;
      key = cluster ? this.keyOfCluster(cluster)
        : Token.isUnresolved(clusterName) ? clusterKey({ token: describePrincipal(stack, clusterName).identity })
          : clusterKey({ name: clusterName, env: environmentOf(stack) });
      keys.set(clusterName, key);
    }
    return key;
  }

  private keyOfCluster(cluster: CfnResource): string {
    return clusterKey(clusterRefOf(this.viewOf(cluster), environmentOf(cluster), cluster.node.path));
  }

  /** The app's cluster resources with a literal name, by key. */
  private clusters(): Map<string, CfnResource> {
    if (!this.clustersByKey) {
      this.clustersByKey = new Map();
      for (const resource of this.factResources) {
        if (CLUSTER_TYPES.has(resource.cfnResourceType) && literalClusterNameOf(this.viewOf(resource)) !== undefined) {
          this.clustersByKey.set(this.keyOfCluster(resource), resource);
        }
      }
    }
    return this.clustersByKey;
  }

  private entryKey(entry: CfnResource): string {
    let key = this.entryKeys.get(entry);
    if (key === undefined) {
      const name = tokenOrString(propertiesOf(entry).clusterName);
      key = name === undefined ? clusterKey({ token: `${entry.node.path}#ClusterName` }) : this.keyOfName(entry, name);
      this.entryKeys.set(entry, key);
    }
    return key;
  }

  private modelOf(entry: CfnResource): EntryModel {
    let model = this.models.get(entry);
    if (!model) {
      const props = propertiesOf(entry);
      const principal = describePrincipal(entry, tokenOrString(props.principalArn) ?? '');
      model = entryModelOf(principal, entryFieldsOf(props, entry), pathWithoutResource(entry));
      this.models.set(entry, model);
    }
    return model;
  }

  private viewOf(resource: CfnResource): ResourceView {
    let view = this.views.get(resource);
    if (!view) {
      view = { type: resource.cfnResourceType, path: pathWithoutResource(resource), properties: renderedProperties(resource) };
      this.views.set(resource, view);
      this.resourceOfView.set(view, resource);
    }
    return view;
  }
}

/** The L1's fields of an access entry in the shape of the access map. */
function entryFieldsOf(props: Props, entry: IConstruct): EntryFields {
  const policies: EntryPolicyFields[] = [];
  for (const item of listValue(props.accessPolicies, entry)) {
    const policy = plainObject(item);
    if (!policy) { continue; }
    const arn = scalar(policy.policyArn);
    const accessScope = policy.accessScope;
    const plainScope = plainObject(accessScope);
    policies.push({
      policy: typeof arn === 'string' ? policyOf(arn, arn) : arn,
      // A scope the app cannot know is a scope of unknown type, as in a template.
      accessScope: accessScope === undefined ? undefined
        : plainScope ? { type: scalar(plainScope.type), namespaces: scalarList(plainScope.namespaces) } : { type: scalar(accessScope) },
    });
  }
  const tags: Array<[unknown, unknown]> = [];
  for (const item of listValue(props.tags, entry)) {
    const tag = plainObject(item);
    if (tag) { tags.push([scalar(tag.key), scalar(tag.value)]); }
  }
  return {
    type: scalar(props.type),
    username: scalar(props.username),
    kubernetesGroups: scalarList(props.kubernetesGroups),
    policies,
    tags,
  };
}

/**
 * A resource's properties in the template's casing, with its property overrides (an
 * escape hatch such as `addPropertyOverride('AccessConfig.AuthenticationMode', 'API')` is
 * what CloudFormation gets). Values stay tokens: nothing is resolved.
 */
function renderedProperties(resource: CfnResource): Props {
  const holder = resource as unknown as { rawOverrides?: { Properties?: unknown }; renderProperties(props: Props): Props };
  const rendered = holder.renderProperties(propertiesOf(resource)) ?? {};
  const overrides = plainObject(holder.rawOverrides?.Properties);
  return overrides ? merged(rendered, overrides) : rendered;
}

/**
 * `target` with `overrides` merged in, as CloudFormation will see it (CDK's rule: an
 * object merges key by key, `undefined` deletes, anything else replaces). Copies, so
 * that the resource's own objects are never changed.
 */
function merged(target: Props, overrides: Props): Props {
  const result: Props = { ...target };
  for (const [key, value] of Object.entries(overrides)) {
    const override = plainObject(value);
    if (override) {
      result[key] = merged(plainObject(result[key]) ?? {}, override);
    } else if (value === undefined) {
      delete result[key];
    } else {
      result[key] = value;
    }
  }
  return result;
}

/**
 * A list property: a list as given; a `Lazy` (aws-eks's `AccessEntry` keeps its policies
 * in one, so that later grants can add to them) as it produces now; anything else the app
 * cannot know is none. The producer is called directly: resolving the `Lazy` would cache
 * its value, and a grant added after this read would be lost from the template.
 */
function listValue(value: unknown, scope: IConstruct): readonly unknown[] {
  if (Array.isArray(value)) { return value; }
  // Newer aws-cdk-lib (2.276; 2.245 uses a Lazy): aws-eks and aws-eks-v2 AccessEntry keep
  // their policies in an internal Box; `get()` reads it now, without caching.
  if (typeof value === 'object' && value !== null && Symbol.for('@aws-cdk/core.Box') in value) {
    try {
      const current = (value as { get?: () => unknown }).get?.();
      return Array.isArray(current) ? current : [];
    } catch {
      return [];
    }
  }
  const producer = (value as { producer?: { produce?: (context: IResolveContext) => unknown } } | undefined)?.producer;
  if (!Token.isUnresolved(value) || Reference.isReference(value) || typeof producer?.produce !== 'function') { return []; }
  try {
    const produced = producer.produce(produceContext(scope));
    return Array.isArray(produced) ? produced : [];
  } catch {
    // A producer that needs a real resolution: its value is unknown here.
    return [];
  }
}

/** A context for producers that need none: it resolves nothing, so values stay tokens. */
function produceContext(scope: IConstruct): IResolveContext {
  return { scope, preparing: false, documentPath: [], registerPostProcessor: () => undefined, resolve: (value: unknown) => value };
}

/** A scalar value as the model holds it: a literal, or a token string for a token object. */
function scalar(value: unknown): unknown {
  return typeof value === 'object' && value !== null && Token.isUnresolved(value) ? Token.asString(value) : value;
}

/** A list item by item as `scalar` has them; anything else as it is. */
function scalarList(value: unknown): unknown {
  return Array.isArray(value) ? value.map(scalar) : value;
}

/** A string, or the token string of a token object; undefined for anything else. */
function tokenOrString(value: unknown): string | undefined {
  const text = scalar(value);
  return typeof text === 'string' ? text : undefined;
}


function environmentOf(scope: IConstruct): Environment {
  const stack = Stack.of(scope);
  return knownEnvironment(stack.account, stack.region);
}

/** A token as the template will have it, in short (`Ref(Name)`); its own text if it cannot be resolved yet. */
function renderedText(scope: IConstruct, value: string): string {
  try {
    return renderValue(Stack.of(scope).resolve(value));
  } catch {
    return value;
  }
}

/** The facts of each app, read once per synth (see `cachedAppFactsOf`). */
const CACHED = new WeakMap<IConstruct, AppFacts>();

/**
 * The facts of the app that `scope` belongs to, read once and shared by every manager
 * and the report of one synth: each reading walks the whole tree. `forgetAppFacts` at the
 * start of each synth (when CDK invokes aspects) makes the next call read them again.
 */
export function cachedAppFactsOf(scope: IConstruct): AppFacts {
  const root = scope.node.root;
  let facts = CACHED.get(root);
  if (!facts) {
    facts = appFactsOf(root);
    CACHED.set(root, facts);
  }
  return facts;
}

/** Forgets the facts read so far of the app that `scope` belongs to. */
export function forgetAppFacts(scope: IConstruct): void {
  CACHED.delete(scope.node.root);
}
