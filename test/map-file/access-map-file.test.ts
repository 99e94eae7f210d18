import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AccessMapFile, EksAccessManager } from '../../src';

const map = (name: string) => join(__dirname, '..', 'fixtures', 'maps', name);

describe('AccessMapFile', () => {
  test('loads a YAML map that the construct synthesizes', () => {
    const contents = AccessMapFile.load(map('valid.yaml'));
    expect(contents.clusterName).toBe('prod');
    expect(contents.authenticationMode).toBe('API_AND_CONFIG_MAP');
    expect(Object.keys(contents.principals)).toHaveLength(3);

    const stack = new Stack(new App(), 'Stack');
    new EksAccessManager(stack, 'Access', { clusterName: contents.clusterName!, ...contents });
    Template.fromStack(stack).resourceCountIs('AWS::EKS::AccessEntry', 3);
  });

  test('loads a JSON map', () => {
    expect(Object.keys(AccessMapFile.load(map('valid.json')).principals)).toEqual(['arn:aws:iam::111122223333:role/viewers']);
  });

  test('leaves the other rules to the construct, which fails synth', () => {
    const contents = AccessMapFile.parse([
      'principals:',
      '  arn:aws:iam::111122223333:role/dev:',
      '    accessPolicies: [{ policy: AmazonEKSEditPolicy, accessScope: { type: namespace, namespaces: [] } }]',
      '  arn:aws:iam::111122223333:role/ops:',
      '    kubernetesGroups: [system:masters]',
    ].join('\n'));
    const app = new App();
    new EksAccessManager(new Stack(app, 'Stack'), 'Access', { clusterName: 'prod', principals: contents.principals });
    expect(() => app.synth()).toThrow(/EAM016[\s\S]*EAM012/);
  });

  test('fails on an unknown key with the file, the line and the key', () => {
    expect(() => AccessMapFile.parse('principals:\n  arn:aws:iam::111122223333:role/ops:\n    kubernetesGroups: [ops]\n    accessPolicy: []\n', 'ops.yaml'))
      .toThrow('ops.yaml:4: [EAM100] arn:aws:iam::111122223333:role/ops: accessPolicy: "accessPolicy" is not a known field. Fix: did you mean "accessPolicies"?');
  });

  test.each([
    ['an unknown top-level key', 'principal: {}\n', 'm.yaml:1: [EAM100] "principal" is not a known key'],
    ['no principals', 'clusterName: prod\n', 'm.yaml:1: [EAM101] principals: is required but missing'],
    ['a list of principals', 'principals:\n  - arn:aws:iam::111122223333:role/a\n', 'm.yaml:1: [EAM101] principals: must be an object, got a list of 1'],
    ['a value of the wrong type', 'principals:\n  arn:aws:iam::111122223333:role/a:\n    username: 7\n', 'm.yaml:3: [EAM101] arn:aws:iam::111122223333:role/a: username: must be a string, got the number 7'],
    ['malformed YAML', 'principals: {\n', 'm.yaml:2: [EAM101] not valid YAML or JSON'],
    ['a principal written twice', 'principals:\n  arn:aws:iam::111122223333:role/a: {}\n  arn:aws:iam::111122223333:role/a: {}\n', 'm.yaml:3: [EAM101] not valid YAML or JSON: Map keys must be unique'],
    ['a document that is not a map', '- 1\n', 'm.yaml:1: [EAM101] (file): must be an object, got a list of 1'],
  ])('fails on %s, naming the place', (_what, text, message) => {
    expect(() => AccessMapFile.parse(text, 'm.yaml')).toThrow(message);
  });

  test('fails on a missing file with the path', () => {
    expect(() => AccessMapFile.load(map('missing.yaml'))).toThrow(/missing\.yaml/);
  });
});
