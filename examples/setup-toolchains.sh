#!/usr/bin/env bash
# Installs the componentizers the Python and JavaScript example packs build with, from the
# package registries only (PyPI and npm), into places the build ignores:
#   target/pack-toolchains/venv   componentize-py (a self-contained wheel: CPython in Wasm)
#   examples/js-pack/node_modules @bytecodealliance/componentize-js, pinned by package-lock.json
# Neither fetches anything else when it builds a component (no network at build time).
# And the peer the compatibility tests compare with, from PyPI:
#   target/pack-toolchains/sentrik-venv  sentrik with its tree-sitter extra (its packs are
#   read from the installed wheel, never copied into this repository: they are not ours)
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
SENTRIK_VERSION=1.5.127
sentrik_venv=target/pack-toolchains/sentrik-venv
if ! "$sentrik_venv/bin/pip" show sentrik 2>/dev/null | grep -qx "Version: $SENTRIK_VERSION"; then
  echo "installing sentrik $SENTRIK_VERSION (with tree-sitter) into $sentrik_venv"
  python3 -m venv "$sentrik_venv"
  "$sentrik_venv/bin/pip" install --quiet --disable-pip-version-check "sentrik[treesitter]==$SENTRIK_VERSION"
fi
