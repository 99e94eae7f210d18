// Why this exists: the benchmark (bench/child.js) reads these figures after one
// construct + synth, from the same copy of the library it loaded, to print how much of the
// CPU time a user waits for is this library's own work (normalizing the map, running the
// rules, writing the access report) rather than aws-cdk-lib's. Nothing in the library reads
// them. The cost is two `process.cpuUsage()` calls per `timed` call (about a microsecond
// each), and `timed` wraps whole loops, never one entry, so a synth pays a few µs in all.

/** A part of this library's own work whose CPU time is accumulated. */
export type CpuPhase = 'normalize' | 'rules' | 'report';

const PHASES: readonly CpuPhase[] = ['normalize', 'rules', 'report'];

/** CPU microseconds (user + system) accumulated per phase since the last reset. */
const totals: Record<CpuPhase, number> = { normalize: 0, rules: 0, report: 0 };

/**
 * CPU microseconds spent, so far, in `timed` calls nested inside the one running now. Each
 * call counts only its own (exclusive) time, so that a phase called from inside another is
 * not counted twice and the phases can be added up.
 */
let nestedMicros = 0;

/**
 * Runs `work` and adds the CPU time (user + system, from `process.cpuUsage()`) it took to
 * `phase`'s total. Returns what `work` returns; if `work` throws, the time is still
 * recorded and the error is rethrown unchanged.
 *
 * Time spent in a `timed` call nested inside this one goes to the inner phase only, so the
 * totals never count the same microsecond twice.
 *
 * `process.cpuUsage()` counts the whole process (every thread, garbage collection
 * included), as does the benchmark's own measure of construct + synth, so the shares it
 * prints compare like with like.
 *
 * @param phase which total the time goes to
 * @param work the work to measure; call this around a whole loop, never per entry
 */
export function timed<T>(phase: CpuPhase, work: () => T): T {
  const outerNested = nestedMicros;
  nestedMicros = 0;
  const start = process.cpuUsage();
  try {
    return work();
  } finally {
    const used = process.cpuUsage(start);
    const micros = used.user + used.system;
    totals[phase] += Math.max(0, micros - nestedMicros);
    nestedMicros = outerNested + micros;
  }
}

/**
 * The CPU microseconds (user + system) accumulated per phase since the process started or
 * since the last `resetCpuTimes()`: a copy, with every phase present (0 when never timed).
 */
export function cpuTimes(): Readonly<Record<CpuPhase, number>> {
  return Object.freeze({ ...totals });
}

/** Sets every phase's total back to 0. */
export function resetCpuTimes(): void {
  for (const phase of PHASES) {
    totals[phase] = 0;
  }
  nestedMicros = 0;
}
