import { EksAccessPolicy } from '../../src/policy';
import { POLICY_NAME_PATTERN } from '../../src/private/policy-arn';
import { CUSTOMER_POLICY_NAMES, POLICY_CATALOG, PolicyAudience, catalogPolicy, closestCatalogName } from '../../src/private/policy-catalog';

/** R19 of docs/eks-access-rules.md: who may hold each policy. */
const R19: Record<PolicyAudience, string[]> = {
  'customer': [
    'AmazonEKSClusterAdminPolicy', 'AmazonEKSAdminPolicy', 'AmazonEKSEditPolicy', 'AmazonEKSViewPolicy',
    'AmazonEKSAdminViewPolicy', 'AmazonEKSSecretReaderPolicy', 'AmazonEKSSecretAdminPolicy',
  ],
  'service-linked-only': [
    'AmazonEKSBlockStoragePolicy', 'AmazonEKSBlockStorageClusterPolicy', 'AmazonEKSComputePolicy',
    'AmazonEKSComputeClusterPolicy', 'AmazonEKSHybridPolicy', 'AmazonEKSClusterInsightsPolicy',
  ],
  'capability-role': ['AmazonEKSArgoCDPolicy', 'AmazonEKSArgoCDClusterPolicy', 'AmazonEKSACKPolicy', 'AmazonEKSKROPolicy'],
  'eks-service-linked-role': ['AmazonEKSEventPolicy'],
  'auto-mode-cluster-role': [
    'AmazonEKSLoadBalancingPolicy', 'AmazonEKSLoadBalancingClusterPolicy', 'AmazonEKSNetworkingPolicy', 'AmazonEKSNetworkingClusterPolicy',
  ],
  // R13.
  'auto-mode-node': ['AmazonEKSAutoNodePolicy'],
  'unspecified': [
    'AmazonEKSPodIdentityPolicy', 'AIDevOpsAgentAccessPolicy', 'AmazonAIOpsAssistantPolicy', 'AmazonARCRegionSwitchScalingPolicy', 'AmazonEMRJobPolicy',
    'AmazonSagemakerHyperpodClusterPolicy', 'AmazonSagemakerHyperpodControllerPolicy', 'AmazonSagemakerHyperpodSpacePolicy',
    'AmazonSagemakerHyperpodSpaceTemplatePolicy', 'AmazonSagemakerHyperpodSystemNamespacePolicy', 'AmazonSagemakerHyperpodUserClusterPolicy',
  ],
};

describe('the policy catalog', () => {
  test.each(Object.entries(R19).flatMap(([audience, names]) => names.map((name) => [name, audience])))('knows %s as %s', (name, audience) => {
    expect(catalogPolicy(name)?.audience).toBe(audience);
  });

  test('holds the R19 policies and no other, each once, sorted by name, each a well-formed name', () => {
    const names = POLICY_CATALOG.map((p) => p.name);
    expect([...names].sort()).toEqual(Object.values(R19).flat().sort());
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) { expect(name).toMatch(POLICY_NAME_PATTERN); }
  });

  test('gives every customer policy, and only those, a Kubernetes equivalent for the report', () => {
    for (const policy of POLICY_CATALOG) {
      expect([policy.name, policy.rbacEquivalent !== undefined]).toEqual([policy.name, policy.audience === PolicyAudience.CUSTOMER]);
    }
  });

  test('has a constant of EksAccessPolicy for every customer policy', () => {
    const constants = Object.values(EksAccessPolicy).filter((v): v is string => typeof v === 'string');
    expect(constants).toEqual(expect.arrayContaining([...CUSTOMER_POLICY_NAMES]));
  });

  test('suggests the close catalog name of a typo, and none for a name close to nothing', () => {
    expect(closestCatalogName('AmazonEKSEditPolcy')).toBe('AmazonEKSEditPolicy');
    expect(closestCatalogName('AmazonEKSQuantumComputingPolicy')).toBeUndefined();
  });
});
