// Preloaded with `NODE_OPTIONS=--require scripts/cdk-latest-resolve.js` during the test run
// against the newest aws-cdk-lib: every `require('aws-cdk-lib…')` or `require('constructs…')`
// made by Node itself (the compiled CLI and the scripts the tests spawn) resolves from
// $CDK_LATEST_DIR instead of the repository's node_modules. jest's own module registry
// does not go through here; scripts/jest-cdk-latest.config.js maps it.
const Module = require('module');
const path = require('path');

const dir = process.env.CDK_LATEST_DIR;
if (dir) {
  // Node looks in <each path>/node_modules, then in the folders above.
  const paths = [path.resolve(dir)];
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolveFromLatest(request, parent, isMain, options) {
    if (/^(aws-cdk-lib|constructs)(\/|$)/.test(request)) {
      return original.call(this, request, parent, isMain, { ...options, paths });
    }
    return original.call(this, request, parent, isMain, options);
  };
}
