#!/usr/bin/env bash
# Runs the engine benchmark on every database and worker-thread count, side by side in one run,
# and prints Markdown rows for docs/benchmarks.md. Not part of the tests.
# Columns: database, process, worker threads, warm-up instances (not measured), instances, instances/s, CPU ms per instance (saturated; the whole process and the PostgreSQL
# server), writer thread busy (saturated), JIT compile ms during the saturated phase, p50/p99 ms saturated,
# p50/p99 ms at 100/s, GC time (ms) during the 100/s phase.
#
#   INSTANCES=20000                instances measured per row
#   WARMUP=20000                   instances run first, unmeasured, so the JIT compilers are done
#   DATABASES="h2mem h2file postgres", PROCESSES="one-task three-tasks", THREADS="1 2": narrow the rows
#   BASELINE=<git revision>        also run that revision's engine, each of its rows just before the same
#                                  row of the current engine, so both see the same load on a shared machine
#   JAVA_OPTS="..."                JVM options of both, e.g. -XX:MaxGCPauseMillis=20 (G1's default goal is
#                                  200 ms; its young pauses reach the p99 at 100/s)
set -euo pipefail
cd "$(dirname "$0")/../.."
export LANG=C.UTF-8
./mvnw -B -ntp -q -DskipTests install -pl bench/engine -am
cp=$(./mvnw -B -ntp -q -pl bench/engine dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
instances=${INSTANCES:-20000}
warmup=${WARMUP:-20000}

baseline_cp=""
if [[ -n "${BASELINE:-}" ]]; then
  base=$(mktemp -d)
  trap 'rm -rf "$base"' EXIT
  git archive "$BASELINE" pom.xml .mvn mvnw engine | tar -x -C "$base"
  (cd "$base" && ./mvnw -B -ntp -q -f engine/pom.xml package -DskipTests)
  others=$(tr ':' '\n' <<<"$cp" | grep -v '/tsumugi-engine-' | paste -sd: -)
  baseline_cp="bench/engine/target/classes:$base/engine/target/tsumugi-engine-0.1.0-SNAPSHOT.jar:$others"
fi

for db in ${DATABASES:-h2mem h2file postgres}; do
  for process in ${PROCESSES:-one-task three-tasks}; do
    for threads in ${THREADS:-1 2}; do
      if [[ -n "$baseline_cp" ]]; then
        java -Xmx2g ${JAVA_OPTS:-} -cp "$baseline_cp" org.tsumugi.bench.EngineBenchmark "$db" "$process" "$threads" "$instances" \
          "$warmup" "before ($BASELINE)"
      fi
      java -Xmx2g ${JAVA_OPTS:-} -cp "bench/engine/target/classes:$cp" org.tsumugi.bench.EngineBenchmark \
        "$db" "$process" "$threads" "$instances" "$warmup"
    done
  done
done
