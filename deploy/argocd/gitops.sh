#!/bin/sh
# The `gitops` command inside the plugin image (installed as /usr/local/bin/gitops).
# Fast start for one JVM per render: C1 only, SerialGC, no perf-data file, sjsonnet's parser left
# to the interpreter 20x longer (C1 spent ~120 ms compiling its huge generated methods for a parse
# that is over by then; a large vendor tree still gets them compiled), and the class archive
# recorded while the image was built with the image's own JVM:
#   gitops.aot  Java 25+ AOT cache (JEP 483/514/515: classes loaded and linked, method profiles)
#   gitops.jsa  AppCDS archive (Java 17-24)
# GITOPS_CDS_RECORD=<file> records one instead of using it: an AOT cache when the name ends in
# .aot (Java 25+ only), else an AppCDS archive. GITOPS_HOME moves /opt/gitops (for tests).
# GITOPS_JAVA_OPTS: more JVM options, after this script's own (e.g. -Xlog:class+load:file=/tmp/c.log).
# Every JVM message goes to stderr: stdout is the manifest stream Argo CD parses.
set -eu
# GITOPS_TIMINGS=1: the program's "jvm" phase then counts from here
if [ "${GITOPS_TIMINGS:-}" = 1 ] && [ -z "${GITOPS_T0:-}" ]; then
    GITOPS_T0=$(date +%s%N 2>/dev/null || true)
    export GITOPS_T0
fi
home=${GITOPS_HOME:-/opt/gitops}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
cp=$home/gitops-cli.jar
for f in "$home"/lib/*.jar; do
    cp="$cp:$f"
done
log=warning
# AOTCache/AOTCacheOutput refuse any -Xshare option; with them the JVM maps its own CDS archive anyway
case "${GITOPS_CDS_RECORD:-}" in
    "") if [ -f "$home/gitops.aot" ]; then
            cds="-XX:AOTCache=$home/gitops.aot"
        elif [ -f "$home/gitops.jsa" ]; then
            cds="-Xshare:auto -XX:SharedArchiveFile=$home/gitops.jsa"
        else
            cds="-Xshare:auto"
        fi ;;
    *.aot) cds="-XX:AOTCacheOutput=$GITOPS_CDS_RECORD"; log=error ;;
    *) cds="-Xshare:auto -XX:ArchiveClassesAtExit=$GITOPS_CDS_RECORD"; log=error ;;
esac
# shellcheck disable=SC2086 # $cds and GITOPS_JAVA_OPTS are lists of options
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:MaxRAMPercentage=60 \
    -XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,sjsonnet.Parser::*,20.0 \
    $cds -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=$log:stderr ${GITOPS_JAVA_OPTS:-} \
    -cp "$cp" dev.gitops.cli.Main "$@"
