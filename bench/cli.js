// The CLI benchmark: how the time of `validate` and `migrate` grows with the number of
// principals. Each run spawns the compiled bin (lib/cli/main.js) in a fresh process on a
// generated file, sizes interleaved; figures are medians over runs. The cost of a start
// (Node, loading the modules) is measured on a map of one principal and taken off, so
// that "per principal" is the work that grows with the map. The target of issue 15: the
// time per principal at 21,000 within 1.2× of that at 3,000, on every map.
//
// Usage: npx projen compile && node bench/cli.js [--runs 5] [--sizes 3000,21000] [--out bench/results-cli.md]
// Not part of the tests; it takes about a minute and a half with the defaults.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const runs = Number(args.runs ?? 5);
const sizes = (args.sizes ?? '3000,21000').split(',').map(Number);
const out = args.out ?? path.join(__dirname, 'results-cli.md');
const CHILD = path.join(__dirname, 'cli-child.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eam-bench-cli-'));
// BENCH_CLI_BIN times another build (an earlier commit's lib/cli/main.js, say). Without
// it, a copy of lib/ is timed, so that a compile running meanwhile cannot change the bin.
const BIN = process.env.BENCH_CLI_BIN ?? copyOfBuild();

function copyOfBuild() {
  const root = path.join(__dirname, '..');
  const build = path.join(dir, 'build');
  fs.cpSync(path.join(root, 'lib'), path.join(build, 'lib'), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(build, 'package.json'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(build, 'node_modules'));
  return path.join(build, 'lib', 'cli', 'main.js');
}

const role = (i) => `arn:aws:iam::111122223333:role/teams/t${i}`;

/** The maps and ConfigMaps measured, as text for N principals. */
const CASES = [
  {
    id: 'validate, one policy per principal',
    command: 'validate',
    file: 'map.yaml',
    text: (n) => ['principals:', ...range(n).flatMap((i) => [
      `  ${role(i)}:`,
      '    accessPolicies:',
      '      - policy: AmazonEKSViewPolicy',
      '        accessScope: {type: cluster}',
    ])],
  },
  {
    // About 220 bytes a principal: 21,000 of them stay under the CLI's 5 MiB.
    id: 'validate, a richer map (username, a group, a policy in two namespaces)',
    command: 'validate',
    file: 'map.yaml',
    text: (n) => ['principals:', ...range(n).flatMap((i) => [
      `  ${role(i)}:`,
      `    username: t${i}:{{SessionName}}`,
      `    kubernetesGroups: [g${i}]`,
      '    accessPolicies:',
      `    - {policy: AmazonEKSEditPolicy, accessScope: {type: namespace, namespaces: [n${i}, s-*]}}`,
    ])],
  },
  {
    id: 'migrate, an aws-auth ConfigMap of role mappings',
    command: 'migrate',
    file: 'aws-auth.yaml',
    text: (n) => ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: aws-auth', '  namespace: kube-system', 'data:', '  mapRoles: |',
      ...range(n).flatMap((i) => [`    - rolearn: ${role(i)}`, `      username: t${i}:{{SessionName}}`, `      groups: [g${i}, ro]`])],
  },
];

function range(n) { return Array.from({ length: n }, (_, i) => i); }
const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function measure(kase, n) {
  const file = path.join(dir, `${kase.command}-${CASES.indexOf(kase)}-${n}-${kase.file}`);
  if (!fs.existsSync(file)) { fs.writeFileSync(file, kase.text(n).join('\n') + '\n'); }
  const result = path.join(dir, 'result.json');
  try {
    execFileSync(process.execPath, ['--require', CHILD, BIN, kase.command, file], {
      env: { ...process.env, BENCH_CLI_OUT: result }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024,
    });
  } catch (e) {
    // Exit code 1: findings (a map of more than 3,000 principals breaks the EKS quota).
    if (e.status !== 1) { throw new Error(`${kase.command} ${file} exited ${e.status}: ${e.stderr}`); }
  }
  return { ...JSON.parse(fs.readFileSync(result, 'utf8')), bytes: fs.statSync(file).size };
}

const started = Date.now();
const allSizes = [1, ...sizes];
const samples = new Map(CASES.map((c) => [c, new Map(allSizes.map((n) => [n, []]))]));
for (let r = 0; r < runs; r++) {
  for (const kase of CASES) {
    // Each run starts at another size, so that no size always comes first.
    for (let i = 0; i < allSizes.length; i++) {
      const n = allSizes[(i + r) % allSizes.length];
      samples.get(kase).get(n).push(measure(kase, n));
    }
  }
  process.stderr.write(`run ${r + 1} of ${runs} done (${Math.round((Date.now() - started) / 1000)} s)\n`);
}

const lines = [
  '# CLI benchmark',
  '',
  `Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}.`,
  `Medians of ${runs} runs, each in a fresh process; run ${new Date().toISOString().slice(0, 10)}, ${Math.round((Date.now() - started) / 1000)} s in all, by \`node bench/cli.js${process.argv.slice(2).map((a) => ` ${a}`).join('')}\`.`,
  'CPU is the process\'s user + system time, wall its time from start to exit. "Per principal" takes off the time of the same command on a map of one principal (starting Node, loading the modules); the ratio is per principal at N ÷ per principal at the smallest size.',
  '',
  '| command and map | N | file bytes | CPU ms | wall ms | peak RSS MB | CPU µs per principal | wall µs per principal | ÷ smallest (CPU / wall) |',
  '|---|---|---|---|---|---|---|---|---|',
];
for (const kase of CASES) {
  const bySize = samples.get(kase);
  const base = { cpu: median(bySize.get(1).map((s) => s.cpuMs)), wall: median(bySize.get(1).map((s) => s.wallMs)) };
  let first;
  for (const n of sizes) {
    const list = bySize.get(n);
    const cpu = median(list.map((s) => s.cpuMs));
    const wall = median(list.map((s) => s.wallMs));
    const per = { cpu: (1000 * (cpu - base.cpu)) / n, wall: (1000 * (wall - base.wall)) / n };
    first = first ?? per;
    lines.push(`| ${kase.id} | ${n} | ${list[0].bytes} | ${cpu.toFixed(0)} | ${wall.toFixed(0)} | ${median(list.map((s) => s.peakRssMb)).toFixed(0)} | ${per.cpu.toFixed(1)} | ${per.wall.toFixed(1)} | ${(per.cpu / first.cpu).toFixed(2)}× / ${(per.wall / first.wall).toFixed(2)}× |`);
  }
  lines.push(`| ${kase.id}: one principal (the start) | 1 | ${bySize.get(1)[0].bytes} | ${base.cpu.toFixed(0)} | ${base.wall.toFixed(0)} | | | | |`);
}
fs.writeFileSync(out, lines.join('\n') + '\n');
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(fs.readFileSync(out, 'utf8'));
