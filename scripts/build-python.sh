#!/usr/bin/env bash
# Builds the Python wheel and sdist from the sources jsii-pacmak generated, with Debian's
# python3-build and twine: jsii-pacmak's own Python build pip-installs its tools from
# PyPI, which these machines cannot reach. Without python3-build, it says so and skips,
# except in CI (CI=true), where .ci/run installs it and a missing tool is an error.
set -euo pipefail
src=${1:-dist/bindings/python}
out=${2:-dist/python}
python=/usr/bin/python3
if ! "$python" -c 'import build' 2>/dev/null || ! command -v twine >/dev/null; then
  if [ -n "${CI:-}" ]; then
    echo "python3-build and twine are required in CI (apt-get install python3-build twine)" >&2
    exit 1
  fi
  echo "skipping the Python wheel: install Debian's python3-build and twine to build it"
  exit 0
fi
rm -rf "$out"
# --no-isolation and --skip-dependency-check: use the system's setuptools instead of
# downloading the pinned one the generated pyproject.toml asks for.
"$python" -m build --no-isolation --skip-dependency-check --outdir "$out" "$src" > "$out.log" 2>&1 || { cat "$out.log"; exit 1; }
twine check --strict "$out"/*
ls -l "$out"
