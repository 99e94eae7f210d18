import { checkAccessMap } from '../../src/validation/check-map';

describe('checkAccessMap', () => {
  test('runs the rules on a plain map, with the account and partition given', () => {
    const findings = checkAccessMap(
      { 'arn:aws:iam::444455556666:role/nodes': { type: 'EC2_LINUX' } },
      { account: '111122223333', partition: 'aws', sourceOf: (arn) => `map.yaml (${arn})` },
    );
    expect(findings.map((f) => [f.ruleId, f.source])).toEqual([['EAM007', 'map.yaml (arn:aws:iam::444455556666:role/nodes)']]);
  });

  test('names the map as the source of an entry when no source is given', () => {
    const findings = checkAccessMap({ 'arn:aws:iam::444455556666:role/nodes': { type: 'EC2_LINUX' } }, { account: '111122223333' });
    expect(findings.map((f) => [f.ruleId, f.source])).toEqual([['EAM007', 'map']]);
  });

  test('checks the cluster settings given, and names the map as their source', () => {
    expect(checkAccessMap({}, { cluster: { authenticationMode: 'CONFIG_MAP' } }).map((f) => [f.ruleId, f.source])).toEqual([['EAM022', 'map']]);
  });

  test('checks the cluster name given, as a map file or the command line passes it', () => {
    const findings = checkAccessMap({ 'arn:aws:iam::111122223333:role/dev': {} }, { cluster: { clusterName: 'c'.repeat(101) } });
    expect(findings.map((f) => [f.ruleId, f.field, f.message])).toEqual([['EAM027', 'clusterName', 'is 101 characters long; EKS allows at most 100']]);
  });

  test('keeps the source of the cluster settings when one is given', () => {
    expect(checkAccessMap({}, { cluster: { authenticationMode: 'CONFIG_MAP', source: 'cluster.yaml' } }).map((f) => f.source)).toEqual(['cluster.yaml']);
  });

  test('checks the groups a map binds, with the cluster settings\' source, and counts them as bound', () => {
    const groupsOnly = { 'arn:aws:iam::111122223333:role/dev': { kubernetesGroups: ['devs'] } };
    const findings = checkAccessMap(groupsOnly, {
      cluster: { source: 'cluster.yaml' },
      groups: { devs: { clusterRole: 'view', namespaces: ['Apps'] } },
    });
    expect(findings.map((f) => [f.ruleId, f.principal, f.group, f.source])).toEqual([['EAM030', 'group "devs"', 'devs', 'cluster.yaml']]);
    // Without the map's groups, nothing is known of bindings: no group rule runs.
    expect(checkAccessMap(groupsOnly)).toEqual([]);
    // With groups and no cluster source, the map is the source (and a group nobody carries is a warning).
    expect(checkAccessMap({}, { groups: { devs: { clusterRole: 'a/b' } } }).map((f) => [f.ruleId, f.source]))
      .toEqual([['EAM030', 'map'], ['EAM206', 'map']]);
  });

  test('finds nothing in a valid map', () => {
    expect(checkAccessMap({ 'arn:aws:iam::111122223333:role/dev': { kubernetesGroups: ['dev'] } })).toEqual([]);
  });
});
