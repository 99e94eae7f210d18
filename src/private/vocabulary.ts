import { AccessEntryType } from '../access-entry-type';
import { AccessScopeType } from '../access-scope';
import { AuthenticationMode } from '../authentication-mode';

/** Every value EKS accepts for an entry's `Type`. */
export const ACCESS_ENTRY_TYPES: ReadonlySet<string> = new Set<string>(Object.values(AccessEntryType));

/** Entry types that stand for nodes: EKS sets their username and groups itself. */
export const NODE_ENTRY_TYPES: ReadonlySet<string> = new Set<string>([
  AccessEntryType.EC2_LINUX,
  AccessEntryType.EC2_WINDOWS,
  AccessEntryType.FARGATE_LINUX,
  AccessEntryType.EC2,
  AccessEntryType.HYBRID_LINUX,
  AccessEntryType.HYPERPOD_LINUX,
]);

/** Every value EKS accepts for an access scope's `type`. */
export const ACCESS_SCOPE_TYPES: ReadonlySet<string> = new Set<string>(Object.values(AccessScopeType));

/** Every value EKS accepts for a cluster's authentication mode. */
export const AUTHENTICATION_MODES: ReadonlySet<string> = new Set<string>(Object.values(AuthenticationMode));
