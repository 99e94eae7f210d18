/**
 * Which CloudFormation stack owns a live entry, if any.
 *
 * CloudFormation tags the resources it creates with `aws:cloudformation:stack-name`,
 * `aws:cloudformation:logical-id` and `aws:cloudformation:stack-id` when their type takes
 * these system tags; the registry schema of `AWS::EKS::AccessEntry` says it does
 * (`"tagging": { "cloudFormationSystemTags": true, "tagOnCreate": true }`), and EKS returns
 * them with the entry's other tags. An entry that CloudFormation did not create (made by
 * hand, eksctl, Terraform, EKS itself) has none. An imported entry may have none either:
 * the stack's resources (`aws cloudformation describe-stack-resources`) say it is the
 * stack's; the plan reads them from files when given.
 */
import { LiveError } from './live-error';
import { CFN_LOGICAL_ID_TAG, CFN_STACK_NAME_TAG, LiveAccessEntry } from './snapshot';
import { ACCESS_ENTRY_TYPE } from '../report/template-entry';

/** The stack resource that is a live entry. */
export interface Owner {
  /** The CloudFormation stack name (a nested stack's own, generated name). */
  readonly stackName: string;
  readonly logicalId: string;
  /** What says so. */
  readonly source: string;
}

/** Where a template's resource is deployed: its top-level stack, and the nested stacks down to it. */
export interface ResourcePlace {
  readonly stackName: string;
  /** The logical ids of the nested stack resources from the top-level stack down; empty when not nested. */
  readonly nestedStackIds: readonly string[];
  readonly logicalId: string;
}

/** One `AWS::EKS::AccessEntry` of `describe-stack-resources`. */
interface StackResource {
  readonly stackName: string;
  readonly logicalId: string;
  readonly physicalId?: string;
  /** The file that lists it. */
  readonly file: string;
}

/** The access entries of stacks, as `aws cloudformation describe-stack-resources` lists them. */
export class StackResources {
  /** No stack resources: ownership comes from the entries' tags alone. */
  public static readonly NONE = new StackResources([]);

  /**
   * Reads the JSON output of `aws cloudformation describe-stack-resources --stack-name S`
   * (`{ "StackResources": [...] }`).
   */
  public static parse(text: string, file: string): StackResources {
    let parsed: { StackResources?: unknown };
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new LiveError(`${file} is not the output of aws cloudformation describe-stack-resources: not JSON (${(e as Error).message})`);
    }
    if (!Array.isArray(parsed?.StackResources)) {
      throw new LiveError(`${file} is not the output of aws cloudformation describe-stack-resources: it has no "StackResources" list. Fix: aws cloudformation describe-stack-resources --stack-name <stack> --output json > ${file}`);
    }
    const resources: StackResource[] = [];
    for (const [i, item] of parsed.StackResources.entries()) {
      const r = item as Record<string, unknown>;
      if (typeof r?.StackName !== 'string' || typeof r.LogicalResourceId !== 'string' || typeof r.ResourceType !== 'string') {
        throw new LiveError(`${file}: StackResources[${i}] needs StackName, LogicalResourceId and ResourceType strings`);
      }
      if (r.ResourceType !== ACCESS_ENTRY_TYPE || (typeof r.ResourceStatus === 'string' && /^DELETE_COMPLETE$/.test(r.ResourceStatus))) { continue; }
      resources.push({ stackName: r.StackName, logicalId: r.LogicalResourceId, physicalId: typeof r.PhysicalResourceId === 'string' ? r.PhysicalResourceId : undefined, file });
    }
    return new StackResources(resources);
  }

  /** The resources of several files, as one. */
  public static merge(all: readonly StackResources[]): StackResources {
    return new StackResources(all.flatMap((r) => r.resources));
  }

  private constructor(private readonly resources: readonly StackResource[]) {}

  /** The stack resource whose physical id names this principal (CloudFormation joins the identifiers with `|`). */
  public ownerOf(principalArn: string): Owner | undefined {
    const found = this.resources.find((r) => r.physicalId?.split('|').includes(principalArn));
    return found && { stackName: found.stackName, logicalId: found.logicalId, source: `a resource of stack ${found.stackName} in ${found.file}` };
  }

  /** True when a resource of the stack at `place` has its logical id (its physical id naming this principal, when it names one). */
  public holds(place: ResourcePlace, principalArn: string): Owner | undefined {
    const found = this.resources.find((r) => r.logicalId === place.logicalId && stackNameMatches(r.stackName, place)
      && (r.physicalId === undefined || !r.physicalId.includes('arn:') || r.physicalId.split('|').includes(principalArn)));
    return found && { stackName: found.stackName, logicalId: found.logicalId, source: `a resource of stack ${found.stackName} in ${found.file}` };
  }
}

/** The owner a live entry's CloudFormation tags name; undefined when it has none. */
export function ownerByTags(entry: LiveAccessEntry): Owner | undefined {
  const stackName = entry.tags[CFN_STACK_NAME_TAG];
  const logicalId = entry.tags[CFN_LOGICAL_ID_TAG];
  return stackName !== undefined && logicalId !== undefined
    ? { stackName, logicalId, source: `its tags ${CFN_STACK_NAME_TAG}=${stackName}, ${CFN_LOGICAL_ID_TAG}=${logicalId}` }
    : undefined;
}

/** The owner of a live entry: its tags, or else the stack resources given. */
export function ownerOf(entry: LiveAccessEntry, resources: StackResources): Owner | undefined {
  return ownerByTags(entry) ?? resources.ownerOf(entry.principalArn);
}

/** True when `owner` is the resource at `place`. */
export function isOwnedAt(owner: Owner, place: ResourcePlace): boolean {
  return owner.logicalId === place.logicalId && stackNameMatches(owner.stackName, place);
}

/**
 * True when a CloudFormation stack name is the one of `place`: the top-level stack's name,
 * or, for a nested stack, the name CloudFormation gives it:
 * `<parent stack name>-<nested stack logical id>-<random suffix>`, level by level.
 */
export function stackNameMatches(stackName: string, place: Pick<ResourcePlace, 'stackName' | 'nestedStackIds'>): boolean {
  if (place.nestedStackIds.length === 0) { return stackName === place.stackName; }
  const pattern = [escape(place.stackName), ...place.nestedStackIds.map((id) => `${escape(id)}-[A-Za-z0-9]+`)].join('-');
  return new RegExp(`^${pattern}$`).test(stackName);
}

/**
 * True when a CloudFormation stack name is `root` or a stack nested in it, at any depth
 * (`<root>-<logical id>-<suffix>`, the suffix being CloudFormation's random upper-case id).
 */
export function isInStack(stackName: string, root: string): boolean {
  return stackName === root || new RegExp(`^${escape(root)}-[A-Za-z0-9-]+-[A-Z0-9]{8,}$`).test(stackName);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
