import { cpuTimes, resetCpuTimes, timed } from '../../src/private/cpu-time';

/** Burns real CPU until the process has used `micros` more of it. */
function spin(micros: number): void {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if (used.user + used.system >= micros) { return; }
  }
}

describe('timed and cpuTimes', () => {
  // A fake process.cpuUsage: `clock` is the process's CPU time in µs, split 3:1 between
  // user and system, so the sums below are exact.
  let clock = 0;
  const fake = (previous?: NodeJS.CpuUsage): NodeJS.CpuUsage => {
    const now = { user: clock * 0.75, system: clock * 0.25 };
    return previous ? { user: now.user - previous.user, system: now.system - previous.system } : now;
  };
  const advance = (micros: number) => { clock += micros; };

  beforeEach(() => {
    clock = 0;
    resetCpuTimes();
    jest.spyOn(process, 'cpuUsage').mockImplementation(fake);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    resetCpuTimes();
  });

  test('starts at 0 for every phase', () => {
    expect(cpuTimes()).toEqual({ normalize: 0, rules: 0, report: 0 });
  });

  test('returns the value of the work', () => {
    const value = { some: 'thing' };
    expect(timed('rules', () => value)).toBe(value);
    expect(timed('normalize', () => 42)).toBe(42);
  });

  test('adds user and system time, and accumulates across calls', () => {
    timed('rules', () => advance(100));
    timed('rules', () => advance(40));
    timed('report', () => advance(7));
    advance(1000); // outside any timed call: counted nowhere
    expect(cpuTimes()).toEqual({ normalize: 0, rules: 140, report: 7 });
  });

  test('rethrows the error of the work unchanged, and still records its time', () => {
    const error = new Error('boom');
    expect(() => timed('normalize', () => {
      advance(25);
      throw error;
    })).toThrow(error);
    expect(cpuTimes().normalize).toBe(25);
    // Still usable after a throw: nesting state is back to normal.
    timed('normalize', () => advance(5));
    expect(cpuTimes().normalize).toBe(30);
  });

  test('a nested call counts only for the inner phase', () => {
    timed('report', () => {
      advance(10);
      timed('rules', () => {
        advance(30);
        timed('normalize', () => advance(5));
      });
      advance(20);
    });
    expect(cpuTimes()).toEqual({ normalize: 5, rules: 30, report: 30 });
  });

  test('a nested call that throws still leaves the outer phase its own time', () => {
    timed('report', () => {
      advance(10);
      try {
        timed('rules', () => { advance(15); throw new Error('inner'); });
      } catch { /* expected */ }
      advance(1);
    });
    expect(cpuTimes()).toEqual({ normalize: 0, rules: 15, report: 11 });
  });

  test('returns a frozen copy, not the live totals', () => {
    const before = cpuTimes();
    timed('rules', () => advance(3));
    expect(before.rules).toBe(0);
    expect(Object.isFrozen(before)).toBe(true);
    expect(cpuTimes().rules).toBe(3);
  });

  test('resetCpuTimes sets every phase back to 0', () => {
    timed('normalize', () => advance(1));
    timed('rules', () => advance(2));
    timed('report', () => advance(3));
    resetCpuTimes();
    expect(cpuTimes()).toEqual({ normalize: 0, rules: 0, report: 0 });
  });
});

test('measures real CPU time with the real process.cpuUsage', () => {
  resetCpuTimes();
  timed('rules', () => spin(2000));
  const { rules, normalize, report } = cpuTimes();
  expect(rules).toBeGreaterThanOrEqual(2000);
  expect(rules).toBeLessThan(2_000_000);
  expect(normalize).toBe(0);
  expect(report).toBe(0);
  resetCpuTimes();
});
