#!/usr/bin/env bash
# Runs the engine benchmark on every database and worker-thread count, side by side in one run,
# and prints Markdown rows for docs/benchmarks.md. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LANG=C.UTF-8
./mvnw -B -ntp -q -DskipTests install -pl bench/engine -am
cp=$(./mvnw -B -ntp -q -pl bench/engine dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
instances=${INSTANCES:-5000}
for db in h2mem h2file postgres; do
  for process in one-task three-tasks; do
    for threads in 1 2; do
      java -Xmx2g -cp "bench/engine/target/classes:$cp" org.tsumugi.bench.EngineBenchmark \
        "$db" "$process" "$threads" "$instances"
    done
  done
done
