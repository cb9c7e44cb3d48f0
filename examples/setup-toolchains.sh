#!/usr/bin/env bash
# Installs the componentizers the Python and JavaScript example packs build with, from the
# package registries only (PyPI and npm), into places the build ignores:
#   target/pack-toolchains/venv   componentize-py (a self-contained wheel: CPython in Wasm)
#   examples/js-pack/node_modules @bytecodealliance/componentize-js, pinned by package-lock.json
# Neither fetches anything else when it builds a component (no network at build time).
set -euo pipefail
cd "$(dirname "$0")/.."
COMPONENTIZE_PY_VERSION=0.17.2
venv=target/pack-toolchains/venv
if ! "$venv/bin/componentize-py" --version 2>/dev/null | grep -q "$COMPONENTIZE_PY_VERSION"; then
  echo "installing componentize-py $COMPONENTIZE_PY_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "componentize-py==$COMPONENTIZE_PY_VERSION"
fi
if [ ! -d examples/js-pack/node_modules/@bytecodealliance/componentize-js ]; then
  echo "installing componentize-js (npm ci) into examples/js-pack/node_modules"
  (cd examples/js-pack && npm ci --no-audit --no-fund --loglevel=error)
fi
