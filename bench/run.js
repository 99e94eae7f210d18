// The benchmark: construct time, synth time, peak memory and template bytes of the same
// access map (N principals, each with a cluster-scoped and a two-namespace policy) made by
// a plain CfnAccessEntry loop, aws-cdk-lib's AccessEntry (aws-eks-v2 and aws-eks) and
// EksAccessManager (as it ships, and with its access report off), each run in a fresh
// process, several times; figures are medians, ratios the median of the ratios within
// each run.
//
// Usage: node bench/run.js [--runs 3] [--sizes 10,100,450,1000,3000] [--out bench/results.md]
//   [--modes floor,latest-on,latest-off] [--approaches cfn-loop,EksAccessManager,...]
//   [--runs-all 15]   (the same number of runs at every size and in every mode)
// Run `npx projen bench`, which builds first and installs the latest aws-cdk-lib (outside
// the repository) for the template-validation rows.
// The third table of each mode is the library's own CPU time (normalize, rules, report, as
// timed by src/private/cpu-time.ts) as a share of the process's construct + synth CPU time.
// The performance target of issue 13 (floor only, needs just `npx projen compile`):
//   node bench/run.js --modes floor --sizes 100,1000,3000 --runs-all 9
//     --approaches cfn-loop,aws-eks-v2,EksAccessManager,EksAccessManager-no-report
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const runs = Number(args.runs ?? 3);
// One synth of a small map takes tens of milliseconds, and single timings on this 2-core
// machine are bimodal (about 33 or 48 ms for the same work): small sizes get more runs, so
// that their medians are as steady as those of the large sizes.
const runsFor = (n, base) => (n <= 100 ? base * 2 + 1 : n <= 450 ? base + 2 : base);
const sizes = (args.sizes ?? '10,100,450,1000,3000').split(',').map(Number);
const out = args.out ?? path.join(__dirname, 'results.md');
const runsAll = args['runs-all'] === undefined ? undefined : Number(args['runs-all']);
const onlyModes = args.modes?.split(',');
const onlyApproaches = args.approaches?.split(',');

// Installed by bench/setup-latest.sh, outside the repository.
const latestModules = path.join(process.env.BENCH_LATEST_DIR ?? path.join(os.tmpdir(), 'eks-access-manager-bench-latest'), 'node_modules');
const latestVersion = fs.existsSync(latestModules)
  ? JSON.parse(fs.readFileSync(path.join(latestModules, 'aws-cdk-lib', 'package.json'), 'utf8')).version : undefined;
const floorVersion = JSON.parse(fs.readFileSync(require.resolve('aws-cdk-lib/package.json'), 'utf8')).version;

const MODES = [
  { id: 'floor', name: `aws-cdk-lib ${floorVersion} (no built-in template validation)`, env: {}, approaches: ['cfn-loop', 'aws-eks-v2', 'aws-eks', 'EksAccessManager', 'EksAccessManager-no-report', 'EksAccessManager-8-shards'] },
  ...(latestVersion ? [
    // The built-in validator costs seconds per synth and dwarfs everything else: one run
    // each, against the loop only, keeps the whole benchmark under five minutes.
    { id: 'latest-on', name: `aws-cdk-lib ${latestVersion}, built-in template validation ON (default), 1 run`, env: { BENCH_MODULES: latestModules }, approaches: ['cfn-loop', 'EksAccessManager'], runs: 1 },
    { id: 'latest-off', name: `aws-cdk-lib ${latestVersion}, built-in template validation OFF (CDK_VALIDATION=false)`, env: { BENCH_MODULES: latestModules, CDK_VALIDATION: 'false' }, approaches: ['cfn-loop', 'aws-eks-v2', 'EksAccessManager', 'EksAccessManager-no-report'] },
  ] : []),
];

const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function measure(mode, approach, n) {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'child.js'), approach, String(n)], {
    env: { ...process.env, ...mode.env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split('\n').pop());
}

