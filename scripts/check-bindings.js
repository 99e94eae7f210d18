// Checks that the bindings jsii-pacmak generated (dist/bindings) hold the construct and
// its props in every language, with names that read well there. Exits 1 on a miss.
const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2] || 'dist/bindings');
const read = (dir, ext) => walk(path.join(root, dir)).filter((f) => f.endsWith(ext)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
function walk(dir) {
  if (!fs.existsSync(dir)) { return []; }
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

const EXPECTED = {
  python: ['.py', [
    'class EksAccessManager(', 'def grant(', 'def entry_for(', 'kubernetes_groups', 'access_policies',
    'class AccessEntryType(', 'EC2_LINUX = "EC2_LINUX"', 'class EksAccessPolicy(', 'CLUSTER_ADMIN',
    'class AwsAuthMigration(', 'def from_config_map(', 'class AccessMapFile(', 'class EksAccessValidationPlugin(',
  ]],
  java: ['.java', [
    'public class EksAccessManager extends software.constructs.Construct',
    'public interface EksAccessManagerProps', 'public static final class Builder',
    'public @org.jetbrains.annotations.NotNull software.amazon.awscdk.services.eks.CfnAccessEntry grant(',
    'getKubernetesGroups()', 'public enum AccessEntryType', 'getEntries()',
  ]],
  dotnet: ['.cs', ['public class EksAccessManager', 'public virtual Amazon.CDK.AWS.EKS.CfnAccessEntry Grant(', 'KubernetesGroups', 'public enum AccessEntryType']],
  go: ['.go', ['func NewEksAccessManager(', 'Grant(principalArn *string', 'KubernetesGroups *[]*string', 'AccessEntryType_EC2_LINUX']],
};

let missing = 0;
for (const [language, [ext, needles]] of Object.entries(EXPECTED)) {
  const code = read(language, ext);
  for (const needle of needles) {
    if (!code.includes(needle)) {
      console.error(`${language}: missing ${JSON.stringify(needle)}`);
      missing++;
    }
  }
  console.log(`${language}: ${needles.length - needles.filter((n) => !code.includes(n)).length}/${needles.length} checks, ${code.length} characters of ${ext} code`);
}
process.exit(missing > 0 ? 1 : 0);
