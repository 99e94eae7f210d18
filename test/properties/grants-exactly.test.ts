import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as fc from 'fast-check';
import { SEED, validMap } from './arbitraries';
import { EksAccessManager, PrincipalAccess } from '../../src';

/** (principal, policy, scope type, namespaces) tuples, as sorted strings. */
function grantsOfMap(map: Record<string, PrincipalAccess>): string[] {
  return Object.entries(map).flatMap(([principal, access]) => (access.accessPolicies ?? []).map((g) =>
    `${principal} | ${g.policy} | ${g.accessScope.type} | ${[...(g.accessScope.namespaces ?? [])].sort().join(',')}`)).sort();
}

function grantsOfTemplate(stack: Stack): string[] {
  const resources = Object.values(Template.fromStack(stack).findResources('AWS::EKS::AccessEntry')) as Array<{ Properties: any }>;
  return resources.flatMap(({ Properties: p }) => (p.AccessPolicies ?? []).map((g: any) => {
    const arn = g.PolicyArn['Fn::Join'][1][2] as string;
    return `${p.PrincipalArn} | ${arn.slice(arn.lastIndexOf('/') + 1)} | ${g.AccessScope.Type} | ${[...(g.AccessScope.Namespaces ?? [])].sort().join(',')}`;
  })).sort();
}

describe('property: the template grants exactly what the map says', () => {
  test('one entry per principal; nothing added, widened or dropped', () => {
    fc.assert(fc.property(validMap, (map) => {
      const app = new App();
      const stack = new Stack(app, 'Stack');
      new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: map });
      const template = Template.fromStack(stack);

      const entries = Object.values(template.findResources('AWS::EKS::AccessEntry')) as Array<{ Properties: any }>;
      expect(entries.map((e) => e.Properties.PrincipalArn).sort()).toEqual(Object.keys(map).sort());
      expect(grantsOfTemplate(stack)).toEqual(grantsOfMap(map));
      for (const { Properties: p } of entries) {
        const access = map[p.PrincipalArn];
        expect(p.Type).toBe(access.type ?? 'STANDARD');
        expect(p.Username).toBe(access.username);
        expect(p.KubernetesGroups ?? []).toEqual(access.kubernetesGroups ?? []);
      }
    }), { seed: SEED, numRuns: 60 });
  });
});
