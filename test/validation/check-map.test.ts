import { checkAccessMap } from '../../src/validation/check-map';

describe('checkAccessMap', () => {
  test('runs the rules on a plain map, with the account and partition given', () => {
    const findings = checkAccessMap(
      { 'arn:aws:iam::444455556666:role/nodes': { type: 'EC2_LINUX' } },
      { account: '111122223333', partition: 'aws', sourceOf: (arn) => `map.yaml (${arn})` },
    );
    expect(findings.map((f) => [f.ruleId, f.source])).toEqual([['EAM007', 'map.yaml (arn:aws:iam::444455556666:role/nodes)']]);
  });

  test('checks the cluster settings given', () => {
    expect(checkAccessMap({}, { cluster: { authenticationMode: 'CONFIG_MAP' } }).map((f) => f.ruleId)).toEqual(['EAM022']);
  });

  test('finds nothing in a valid map', () => {
    expect(checkAccessMap({ 'arn:aws:iam::111122223333:role/dev': { kubernetesGroups: ['dev'] } })).toEqual([]);
  });
});
