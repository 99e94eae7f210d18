#!/usr/bin/env bash
# The test suite against the newest aws-cdk-lib 2.x, installed outside the lockfile
# (scripts/install-cdk-latest.sh; CDK_LATEST_DIR names the folder, CDK_LATEST_VERSION pins
# a version). jest maps aws-cdk-lib and constructs there (scripts/jest-cdk-latest.config.js),
# and so does every Node process the tests spawn (scripts/cdk-latest-resolve.js). No
# coverage; the junit report is test-reports/junit-cdk-latest.xml. Needs a compiled lib/
# (`npx projen compile`, which `npx projen test` runs first). Extra arguments go to jest
# (`--maxWorkers=1`, a test file).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
export CDK_LATEST_DIR=${CDK_LATEST_DIR:-${TMPDIR:-/tmp}/eks-access-manager-cdk-latest}
bash "$repo/scripts/install-cdk-latest.sh" "$CDK_LATEST_DIR"
CDK_LATEST_VERSION=$(node -p "require('$CDK_LATEST_DIR/node_modules/aws-cdk-lib/package.json').version")
export CDK_LATEST_VERSION
# aws-cdk-lib 2.262+ validates every synthesized template itself (about +1 s per synth,
# findings printed as warnings). Off here: the suite finds the same failures with it on,
# three times slower and with a report printed for every test stack without resources.
# test/aws-cdk-lib-version.test.ts turns it on to check the templates the library makes.
# CDK_VALIDATION=true runs the whole suite with it.
export CDK_VALIDATION=${CDK_VALIDATION:-false}
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--require $repo/scripts/cdk-latest-resolve.js"
cd "$repo"
exec npx jest --ci --config scripts/jest-cdk-latest.config.js "$@"
