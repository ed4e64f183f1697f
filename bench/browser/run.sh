#!/usr/bin/env bash
# Browser-robot benchmark: seconds per 問診 entry (warm and cold browser) and entries per minute
# with 1 and 2 robots, against the sandbox EMR on 127.0.0.1. Prints a Markdown table and leaves
# it in workers/browser/target/benchmarks/browser.md for docs/benchmarks.md.
# Sizes: TSUMUGI_BENCH_COLD (3), TSUMUGI_BENCH_WARM (12), TSUMUGI_BENCH_ENTRIES (16).
set -euo pipefail
cd "$(dirname "$0")/../.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
bin/setup
./mvnw -B -ntp -q -pl workers/browser -am verify -Dtest=BrowserBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtsumugi.bench=true \
  -Dtsumugi.bench.cold="${TSUMUGI_BENCH_COLD:-3}" \
  -Dtsumugi.bench.warm="${TSUMUGI_BENCH_WARM:-12}" \
  -Dtsumugi.bench.entries="${TSUMUGI_BENCH_ENTRIES:-16}"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(chromium --version 2>/dev/null | head -1)"
cat workers/browser/target/benchmarks/browser.md
