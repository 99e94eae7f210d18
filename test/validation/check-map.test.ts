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

  test('finds nothing in a valid map', () => {
    expect(checkAccessMap({ 'arn:aws:iam::111122223333:role/dev': { kubernetesGroups: ['dev'] } })).toEqual([]);
  });
});
