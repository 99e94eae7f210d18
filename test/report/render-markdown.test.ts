import { buildReport } from '../../src/report/access-report';
import { renderReport } from '../../src/report/render-markdown';
import { templateEntry } from '../../src/report/template-entry';

const partitionArn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:eks::aws:cluster-access-policy/${name}`]] });

function reportOf(properties: Record<string, unknown>) {
  return buildReport('prod', [{ stack: 'Platform', entry: templateEntry('Entry', properties) }]);
}

describe('the Markdown report', () => {
  test('keeps a backtick or a pipe in a value from breaking its table cell', () => {
    const md = renderReport(reportOf({ PrincipalArn: 'arn:aws:iam::111122223333:role/a`b|c', KubernetesGroups: ['ops|x'] }));
    expect(md).toContain("| `arn:aws:iam::111122223333:role/a'b\\|c` | STANDARD |  | `ops\\|x` |");
  });

  test('lists the namespaces of a namespace scope and the RBAC equivalent of each policy', () => {
    const md = renderReport(reportOf({
      PrincipalArn: 'arn:aws:iam::111122223333:role/dev',
      Username: 'dev',
      KubernetesGroups: ['b', 'a'],
      AccessPolicies: [
        { PolicyArn: partitionArn('AmazonEKSViewPolicy'), AccessScope: { Type: 'cluster' } },
        { PolicyArn: partitionArn('AmazonEKSEditPolicy'), AccessScope: { Type: 'namespace', Namespaces: ['web', 'api'] } },
      ],
    }));
    expect(md).toContain('| `arn:aws:iam::111122223333:role/dev` | STANDARD | `dev` | `a`, `b` | AmazonEKSEditPolicy (`api`, `web`)<br>AmazonEKSViewPolicy (cluster) | edit<br>view |');
    expect(md).toContain('| `api` | `arn:aws:iam::111122223333:role/dev` |');
  });

  test('shows the access level of a policy without a known RBAC equivalent', () => {
    const md = renderReport(reportOf({
      PrincipalArn: 'arn:aws:iam::111122223333:role/x',
      AccessPolicies: [{ PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSFuturePolicy', AccessScope: { Type: 'cluster' } }],
    }));
    expect(md).toContain('| AmazonEKSFuturePolicy (cluster) | unknown |');
  });
});
