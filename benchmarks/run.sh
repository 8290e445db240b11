#!/usr/bin/env bash
# Builds the component and the benchmarks, runs JMH (-prof gc), the load driver and the startup timer, and
# regenerates the figures of docs/performance.md (tables and chart). Run from anywhere:
#   bash benchmarks/run.sh [--quick | --startup]
#   --quick     one short round per phase and a 400-call rate-limit job: checks the suite works, numbers are rough
#   --pipeline  only the pipeline operations at scale (PipelineBench): cancelBatch of 10,000 runs through a 75
#               writes/s limit, 1,000 exchanges waiting at once, a streaming listing of 100,000 runs; rewrites the
#               pipeline block of docs/performance.md. With --quick before or after it: 200 runs at 200 writes/s, 50
#               waiting exchanges, 5,000 listed runs, results in benchmarks/target/results only (docs untouched).
#               PipelineBench options may follow, e.g. --batch-tries 2
#   --startup   only the startup of examples/cancel-runs (StartupTimer): compiles the timer with javac, and
#               ./run-example builds the jar and its archive when they are stale; StartupTimer options may follow,
#               e.g. --rounds 11
#   --mapping   only MappingBenchmark (-prof gc, CpuProfiler): mapping a WorkflowRun body beside a JSON tree parse;
#               builds the benchmarks against this checkout's component in one reactor build (nothing installed);
#               JMH options may follow, e.g. -f 1 -wi 5 -i 5 or -p fixture=cancelled
# Otherwise extra load-driver options may follow, e.g. --rounds 7 (see LoadDriver).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=benchmarks/target/results
MVN="./mvnw -B -q"
[ "${OFFLINE:-}" = 1 ] && MVN="$MVN -o"

quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; shift; fi
pipeline=0
if [ "${1:-}" = "--pipeline" ]; then
  pipeline=1; shift
  if [ "${1:-}" = "--quick" ]; then quick=1; shift; fi
fi

if [ "${1:-}" = "--startup" ]; then
  shift
  echo "== startup of examples/cancel-runs: (a) java -jar, (b) ./run-example, interleaved"
  # StartupTimer needs only the JDK (and two helpers of its own package): no Maven build of the suite for it
  CLASSES=benchmarks/target/startup-classes
  mkdir -p "$CLASSES" "$OUT"
  javac -d "$CLASSES" --release 17 benchmarks/src/main/java/dev/camelextend/bench/{StartupTimer,Machine,JvmStats}.java
  java -cp "$CLASSES" dev.camelextend.bench.StartupTimer --out "$OUT" --docs docs "$@" | tee "$OUT/startup.txt"
  echo "== done: $OUT/startup.md and the startup table of docs/performance.md updated"
  exit 0
fi

if [ "${1:-}" = "--mapping" ]; then
  shift
  echo "== build the component and the benchmarks (tests skipped), one reactor build: nothing is installed"
  $MVN -DskipTests -Dbenchmarks.jar.phase=package package -pl :camel-extend-benchmarks -am
  mkdir -p "$OUT"
  echo "== JMH: MappingBenchmark, time, CPU time and allocation per mapped body"
  if [ $quick = 1 ]; then MAPPING_OPTS="-wi 2 -i 2 -w 1 -r 1"; else MAPPING_OPTS=""; fi
  java -jar benchmarks/target/benchmarks.jar MappingBenchmark -prof gc -prof dev.camelextend.bench.CpuProfiler \
      $MAPPING_OPTS "$@" \
      -rf json -rff "$OUT/mapping.json" | tee "$OUT/mapping.txt"
  echo "== done: $OUT/mapping.txt and $OUT/mapping.json (docs/performance.md is not touched)"
  exit 0
fi

echo "== build the simulator and the component (tests skipped: run ./mvnw verify for those)"
$MVN -DskipTests package -pl :camel-extend,:camel-extend-simulator -am
# Install the fresh jars under a version of their own: other checkouts on this machine install 0.1.0-SNAPSHOT
# into the same ~/.m2, and must not swap the code under test.
$MVN -N install:install-file -Dfile=target/camel-extend-0.1.0-SNAPSHOT.jar -DgroupId=dev.camelextend \
    -DartifactId=camel-extend -Dversion=0.1.0-bench -Dpackaging=jar -DgeneratePom=true
$MVN -N install:install-file -Dfile=simulator/target/camel-extend-simulator-0.1.0-SNAPSHOT.jar \
    -DgroupId=dev.camelextend -DartifactId=camel-extend-simulator -Dversion=0.1.0-bench -Dpackaging=jar \
    -DgeneratePom=true
echo "== build the benchmarks (and run their sanity tests)"
$MVN -f benchmarks/pom.xml -Dcamel-extend.version=0.1.0-bench -Dbenchmarks.jar.phase=package package
mkdir -p "$OUT"
JAVA="java -Djava.awt.headless=true"

if [ $pipeline = 1 ]; then
  if [ "$(id -u)" = 0 ]; then SIM_NICE=${SIM_NICE:--10}; else SIM_NICE=0; fi
  if [ $quick = 1 ]; then PIPELINE_OPTS="--quick"; else PIPELINE_OPTS="--docs docs"; fi
  echo "== pipeline operations: cancelBatch through a write limit, waiting exchanges, a streaming listing"
  $JAVA -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.camelextend.bench.PipelineBench $PIPELINE_OPTS \
      --out "$OUT" --simulator-nice "$SIM_NICE" "$@" 2> "$OUT/pipeline-stderr.log" | tee "$OUT/pipeline.txt"
  echo "== done: $OUT/pipeline.md$([ $quick = 1 ] || echo ' and the pipeline block of docs/performance.md') updated"
  exit 0
fi

# The rate-limit job measures how requests are spaced when the server counts them. On a busy machine a server starved
# of CPU counts late and in bunches; as root, the simulator process runs at nice -10 to stand in for a server on a
# machine of its own (SIM_NICE=0 turns that off). The clients always run at normal priority.
if [ "$(id -u)" = 0 ]; then SIM_NICE=${SIM_NICE:--10}; else SIM_NICE=0; fi

if [ $quick = 1 ]; then
  JMH_OPTS="-wi 1 -i 2 -w 1 -r 1"
  DRIVER_OPTS="--rounds 1 --warmup-ms 500 --measure-ms 1000 --ratelimit-runs 400"
else
  JMH_OPTS=""
  DRIVER_OPTS=""
fi

echo "== JMH: time and allocation per call (-prof gc)"
$JAVA -jar benchmarks/target/benchmarks.jar CancelBenchmark -prof gc $JMH_OPTS \
    -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.txt"

echo "== load driver: stub check, a/b/c interleaved, 1,000 in flight, retries, rate limit"
$JAVA -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.camelextend.bench.LoadDriver \
    --out "$OUT" --jmh "$OUT/jmh.json" --docs docs --simulator-nice "$SIM_NICE" $DRIVER_OPTS "$@" 2> "$OUT/driver-stderr.log" | tee "$OUT/driver.txt"
echo "== startup of examples/cancel-runs: (a) java -jar, (b) ./run-example, interleaved"
if [ $quick = 1 ]; then STARTUP_OPTS="--rounds 2"; else STARTUP_OPTS=""; fi
$JAVA -cp benchmarks/target/benchmarks.jar dev.camelextend.bench.StartupTimer --out "$OUT" --docs docs $STARTUP_OPTS \
    | tee "$OUT/startup.txt"
echo "== done: $OUT/results.md, $OUT/startup.md, docs/performance.md and docs/performance-chart.png updated"
