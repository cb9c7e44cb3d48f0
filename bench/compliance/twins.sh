#!/usr/bin/env bash
# Clause statuses of the compliance twins (tests/fixtures/compliance/twins) under two sentra
# binaries, side by side: `bench/compliance/twins.sh OLD_SENTRA NEW_SENTRA`. Prints a
# Markdown table of summary counts per twin and pack.
set -euo pipefail
old=$1 new=$2
cd "$(dirname "$0")/../../tests/fixtures/compliance/twins"
summary() {
  (cd "$2" && "$1" compliance-report . --pack "$3" --format json --exit-zero 2>/dev/null || "$1" compliance-report . --pack "$3" --format json 2>/dev/null) |
    python3 -c '
import json, sys
s = json.load(sys.stdin)["summary"]
print("/".join(str(s.get(k, "-")) for k in ("failing", "not_assessed", "open", "passing", "not_applicable")))'
}
echo "| twin | pack | before (failing/not assessed/open/passing/n.a.) | after |"
echo "|---|---|---|---|"
for t in billing-insecure billing-fixed billing-node billing-node-fixed billing-java billing-java-fixed pump-firmware pump-firmware-documented pump-firmware-fixed leaked-keys; do
  for p in soc2 pci-dss hipaa iso-27001 fda-iec-62304; do
    echo "| $t | $p | $(summary "$old" "$t" "$p") | $(summary "$new" "$t" "$p") |"
  done
done
