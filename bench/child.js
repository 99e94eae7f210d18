// One benchmark measurement in a fresh process, so that peak memory is this run's alone.
// Usage: node child.js <approach> <N>   (prints one JSON line: wall-clock construct and
// synth ms, the process's CPU µs for construct + synth, and, for EksAccessManager, the CPU
// µs of the library's own phases: normalize, rules, report)
// Resolves aws-cdk-lib and eks-access-manager from BENCH_MODULES (a node_modules folder)
// when set, so the same harness runs against another aws-cdk-lib version.
const fs = require('fs');
const os = require('os');
const path = require('path');

const modules = process.env.BENCH_MODULES;
const load = (name) => require(modules ? path.join(modules, name) : name);
const cdk = load('aws-cdk-lib');
const libEntry = modules ? require.resolve(path.join(modules, 'eks-access-manager')) : require.resolve('../lib');
const lib = require(libEntry);
// The library's CPU time per phase of its own work (src/private/cpu-time.ts), read from the
// same copy of the library as the one loaded above (the same file, so the same module and
// the same totals). A build without it (an older one) gives no phases, not a failure.
const cpuTime = (() => {
  try {
    const m = require(path.join(path.dirname(libEntry), 'private', 'cpu-time.js'));
    return typeof m.cpuTimes === 'function' ? m : undefined;
  } catch {
    return undefined;
  }
})();

const [approach, nText] = process.argv.slice(2);
const n = Number(nText);
const principal = (i) => `arn:aws:iam::111122223333:role/team-${i}`;
const namespaces = (i) => [`team-${i}-a`, `team-${i}-b`];

const APPROACHES = {
  // The floor: no validation at all.
  'cfn-loop': (stack) => {
    const { CfnAccessEntry } = load('aws-cdk-lib/aws-eks');
    for (let i = 0; i < n; i++) {
      new CfnAccessEntry(stack, `Entry${i}`, {
        clusterName: 'prod',
        principalArn: principal(i),
        accessPolicies: [
          { policyArn: `arn:${cdk.Aws.PARTITION}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy`, accessScope: { type: 'cluster' } },
          { policyArn: `arn:${cdk.Aws.PARTITION}:eks::aws:cluster-access-policy/AmazonEKSEditPolicy`, accessScope: { type: 'namespace', namespaces: namespaces(i) } },
        ],
      });
    }
  },
  'aws-eks-v2': (stack) => l2(stack, load('aws-cdk-lib/aws-eks-v2')),
  'aws-eks': (stack) => l2(stack, load('aws-cdk-lib/aws-eks')),
  // The default: every rule, and the access report (which reads the templates back).
  'EksAccessManager': (stack) => manager(stack),
  // Every rule, no access report.
  'EksAccessManager-no-report': (stack) => manager(stack, undefined, false),
  'EksAccessManager-8-shards': (stack) => manager(stack, 8),
};

function l2(stack, eks) {
  const cluster = eks.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'prod' });
  for (let i = 0; i < n; i++) {
    new eks.AccessEntry(stack, `Entry${i}`, {
      cluster,
      principal: principal(i),
      accessPolicies: [
        eks.AccessPolicy.fromAccessPolicyName('AmazonEKSViewPolicy', { accessScopeType: eks.AccessScopeType.CLUSTER }),
        eks.AccessPolicy.fromAccessPolicyName('AmazonEKSEditPolicy', { accessScopeType: eks.AccessScopeType.NAMESPACE, namespaces: namespaces(i) }),
      ],
    });
  }
}

function manager(stack, shards, accessReport) {
  const principals = {};
  for (let i = 0; i < n; i++) {
    principals[principal(i)] = {
      accessPolicies: [
        { policy: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster' } },
        { policy: 'AmazonEKSEditPolicy', accessScope: { type: 'namespace', namespaces: namespaces(i) } },
      ],
    };
  }
  // Shards as stacks of their own: the layout that deploys 3,000 entries (nested shards stop at 2,500).
  new lib.EksAccessManager(stack, 'Access', { clusterName: 'prod', principals, shards, shardLayout: shards ? 'stacks' : undefined, accessReport });
}

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'eam-bench-'));
// Every approach puts all entries in one stack (sharding aside): lift CDK's 500-resource
// check so that the work compared is the same at every N.
const app = new cdk.App({ outdir, context: { '@aws-cdk/core:stackResourceLimit': 0 } });
const stack = new cdk.Stack(app, 'Bench');

cpuTime?.resetCpuTimes?.();
// CPU time (user + system, every thread) of the whole construct + synth, the base of the
// library's share below.
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
APPROACHES[approach](stack);
const t1 = process.hrtime.bigint();
app.synth();
const t2 = process.hrtime.bigint();
const cpu = process.cpuUsage(cpu0);
// Only the EksAccessManager approaches run the library's code; null when this build has no
// cpu-time module.
const phasesUs = approach.startsWith('EksAccessManager') && cpuTime ? { ...cpuTime.cpuTimes() } : null;

const templateBytes = fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json'))
  .reduce((sum, f) => sum + fs.statSync(path.join(outdir, f)).size, 0);
fs.rmSync(outdir, { recursive: true, force: true });
console.log(JSON.stringify({
  approach,
  n,
  constructMs: Number(t1 - t0) / 1e6,
  synthMs: Number(t2 - t1) / 1e6,
  cpuUs: cpu.user + cpu.system,
  phasesUs,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  templateBytes,
}));
