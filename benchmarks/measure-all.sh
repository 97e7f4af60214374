#!/usr/bin/env bash
# Every number of docs/PERFORMANCE.md in one sitting, on a quiet machine (nothing else running).
#
#   bash benchmarks/measure-all.sh            (about 20 minutes on 2 cores)
#
# Builds the modules and the JMH jar, then runs the CPU-time runners (each prints wall and CPU
# time per operation) and the cmp cold-start script. The full JMH suites are separate and longer:
#   java -jar benchmarks/target/benchmarks.jar 'LoadBenchmark|RenderBenchmark' -f 1 -wi 3 -i 5
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$root"
mvn -B -q -DskipTests install 1>&2
jar=benchmarks/target/benchmarks.jar
run() { echo; echo "\$ java -cp $jar $*"; java -Xss8m -cp "$jar" "$@"; }
run dev.gitops.benchmarks.LoadCpuTime 1000 20 20
run dev.gitops.benchmarks.RenderCpuTime 200 7
# the render ratio's number of record: each side in its own JVMs (RenderCpuTime shares one JVM
# between them, and with it sjsonnet's compiled code), about 5 minutes
echo; echo "\$ java -jar $jar 'RenderBenchmark.synthetic' -f 3"
java -jar "$jar" 'RenderBenchmark.synthetic' -f 3 2>/dev/null | sed -n '/^Benchmark/,$p'
run dev.gitops.benchmarks.PolicyCpuTime 1000 3 5
run dev.gitops.benchmarks.StatusCpuTime 1000 3 5
run dev.gitops.benchmarks.TagWriteCpuTime 1000 100 8
echo; echo "\$ bash benchmarks/jsonnet-vs-sjsonnet.sh synthetic 200 15"
bash benchmarks/jsonnet-vs-sjsonnet.sh synthetic 200 15
# and on a real library when one is vendored at hand (docs/PERFORMANCE.md: kube-prometheus)
if [ -n "${JSONNET_LIBRARY:-}" ]; then
    echo; echo "\$ bash benchmarks/jsonnet-vs-sjsonnet.sh $JSONNET_LIBRARY ${JSONNET_MAIN:-example.jsonnet} 15"
    bash benchmarks/jsonnet-vs-sjsonnet.sh "$JSONNET_LIBRARY" "${JSONNET_MAIN:-example.jsonnet}" 15
fi
echo; echo "\$ bash benchmarks/cmp-startup.sh 10"
bash benchmarks/cmp-startup.sh 10
# The plugin image runs Java 25 with an AOT cache: measure that too when a Java 25+ is at hand
# (JAVA25_HOME, or one under /usr/lib/jvm).
j25=${JAVA25_HOME:-}
if [ -z "$j25" ]; then
    for d in /usr/lib/jvm/*; do
        if [ -x "$d/bin/java" ] && grep -qE '^JAVA_VERSION="(2[5-9]|[3-9][0-9])' "$d/release" 2>/dev/null; then j25=$d; break; fi
    done
fi
if [ -n "$j25" ]; then
    echo; echo "\$ JAVA_HOME=$j25 bash benchmarks/cmp-startup.sh 10"
    JAVA_HOME=$j25 bash benchmarks/cmp-startup.sh 10
fi
