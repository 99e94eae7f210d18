#!/usr/bin/env bash
# Installs the newest aws-cdk-lib 2.x (and the newest constructs 10.x) into a folder outside
# the repository and outside the lockfile, for the second test run
# (scripts/test-cdk-latest.sh). Same approach as bench/setup-latest.sh. Prints the folder
# and the version. Usage: install-cdk-latest.sh [folder] (default: $CDK_LATEST_DIR, else
# ${TMPDIR:-/tmp}/eks-access-manager-cdk-latest). CDK_LATEST_VERSION pins a version instead.
set -euo pipefail
dir=${1:-${CDK_LATEST_DIR:-${TMPDIR:-/tmp}/eks-access-manager-cdk-latest}}
# The newest 2.x, not dist-tag `latest` (a 3.x would be a different major).
version=${CDK_LATEST_VERSION:-$(npm view 'aws-cdk-lib@2' version --json | node -e '
  const v = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const all = (Array.isArray(v) ? v : [v]).filter((x) => /^2\.\d+\.\d+$/.test(x));
  const n = (x) => x.split(".").map(Number);
  all.sort((a, b) => n(a)[1] - n(b)[1] || n(a)[2] - n(b)[2]);
  if (!all.length) process.exit(1);
  console.log(all[all.length - 1]);
')}
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"eks-access-manager-cdk-latest","private":true}' > package.json
installed=$(node -p "try { require('./node_modules/aws-cdk-lib/package.json').version } catch { '' }")
if [ "$installed" != "$version" ]; then
  npm install --no-audit --no-fund --no-save --loglevel=error "aws-cdk-lib@$version" 'constructs@^10' > /dev/null
fi
installed=$(node -p "require('./node_modules/aws-cdk-lib/package.json').version")
[ "$installed" = "$version" ] || { echo "installed aws-cdk-lib $installed, wanted $version" >&2; exit 1; }
echo "$(pwd): aws-cdk-lib $installed, constructs $(node -p "require('./node_modules/constructs/package.json').version")"
