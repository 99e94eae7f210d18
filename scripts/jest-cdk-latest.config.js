// The jest config of the second test run: the whole suite against the newest aws-cdk-lib
// 2.x, installed outside the lockfile by scripts/install-cdk-latest.sh into
// $CDK_LATEST_DIR. It is package.json's jest config (the floor run) with aws-cdk-lib and
// constructs mapped to that folder, no coverage, and its own junit report.
//
// jest resolves modules itself, so NODE_PATH cannot move it off the repository's
// node_modules; moduleNameMapper can. The processes the tests spawn (the compiled CLI,
// the scripts) get the same redirection from scripts/cdk-latest-resolve.js in NODE_OPTIONS.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dir = process.env.CDK_LATEST_DIR;
if (!dir || !fs.existsSync(path.join(dir, 'node_modules', 'aws-cdk-lib', 'package.json'))) {
  throw new Error('CDK_LATEST_DIR must name a folder where scripts/install-cdk-latest.sh installed aws-cdk-lib');
}
const modules = path.join(path.resolve(dir), 'node_modules');
const base = require(path.join(root, 'package.json')).jest;

module.exports = {
  ...base,
  rootDir: root,
  // Only the folders that hold tests: CI runs this while the package step writes dist/.
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/projenrc'].filter((r) => fs.existsSync(r.replace('<rootDir>', root))),
  collectCoverage: false,
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^(aws-cdk-lib|constructs)$': path.join(modules, '$1'),
    '^(aws-cdk-lib|constructs)/(.*)$': path.join(modules, '$1', '$2'),
  },
  reporters: [
    'default',
    ['jest-junit', { outputDirectory: 'test-reports', outputName: 'junit-cdk-latest.xml' }],
  ],
};