const started = Date.now();
const sections = [];
for (const mode of MODES.filter((m) => !onlyModes || onlyModes.includes(m.id))) {
  const rows = [];
  for (const n of sizes) {
    // Sharding only matters past one stack's 500 resources.
    const approaches = mode.approaches.filter((a) => (a !== 'EksAccessManager-8-shards' || n >= 450) && (!onlyApproaches || onlyApproaches.includes(a)));
    const samples = Object.fromEntries(approaches.map((a) => [a, []]));
    const runCount = runsAll ?? mode.runs ?? runsFor(n, runs);
    // Interleaved, so that a slow moment of the machine hits every approach of a run alike,
    // and each run starts with another approach, so that none is always first.
    for (let r = 0; r < runCount; r++) {
      for (let i = 0; i < approaches.length; i++) {
        const approach = approaches[(i + r) % approaches.length];
        samples[approach].push(measure(mode, approach, n));
      }
    }
    const med = Object.fromEntries(Object.entries(samples).map(([a, list]) => [a, {
      constructMs: median(list.map((s) => s.constructMs)),
      synthMs: median(list.map((s) => s.synthMs)),
      peakRssMb: median(list.map((s) => s.peakRssMb)),
      templateBytes: median(list.map((s) => s.templateBytes)),
    }]));
    rows.push({ n, runs: runCount, med, samples });
    process.stderr.write(`${mode.name}: N=${n} done (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
  sections.push(render(mode, rows));
}

const header = [
  '# Benchmark results',
  '',
  `Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}.`,
  `${runsAll === undefined ? `Medians of ${runsFor(10, runs)} runs for N ≤ 100, ${runsFor(450, runs)} for N = 450 and ${runs} above` : `Medians of ${runsAll} runs at every size`} (column "runs"), each in a fresh process; run ${new Date().toISOString().slice(0, 10)}, ${Math.round((Date.now() - started) / 1000)} s in all, by \`node bench/run.js${process.argv.slice(2).map((a) => ` ${a}`).join('')}\`.`,
  'Every approach builds the same map in one stack (CDK\'s 500-resource check lifted) except `EksAccessManager-8-shards`, which uses 8 shard stacks of its own (`shardLayout: stacks`).',
  'Ratios: EksAccessManager ÷ the plain `CfnAccessEntry` loop (no validation at all) and ÷ aws-cdk-lib\'s `AccessEntry` (aws-eks-v2): the median over runs of the ratio within each run (every run measures each approach once, back to back). The figures in the second table are medians over runs.',
  'Unmarked ratios are EksAccessManager as it ships: every rule, and the access report, which reads each template back and writes a JSON and a Markdown file. "report off" is every rule with `accessReport: false`.',
  'The third table: the library\'s own CPU time (normalizing the map, running the rules, writing the access report) as a share of the CPU time (user + system) of the whole construct + synth, median over runs of the share within each run.',
  '',
];
fs.writeFileSync(out, [...header, ...sections].join('\n') + '\n');
process.stdout.write(fs.readFileSync(out, 'utf8'));

/**
 * The median over runs of a's figure ÷ b's in the same run. Timings here move by 10 to 30 %
 * between moments of the machine; the two figures of one run were taken seconds apart, so
 * their ratio moves much less than the ratio of two medians taken over the whole run.
 */
function pairedRatio(samples, a, b, figure) {
  if (!samples[a] || !samples[b]) { return 'not run'; }
  return median(samples[a].map((s, r) => figure(s) / figure(samples[b][r]))).toFixed(2) + '×';
}

function render(mode, rows) {
  const synth = (s) => s.synthMs;
  const total = (s) => s.constructMs + s.synthMs;
  const memory = (s) => s.peakRssMb;
  const lines = [`## ${mode.name}`, '',
    '| N | runs | synth ÷ loop | synth ÷ AccessEntry | report off: synth ÷ loop | report off: synth ÷ AccessEntry | construct+synth ÷ loop | construct+synth ÷ AccessEntry | memory ÷ loop |',
    '|---|---|---|---|---|---|---|---|---|'];
  for (const { n, runs: runCount, samples } of rows) {
    const vs = (a, b, figure) => pairedRatio(samples, a, b, figure);
    const [m, off, loop, l2] = ['EksAccessManager', 'EksAccessManager-no-report', 'cfn-loop', 'aws-eks-v2'];
    lines.push(`| ${n} | ${runCount} | ${vs(m, loop, synth)} | ${vs(m, l2, synth)} | ${vs(off, loop, synth)} | ${vs(off, l2, synth)} | ${vs(m, loop, total)} | ${vs(m, l2, total)} | ${vs(m, loop, memory)} |`);
  }
  lines.push('', '| N | approach | construct ms | synth ms | peak RSS MB | template bytes |', '|---|---|---|---|---|---|');
  for (const { n, med } of rows) {
    for (const [approach, v] of Object.entries(med)) {
      lines.push(`| ${n} | ${approach} | ${v.constructMs.toFixed(0)} | ${v.synthMs.toFixed(0)} | ${v.peakRssMb.toFixed(0)} | ${v.templateBytes} |`);
    }
  }
  lines.push(...ownCpuTable(rows), '');
  return lines.join('\n');
}

/**
 * The library's own CPU time (src/private/cpu-time.ts: normalizing the map, running the
 * rules, writing the access report) as a share of the process's CPU time for construct +
 * synth, for each EksAccessManager approach: the median over runs of the share within one
 * run (the phases and the whole come from the same process). "unavailable" when the build
 * measured has no cpu-time module.
 */
function ownCpuTable(rows) {
  const phases = ['normalize', 'rules', 'report'];
  const share = (list, part) => {
    if (list.some((s) => !s.phasesUs || !s.cpuUs)) { return 'unavailable'; }
    return (100 * median(list.map((s) => part(s.phasesUs) / s.cpuUs))).toFixed(1) + ' %';
  };
  const lines = ['', 'The library\'s own CPU time, as a share of the process\'s CPU time (user + system) for construct + synth: median over runs of the share within each run.', '',
    '| N | approach | construct+synth CPU ms | normalize | rules | report | own work, all three | own work ms |',
    '|---|---|---|---|---|---|---|---|'];
  for (const { n, samples } of rows) {
    for (const [approach, list] of Object.entries(samples)) {
      if (!approach.startsWith('EksAccessManager') || list.length === 0) { continue; }
      const sum = (p) => phases.reduce((t, phase) => t + (p[phase] ?? 0), 0);
      const ownMs = list.every((s) => s.phasesUs) ? (median(list.map((s) => sum(s.phasesUs))) / 1000).toFixed(1) : 'unavailable';
      lines.push(`| ${n} | ${approach} | ${(median(list.map((s) => s.cpuUs ?? NaN)) / 1000).toFixed(0)} | ${phases.map((phase) => share(list, (p) => p[phase] ?? 0)).join(' | ')} | ${share(list, sum)} | ${ownMs} |`);
    }
  }
  return lines;
}
