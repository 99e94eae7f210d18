import { DEFAULT_RULES } from '.';
import { runRules } from './engine';
import { Finding } from './finding';
import { ClusterModel, RuleContext } from './rule';
import { literalPrincipal } from '../principal';
import { normalizeEntry } from '../private/normalize';
import { normalizeGroups } from '../rbac/group-model';
import { mapRbacFacts } from '../rbac/rbac-facts';

/** Facts for checking a map outside a CDK app (from a file, or a migration). */
export interface MapCheckOptions {
  /** The account the cluster is in, when known. */
  readonly account?: string;
  /** The partition the cluster is in, when known. */
  readonly partition?: string;
  /** The cluster settings. */
  readonly cluster?: Partial<ClusterModel>;
  /** Where each principal was declared (a file and line), for messages. */
  readonly sourceOf?: (principalArn: string) => string;
  /** The Kubernetes groups the map binds (a map file's `groups`), when it has any. */
  readonly groups?: Record<string, unknown>;
}

/**
 * Runs every synth-time rule on a plain access map, without a CDK app: the same rules as
 * the construct, so a map file checked here and synthesized later gets the same verdict.
 */
export function checkAccessMap(principals: Record<string, unknown>, options: MapCheckOptions = {}): Finding[] {
  const entries = Object.entries(principals).map(([arn, access]) =>
    normalizeEntry(literalPrincipal(arn), access, options.sourceOf?.(arn) ?? 'map'));
  // A map's groups are all the bindings it knows of; which cluster they go to, it cannot tell.
  const groups = options.groups === undefined ? undefined : normalizeGroups(options.groups, options.cluster?.source ?? 'map');
  const context: RuleContext = {
    account: options.account,
    partition: options.partition,
    cluster: { unknownFields: [], malformedFields: [], source: 'map', ...options.cluster },
    ...(groups === undefined ? {} : { rbac: mapRbacFacts(groups) }),
  };
  return runRules(entries, context, DEFAULT_RULES);
}
