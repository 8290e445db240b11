#!/usr/bin/env bash
# Builds the component and the benchmarks, runs JMH (-prof gc) and the load driver, and regenerates the
# figures of docs/performance.md (tables and chart). Run from anywhere: bash benchmarks/run.sh [--quick]
#   --quick   one short round per phase and a 400-call rate-limit job: checks the suite works, numbers are rough
# Extra load-driver options may follow, e.g. --rounds 7 (see LoadDriver).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=benchmarks/target/results
MVN="./mvnw -B -q"
[ "${OFFLINE:-}" = 1 ] && MVN="$MVN -o"

quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; shift; fi

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
echo "== done: $OUT/results.md, docs/performance.md and docs/performance-chart.png updated"
