#!/usr/bin/env bash
# `gitops cmp generate` in the plugin image, cold and warm, beside bare sjsonnet, in one run:
#
#   bash benchmarks/cmp-warm.sh [RUNS]          (default 20 runs per line, after warm-up)
#
# Lays out a home like the image's /opt/gitops (the CLI jar, lib/ with the Scala lambdas made
# archivable, warm-client.pl), records its class archive with a training render of the example as
# the Dockerfile does (an AOT cache on Java 25+, else AppCDS), and runs deploy/argocd/gitops.sh on
# generated central repositories of 50 and 500 services (benchmarks/make-services.sh):
#   cold   GITOPS_WARM=0: one JVM per render, the image's flags and archive
#   warm   through warm-client.pl and the render server (started by the first request, then warmed
#          up with 10 requests), wall time including the shell and the client: the same input
#          again, answered from the server's cache of finished renders (keyed by content)
#   warm-changed  the same, but before each request a new "commit": the first service's revision
#          changes (tags.yaml and control-center.yaml) and so does ARGOCD_APP_REVISION, as when
#          every Application re-renders after a commit to the central repository (a cache miss:
#          a full render in the warm server); the edit itself is not timed. Printed twice: right
#          after the server's start (its first RUNS renders), and again after 30 more renders
#          (a server that has been rendering for a while, as a repo-server's does)
#   client the client's own cost: `true`, `sh -c true`, `perl -e 1`, and warm-client.pl connecting
#          to the running server without a request (its `start` mode)
#   bare   sjsonnet's own main (-y, a YAML stream) on a Jsonnet file producing objects of the
#          same kinds and about the same size, same JVM flags, its own archive recorded the same way
# Prints per line the median, min and max in ms and the median CPU time (user+sys, ms) of the
# processes the line starts (for warm: the shell and the client, not the server), the output
# size, the load average around the run, and the warm server's resident memory. JAVA_HOME picks
# the JVM (the image runs Java 25).
set -euo pipefail
runs=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd -P)
target=$root/gitops-cli/target
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
home=$work/opt-gitops
export GITOPS_HOME=$home GITOPS_WARM_DIR=$work/warm
cleanup() {
    if [ -f "$GITOPS_WARM_DIR/server.pid" ]; then kill "$(cat "$GITOPS_WARM_DIR/server.pid")" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
launcher=$root/deploy/argocd/gitops.sh

mkdir -p "$home/lib"
cp "$target"/lib/*.jar "$home/lib/"
cp "$(ls "$target"/gitops-cli-*.jar | grep -v -e -sources -e -tests -e -javadoc | head -n 1)" "$home/gitops-cli.jar"
cp "$root/deploy/argocd/warm-client.pl" "$home/"
"$java" -cp "$home/gitops-cli.jar" dev.gitops.cli.internal.image.ArchivableLambdas "$home/lib" >/dev/null 2>&1
major=$("$java" -version 2>&1 | head -n 1 | sed -E 's/^[^"]*"([0-9]+).*/\1/')
archive=gitops.jsa
if [ "${major:-0}" -ge 25 ] 2>/dev/null; then archive=gitops.aot; fi
mkdir -p "$work/train"
cp -R "$root/examples/central-repo/." "$work/train/"
export ARGOCD_APP_PARAMETERS=null ARGOCD_APP_SOURCE_PATH=. ARGOCD_ENV_ENVIRONMENT=dev
(cd "$work/train" && GITOPS_WARM=0 GITOPS_CDS_RECORD="$home/$archive" sh "$launcher" cmp generate >/dev/null 2>&1)

# sjsonnet alone, with the flags gitops.sh gives the cold JVM (read from it, so they stay the same)
sj_cp=$(ls "$home"/lib/*.jar | tr '\n' ':')
flags=$(sed -n 's/^exec "\$java" \(-XX:TieredStopAtLevel.*\) \\$/\1/p' "$launcher")
flags="$flags $(sed -n 's/^    \(-XX:CompileCommand=quiet.*\) \\$/\1/p' "$launcher")"
# shellcheck disable=SC2086
bare() { # dir, archive options...
    local dir=$1; shift
    (cd "$dir" && "$java" $flags "$@" -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=error:stderr \
        -cp "$sj_cp" sjsonnet.SjsonnetMain -y bare.jsonnet)
}

bare_jsonnet() { # n: Deployments, Services and a ConfigMap per service, like the built-in templates
    cat <<JSONNET
local services = [{ name: 'service-%03d' % i, image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/service_%d:%d' % [i, i], batch: i * 10 } for i in std.range(1, $1)];
local labels(s) = { 'app.kubernetes.io/name': s.name, 'app.kubernetes.io/part-of': 'shop', 'app.kubernetes.io/managed-by': 'gitops' };
std.flattenArrays([[
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: s.name + '-env', namespace: 'shop-dev', labels: labels(s) },
    data: { MODE: 'full', BATCH: std.toString(s.batch), LOG_LEVEL: 'debug', ELK_ENDPOINT: 'https://search.example.com' } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: s.name, namespace: 'shop-dev', labels: labels(s) },
    spec: { selector: { 'app.kubernetes.io/name': s.name }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: s.name, namespace: 'shop-dev', labels: labels(s) },
    spec: { replicas: 2, selector: { matchLabels: { 'app.kubernetes.io/name': s.name } },
      template: { metadata: { labels: labels(s) }, spec: { serviceAccountName: 'default', containers: [{
        name: s.name, image: s.image, ports: [{ containerPort: 8080, name: 'http' }],
        envFrom: [{ configMapRef: { name: s.name + '-env' } }],
        resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
        readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
        securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true } }] } } } },
] for s in services])
JSONNET
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
children_cpu_ms() { # pid: user+sys of its finished children so far (/proc: cutime, cstime)
    awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"
}
timed() { # runs the command RUNS times: "median min max; cpu median"
    timed_after : "$@"
}
timed_after() { # PREP COMMAND...: like timed, PREP run untimed before each run with the last argument
    local t=() c=() s e c0 me=$BASHPID prep=$1
    shift
    for _ in $(seq "$runs"); do
        "$prep" "${@: -1}"
        c0=$(children_cpu_ms "$me")
        s=$(date +%s%N)
        "$@" >/dev/null
        e=$(date +%s%N)
        t+=($(( (e - s) / 1000000 )))
        c+=($(( $(children_cpu_ms "$me") - c0 )))
    done
    printf '%s %s; cpu %s' "$(printf '%s\n' "${t[@]}" | median)" "$(printf '%s\n' "${t[@]}" | sort -n | sed -n '1p;$p' | tr '\n' ' ')" \
        "$(printf '%s\n' "${c[@]}" | median)"
}
cold() { (cd "$1" && GITOPS_WARM=0 sh "$launcher" cmp generate); }
warm() { (cd "$1" && sh "$launcher" cmp generate); }
new_commit() { # dir: the first service moves to a new revision, in a new commit
    local first commit
    commit=$(( $(grep -c '^  v9\.' "$1/tags.yaml" || true) + 1 ))
    first=$(head -n 1 "$1/tags.yaml" | tr -d :)
    sed -i "1a\\  v9.$commit.0: 123456789012.dkr.ecr.us-east-1.amazonaws.com/$first:$commit" "$1/tags.yaml"
    sed -i "0,/git_rev: .*/s//git_rev: v9.$commit.0/" "$1/control-center.yaml"
    ARGOCD_APP_REVISION=$(printf '%040d' "$commit")
    export ARGOCD_APP_REVISION
}
client() { perl "$home/warm-client.pl" "$home" "$launcher" start; }

echo "JVM: $("$java" -version 2>&1 | head -n 1); archive $archive; $runs runs per line (ms: median min max)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in 50 500; do
    dir=$work/s$n
    bash "$root/benchmarks/make-services.sh" "$n" "$dir"
    bare_jsonnet "$n" > "$dir/bare.jsonnet" # small; the archives are kept outside the tree the cache hashes
    if [ "$archive" = gitops.aot ]; then
        bare "$dir" -XX:AOTCacheOutput="$work/bare$n.aot" >/dev/null 2>&1
        bare_cds=(-XX:AOTCache="$work/bare$n.aot")
    else
        bare "$dir" -Xshare:auto -XX:ArchiveClassesAtExit="$work/bare$n.jsa" >/dev/null
        bare_cds=(-Xshare:auto -XX:SharedArchiveFile="$work/bare$n.jsa")
    fi
    size=$(cold "$dir" | wc -c)
    bare_size=$(bare "$dir" "${bare_cds[@]}" | wc -c)
    objects=$(cold "$dir" | grep -c '^kind:')
    cold "$dir" >/dev/null # page cache
    echo "== $n services: $objects objects, $size bytes (bare sjsonnet: $bare_size bytes)"
    printf '%-6s %s\n' cold "$(timed cold "$dir")"
    warm "$dir" >/dev/null # starts the server (this request renders cold)
    for _ in $(seq 100); do [ -S "$GITOPS_WARM_DIR/render.sock" ] && break; sleep 0.1; done
    for _ in $(seq 10); do warm "$dir" >/dev/null; done
    [ "$(cd "$dir" && GITOPS_WARM_TRACE=1 sh "$launcher" cmp generate 2>&1 >/dev/null | grep gitops-warm)" = "gitops-warm: warm" ] \
        || { echo "the warm server does not answer" >&2; exit 1; }
    printf '%-6s %s\n' warm "$(timed warm "$dir")"
    printf '       server time of the last (cached) request: %s\n' "$(grep -o 'exit 0 in [0-9]* ms (cached)' "$GITOPS_WARM_DIR/server.log" | tail -n 1)"
    printf '%-13s %s\n' warm-changed "$(timed_after new_commit warm "$dir")"
    # a server that has been rendering for a while (as in a repo-server that renders every
    # Application after every commit): 30 more renders of new commits, untimed, then the same line
    for _ in $(seq 30); do new_commit "$dir"; warm "$dir" >/dev/null; done
    printf '%-13s %s\n' warm-changed "$(timed_after new_commit warm "$dir") (server warmed by $((runs + 31)) renders)"
    new_commit "$dir"
    printf '       phases of one warm render after a new commit: %s\n' "$(cd "$dir" && GITOPS_TIMINGS=1 sh "$launcher" cmp generate 2>&1 >/dev/null | grep -o 'start=.*')"
    unset ARGOCD_APP_REVISION
    printf '       phases of one cold render: %s\n' "$(cd "$dir" && GITOPS_WARM=0 GITOPS_TIMINGS=1 sh "$launcher" cmp generate 2>&1 >/dev/null | grep -o 'jvm=.*')"
    printf '%-6s %s\n' bare "$(timed bare "$dir" "${bare_cds[@]}")"
done
echo "== the client's own cost (ms: median min max)"
printf '%-22s %s\n' true "$(timed true)"
printf '%-22s %s\n' "sh -c true" "$(timed sh -c true)"
printf '%-22s %s\n' "perl -e 1" "$(timed perl -e 1)"
printf '%-22s %s\n' "client, connect only" "$(timed client)"
echo "warm server resident memory: $(ps -o rss= -p "$(cat "$GITOPS_WARM_DIR/server.pid")" | awk '{printf "%d MiB", $1/1024}')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
