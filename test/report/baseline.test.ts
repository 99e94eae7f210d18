import { Stack } from 'aws-cdk-lib';
import { appIn, reportFiles } from './helpers';
import { AccessScopeType, EksAccessManager, EksAccessPolicy } from '../../src';

const DEV = 'arn:aws:iam::111122223333:role/dev';

function synth(namespaces: string[] | undefined, baseline?: string, context?: Record<string, string>): string {
  const app = appIn({ context });
  const accessScope = namespaces ? { type: AccessScopeType.NAMESPACE, namespaces } : { type: AccessScopeType.CLUSTER };
  new EksAccessManager(new Stack(app, 'Platform'), 'Access', {
    clusterName: 'prod',
    reportBaseline: baseline,
    principals: { [DEV]: { accessPolicies: [{ policy: EksAccessPolicy.EDIT, accessScope }] } },
  });
  return app.synth().directory;
}

describe('a report with a baseline', () => {
  test('says what changed since the earlier cdk.out, widening first', () => {
    const before = synth(['dev']);
    const files = reportFiles(synth(undefined, before));
    const json = JSON.parse(files['eks-access-report.prod.json']);
    // A namespace scope widened to the cluster is one widening, not also a narrowing.
    expect(json.changes.map((c: { kind: string }) => c.kind)).toEqual(['widened']);
    expect(files['eks-access-report.prod.md']).toContain('### Widened (1)\n\n- `arn:aws:iam::111122223333:role/dev` gains AmazonEKSEditPolicy at cluster scope, in place of AmazonEKSEditPolicy in namespace dev');
  });

  test('takes the baseline from the context too, and a report file as well as a directory', () => {
    const before = synth(['dev']);
    const files = reportFiles(synth(['dev', 'qa'], undefined, { 'eks-access-manager:reportBaseline': `${before}/eks-access-report.prod.json` }));
    expect(files['eks-access-report.prod.md']).toContain('gains AmazonEKSEditPolicy in namespace qa');
  });

  test('says so when nothing changed', () => {
    const before = synth(['dev']);
    expect(reportFiles(synth(['dev'], before))['eks-access-report.prod.md']).toContain('No change in access.');
  });

  test('fails synth, clearly, when the baseline does not exist', () => {
    expect(() => synth(['dev'], '/nonexistent/cdk.out')).toThrow('the report baseline /nonexistent/cdk.out does not exist');
  });
});
