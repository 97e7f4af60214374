#!/bin/sh
# The `gitops` command inside the plugin image (installed as /usr/local/bin/gitops).
# Fast start for one JVM per render: C1 only, SerialGC, no perf-data file, and the AppCDS archive
# recorded while the image was built (GITOPS_CDS_RECORD=<file> records one instead of using it).
# Every JVM message goes to stderr: stdout is the manifest stream Argo CD parses.
set -eu
# GITOPS_TIMINGS=1: the program's "jvm" phase then counts from here
if [ "${GITOPS_TIMINGS:-}" = 1 ] && [ -z "${GITOPS_T0:-}" ]; then
    GITOPS_T0=$(date +%s%N 2>/dev/null || true)
    export GITOPS_T0
fi
home=/opt/gitops
cp=$home/gitops-cli.jar
for f in "$home"/lib/*.jar; do
    cp="$cp:$f"
done
if [ -n "${GITOPS_CDS_RECORD:-}" ]; then
    cds="-XX:ArchiveClassesAtExit=$GITOPS_CDS_RECORD"
    log=error
elif [ -f "$home/gitops.jsa" ]; then
    cds="-XX:SharedArchiveFile=$home/gitops.jsa"
    log=warning
else
    cds=""
    log=warning
fi
# shellcheck disable=SC2086 # $cds is empty or one option
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:MaxRAMPercentage=60 \
    -Xshare:auto $cds -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=$log:stderr \
    -cp "$cp" dev.gitops.cli.Main "$@"
