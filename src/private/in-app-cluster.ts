/**
 * Moved to `facts/construct-facts.ts`; kept until the manager imports it from there.
 */
export { clusterResourceOf, describeInAppCluster, pathWithoutResource } from '../facts/construct-facts';
