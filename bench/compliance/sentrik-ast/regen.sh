#!/usr/bin/env bash
# Regenerate expected.json by running sentrik on corpus/ with only the
# cpp-coding-standards pack, keeping the 8 `type: ast` rules (CPP-AST-*).
# Usage: bench/compliance/sentrik-ast/regen.sh [SENTRIK_BIN]
# Default SENTRIK_BIN: /tmp/sentrik-venv/bin/sentrik, created with
#   python3.11 -m venv /tmp/sentrik-venv
#   /tmp/sentrik-venv/bin/pip install "sentrik[treesitter]==1.5.127"
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-/tmp/sentrik-venv/bin/sentrik}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# sentrik uses the git toplevel (or cwd) as the scan root, writes .sentrik/ and
# an output dir there, and skips dirs named tmp/out/build/...; so scan a copy of
# the corpus from a directory that is not inside a git repository.
mkdir -p "$work/root"
cp -R "$here/corpus/." "$work/root/"
sed "s#^standards_packs:#output_dir: $work/out\nstandards_packs:#" \
    "$here/sentrik-config.yaml" > "$work/config.yaml"
(cd "$work/root" && SENTRIK_TELEMETRY=0 COLUMNS=120 \
    "$bin" scan --config "$work/config.yaml" > "$work/scan.log" 2>&1) || true
test -s "$work/out/findings.json" || { cat "$work/scan.log"; exit 1; }
python3 - "$work/out/findings.json" "$here/expected.json" <<'PY'
import json, sys
found = json.load(open(sys.argv[1]))
rows = sorted(
    {(f["evidence"]["file"], f["evidence"]["lines"][0], f["rule_id"])
     for f in found if f["rule_id"].startswith("CPP-AST-")})
with open(sys.argv[2], "w") as out:
    out.write("[\n")
    out.write(",\n".join(
        json.dumps({"rule_id": r, "file": f, "line": l}) for f, l, r in rows))
    out.write("\n]\n")
print(f"{len(rows)} CPP-AST findings -> {sys.argv[2]}")
PY
