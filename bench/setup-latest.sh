#!/usr/bin/env bash
# Installs the latest aws-cdk-lib and this package (from its npm tarball in dist/js) into
# bench/latest, so the benchmark can also run with aws-cdk-lib's built-in template
# validation on and off. Needs the npm registry; not part of CI.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p latest
cd latest
[ -f package.json ] || echo '{"name":"bench-latest","private":true}' > package.json
tarball=$(ls ../../dist/js/eks-access-manager@*.tgz | head -n 1)
npm install --no-audit --no-fund --no-save aws-cdk-lib@latest constructs@^10 "$tarball" > /dev/null
echo "bench/latest: aws-cdk-lib $(node -p "require('./node_modules/aws-cdk-lib/package.json').version")"
