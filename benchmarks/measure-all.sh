#!/usr/bin/env bash
# Every number of docs/PERFORMANCE.md in one sitting, on a quiet machine (nothing else running).
#
#   bash benchmarks/measure-all.sh            (about 10 minutes on 2 cores)
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
run dev.gitops.benchmarks.PolicyCpuTime 1000 3 5
run dev.gitops.benchmarks.StatusCpuTime 1000 3 5
run dev.gitops.benchmarks.TagWriteCpuTime 1000 100 8
echo; echo "\$ bash benchmarks/cmp-startup.sh 10"
bash benchmarks/cmp-startup.sh 10
