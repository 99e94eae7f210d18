import { Stack } from 'aws-cdk-lib';
import { AccessScopeType, EksAccessManager, EksAccessPolicy, PermissionSetRole } from '../../src';
import { appIn, reportFiles } from '../report/helpers';

describe('the access report of a looked-up role', () => {
  test('names the permission set beside the lookup, where the template has only its logical id', () => {
    // GIVEN
    const app = appIn({ context: { [PermissionSetRole.LOOKUP_NONCE_CONTEXT]: 'fixed' } });
    const stack = new Stack(app, 'Platform', { env: { account: '111122223333', region: 'eu-west-1' } });
    const manager = new EksAccessManager(stack, 'Access', { clusterName: 'prod' });
    manager.addRole(PermissionSetRole.lookup(stack, 'Developers', { permissionSetName: 'Developers' }), {
      accessPolicies: [{ policy: EksAccessPolicy.EDIT, accessScope: { type: AccessScopeType.NAMESPACE, namespaces: ['dev'] } }],
    });
    manager.addPrincipal('arn:aws:iam::111122223333:role/ops', { kubernetesGroups: ['ops'] });

    // WHEN
    const files = reportFiles(app.synth().directory);

    // THEN
    const json = JSON.parse(files['eks-access-report.prod-111122223333-eu-west-1.json']);
    const lookup = json.entries.find((e: { principal: string }) => e.principal.endsWith('.Arn'));
    expect(lookup).toMatchObject({ principal: expect.stringMatching(/^Developers[0-9A-F]{8}\.Arn$/), principalPath: 'Platform/Developers', permissionSet: 'Developers' });
    expect(json.entries.find((e: { principal: string }) => e.principal === 'arn:aws:iam::111122223333:role/ops').permissionSet).toBeUndefined();
    expect(files['eks-access-report.prod-111122223333-eu-west-1.md']).toContain('| `Platform/Developers` (IAM Identity Center permission set `Developers`) | STANDARD |');
    expect(files['eks-access-report.prod-111122223333-eu-west-1.md']).toContain('| `dev` | `Platform/Developers` (IAM Identity Center permission set `Developers`) |');
  });
});
