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
# The warm path: warm-client.pl (in place of this shell: no fork, no subshell) asks the render
# server in this sidecar (docs/ARGOCD.md, "Warm render server"); when it has no answer it has
# written nothing and runs this script again with GITOPS_WARM=0, the cold path below.
# GITOPS_WARM=0 turns it off; the training run (GITOPS_CDS_RECORD) never takes it.
if [ "$#" = 2 ] && [ "$1" = cmp ] && [ "$2" = generate ] && [ "${GITOPS_WARM:-1}" = 1 ] \
        && [ -z "${GITOPS_CDS_RECORD:-}" ] && [ -f "$home/warm-client.pl" ] && command -v perl >/dev/null 2>&1; then
    exec perl "$home/warm-client.pl" "$home" "$0"
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
cp=$home/gitops-cli.jar
for f in "$home"/lib/*.jar; do
    cp="$cp:$f"
done
# The warm render server (started by warm-client.pl): a long-lived JVM, so full JIT and a bounded
# heap (GITOPS_WARM_HEAP, default 512m) instead of the one-shot flags below; no class archive (it
# was recorded with those flags, and start-up is paid once).
# Its young generation is 9/16 of the heap (288m of 512m): a 500-service render allocates about
# 100 MiB, and with SerialGC's default third a collection fell inside nearly every render and
# copied its working set (docs/PERFORMANCE.md, "Warm server: young generation"). Other units or
# forms of GITOPS_WARM_HEAP keep the JVM's default; GITOPS_JAVA_OPTS=-Xmn... comes after and wins.
if [ "$#" = 2 ] && [ "$1" = cmp ] && [ "$2" = serve ]; then
    heap=${GITOPS_WARM_HEAP:-512m}
    young=
    case "${heap%?}" in
        "" | *[!0-9]*) ;;
        *) case "$heap" in
               *[mM]) young=$(( ${heap%?} * 9 / 16 ))m ;;
               *[gG]) young=$(( ${heap%?} * 1024 * 9 / 16 ))m ;;
           esac ;;
    esac
    # shellcheck disable=SC2086 # GITOPS_JAVA_OPTS is a list of options
    exec "$java" -XX:+UseSerialGC -Xmx"$heap" ${young:+-Xmn$young} -XX:MaxMetaspaceSize=192m \
        -XX:ReservedCodeCacheSize=96m -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Xshare:auto \
        -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr ${GITOPS_JAVA_OPTS:-} \
        -cp "$cp" dev.gitops.cli.Main cmp serve
fi
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
# The heap is fixed, not a share of the container's memory, so the sidecar's budget is exact
# (docs/ARGOCD.md, "Memory"): at most 1 GiB, and 256 MiB from the start, so a render of a few
# hundred services needs no or one collection (from a container's default of 1/64 of its memory
# it needed a dozen). Pages are only touched as they are used. GITOPS_JAVA_OPTS=-Xmx... overrides.
# shellcheck disable=SC2086 # $cds and GITOPS_JAVA_OPTS are lists of options
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xms256m -Xmx1g \
    -XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,sjsonnet.Parser::*,20.0 \
    $cds -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=$log:stderr ${GITOPS_JAVA_OPTS:-} \
    -cp "$cp" dev.gitops.cli.Main "$@"
