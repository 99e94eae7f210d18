import { App, Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { SEED, validMap } from './arbitraries';
import { EksAccessManager, PrincipalAccess } from '../../src';

type Access = Record<string, any>;

/**
 * One way to break each rule, keyed by the rule id (and what breaks it, for a second way):
 * the mutated principal (new ARN, if any) and its access.
 */
const MUTATIONS: Record<string, (arn: string, access: Access) => [string, Access]> = {
  'EAM001': (arn, a) => [arn, { ...a, type: 'Standard' }],
  'EAM003': (arn, a) => [arn.replace(/:iam::(\d+):(role|user)\/.*$/, ':sts::$1:assumed-role/x/session'), a],
  // A name IAM cannot have: no such principal exists.
  'EAM003 (a 65-character name)': (arn, a) => [arn.replace(/[^/]+$/, 'r'.repeat(65)), a],
  'EAM004': (arn, a) => [arn.replace(/:(role|user)\/.*$/, ':role/AWSReservedSSO_Admin_0123456789abcdef'), a],
  'EAM005': (arn, a) => [arn.replace(/:(role|user)\/.*$/, ':role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS'), a],
  'EAM006': (arn, a) => [arn.replace(/:(role|user)\/.*$/, ':root'), a],
  'EAM008': (arn, _a) => [arn.replace(/:(role|user)\//, ':user/'), { type: 'EC2_LINUX' }],
  'EAM009': (arn, _a) => [arn.replace(/:(role|user)\//, ':role/'), { type: 'EC2_LINUX', username: 'node' }],
  'EAM010': (arn, a) => [arn, { ...a, type: undefined, username: 'system:admin' }],
  'EAM011': (arn, a) => [arn, { ...a, type: undefined, username: 'john{{SessionName}}' }],
  'EAM012': (arn, a) => [arn, { ...a, type: undefined, kubernetesGroups: ['system:masters'] }],
  'EAM013': (arn, _a) => [arn.replace(/:(role|user)\//, ':role/'), { type: 'EC2_WINDOWS', accessPolicies: [view()] }],
  'EAM014': (arn, a) => [arn, { ...a, type: undefined, accessPolicies: [view(), view()] }],
  'EAM015': (arn, a) => [arn, { ...a, type: undefined, accessPolicies: Array.from({ length: 21 }, (_, i) => view(`ns${i}`)) }],
  'EAM016': (arn, a) => [arn, { ...a, type: undefined, accessPolicies: [{ policy: 'AmazonEKSEditPolicy', accessScope: { type: 'namespace', namespaces: [] } }] }],
  'EAM017': (arn, a) => [arn, { ...a, type: undefined, accessPolicies: [view('Bad_Namespace')] }],
  'EAM018': (arn, a) => [arn, { ...a, type: undefined, accessPolicies: [{ policy: 'arn:aws:iam::aws:policy/AdministratorAccess', accessScope: { type: 'cluster' } }] }],
  'EAM019': (arn, a) => [arn, { ...a, type: undefined, accessPolicies: [{ policy: 'AmazonEKSBlockStoragePolicy', accessScope: { type: 'cluster' } }] }],
  'EAM020': (arn, a) => [arn, { ...a, type: undefined, tags: { 'aws:owner': 'me' } }],
  'EAM100': (arn, a) => [arn, { ...a, accessPolicy: [] }],
  'EAM101': (arn, a) => [arn, { ...a, kubernetesGroups: 'dev' }],
};

function view(namespace?: string) {
  return namespace
    ? { policy: 'AmazonEKSViewPolicy', accessScope: { type: 'namespace', namespaces: [namespace] } }
    : { policy: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster' } };
}

describe('property: any single mutation into an invalid value fails synth, naming the principal and the rule', () => {
  test.each(Object.keys(MUTATIONS))('%s', (ruleId) => {
    fc.assert(fc.property(validMap, fc.nat(), (map, pick) => {
      const principals = Object.keys(map);
      const victim = principals[pick % principals.length];
      const [arn, access] = MUTATIONS[ruleId](victim, map[victim] as Access);
      const mutated: Record<string, PrincipalAccess> = { ...map };
      delete mutated[victim];
      mutated[arn] = JSON.parse(JSON.stringify(access));

      const app = new App();
      new EksAccessManager(new Stack(app, 'Stack'), 'Access', { clusterName: 'prod', principals: mutated });
      expect(() => app.synth()).toThrow(`[${ruleId.split(' ')[0]}] ${arn}:`);
    }), { seed: SEED, numRuns: 15 });
  });
});
