#!/usr/bin/env bash
# Runs the sandbox overhead benchmark (see bench/README.md). Arguments go to run.py.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/run.py "$@"
