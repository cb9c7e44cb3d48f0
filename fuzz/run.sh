#!/usr/bin/env bash
# Runs every cargo-fuzz target for a fixed time each (default 60 s), starting from the
# committed seeds. Needs a nightly toolchain (libFuzzer's instrumentation); not part of
# .ci/run, whose pinned stable toolchain instead replays fuzz/seeds and fuzz/regressions
# through the same target bodies (host/fuzz-targets/tests/regressions.rs).
#
#   fuzz/run.sh              every target, 60 s each
#   fuzz/run.sh 600 glob     one target, ten minutes
#
# A crash is saved by libFuzzer under target/fuzz/artifacts/<target>/; minimise it
# (`cargo +nightly fuzz tmin <target> <file>`), copy it to fuzz/regressions/<target>/,
# fix the code, and the ordinary test suite keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(pack_yaml config inline_suppression glob component renderers)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export CARGO_TARGET_DIR=$PWD/target/fuzz
# Safe Rust throughout (sqlite is not linked here): AddressSanitizer adds build time and
# finds nothing the panics and libFuzzer's own checks do not; -s none keeps builds short.
cargo +nightly fuzz build -O -s none --fuzz-dir fuzz
status=0
for t in "${targets[@]}"; do
  corpus=target/fuzz/corpus/$t
  mkdir -p "$corpus" "target/fuzz/artifacts/$t"
  cp -n fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null || true
  cp -n fuzz/regressions/"$t"/* "$corpus"/ 2>/dev/null || true
  echo "== $t for ${seconds}s"
  if ! cargo +nightly fuzz run -O -s none --fuzz-dir fuzz "$t" "$corpus" -- \
      -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=30 \
      -artifact_prefix="target/fuzz/artifacts/$t/" -print_final_stats=1 2>&1 | tee "target/fuzz/$t.log" | grep -E "^(#[0-9]+\s+DONE|==[0-9]+==|SUMMARY|stat::number_of_executed_units|stat::peak_rss_mb|Done)" ; then
    :
  fi
  if [ -n "$(find "target/fuzz/artifacts/$t" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) -print -quit)" ]; then
    echo "!! $t: see target/fuzz/artifacts/$t/"
    status=1
  fi
done
exit $status
