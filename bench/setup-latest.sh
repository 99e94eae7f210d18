#!/usr/bin/env bash
# Installs the latest aws-cdk-lib and this package (from its npm tarball in dist/js) into
# a folder outside the repository (a second copy of this package inside it would be picked
# up by jsii-docgen), so the benchmark can also run with aws-cdk-lib's built-in template
# validation on and off. Needs the npm registry; not part of CI.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_LATEST_DIR:-${TMPDIR:-/tmp}/eks-access-manager-bench-latest}
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"bench-latest","private":true}' > package.json
tarball=$(ls "$repo"/dist/js/eks-access-manager@*.tgz | head -n 1)
npm install --no-audit --no-fund --no-save aws-cdk-lib@latest constructs@^10 "$tarball" > /dev/null
echo "$dir: aws-cdk-lib $(node -p "require('./node_modules/aws-cdk-lib/package.json').version")"
