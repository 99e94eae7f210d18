// Jest for Stryker: the pure tests of the validation code (each rule, the engine, the
// finding format, the map checker), which run in milliseconds; the construct, property
// and CLI tests, which synthesize apps, would make every mutant take seconds. No
// coverage, no junit.
const base = require('./package.json').jest;

module.exports = {
  ...base,
  // The rule reference test reads each rule's summary and source.
  testMatch: ['<rootDir>/test/validation/**/*.test.ts', '<rootDir>/test/docs/**/*.test.ts'],
  collectCoverage: false,
  // In the runner's own process: a worker per run would reload ts-jest and aws-cdk-lib
  // for every mutant.
  maxWorkers: 1,
  reporters: ['default'],
};
