// Preloaded (node --require) into each CLI process that bench/cli.js times: when the
// process exits, it writes its own CPU time (user + system) and its wall time since the
// process started to the file named by BENCH_CLI_OUT. stdout and stderr stay the CLI's.
const fs = require('fs');
const { performance } = require('perf_hooks');

process.on('exit', () => {
  const cpu = process.cpuUsage();
  fs.writeFileSync(process.env.BENCH_CLI_OUT, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now(), peakRssMb: process.resourceUsage().maxRSS / 1024 }));
});
