#!/usr/bin/env bash
# Cold start of `gitops cmp generate`, the way Argo CD's cmp-server runs it: one new JVM per render.
#
#   bash benchmarks/cmp-startup.sh [RUNS]        (default 10 runs per variant, after 1 warm-up)
#   CMP_VARIANTS=image bash benchmarks/cmp-startup.sh 10     (only the variants named)
#
# Needs the CLI built (./gitops --version builds it). Uses hyperfine when installed
# (apt-get install hyperfine), otherwise a shell loop timed with date +%s%N. Prints, per workload
# (the example central repository; a generated 50-service environment) and per JVM variant:
#   plain      java -cp ...
#   c1         -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
#   appcds     -XX:SharedArchiveFile=<archive recorded on that workload>
#   appcds+c1  both
#   aot+c1     Java 25+ only: -XX:AOTCache=<AOT cache recorded on that workload with the c1 flags>
#              (JEP 483/514/515)
#   image      what the plugin image runs: the Scala libraries' lambdas made archivable
#              (ArchivableLambdas, as the Dockerfile does), then aot+c1 on Java 25+, appcds+c1 before
# The JVM is $JAVA_HOME/bin/java when JAVA_HOME is set, else java on PATH; run the script once per
# JVM to compare (benchmarks/measure-all.sh runs it on Java 17 and, when it finds one, Java 25).
# the median, min and max wall time, then the median of each phase from GITOPS_TIMINGS=1
# (jvm = process start to main; start, load, evaluate, serialize, write inside the program).
# Run it on a quiet machine: the numbers are only comparable within one sitting.
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd -P)
target=$root/gitops-cli/target
jar=$(ls "$target"/gitops-cli-*.jar | grep -v -e -sources -e -tests -e -javadoc | head -n 1)
cp=$jar
for f in "$target"/lib/*.jar; do cp="$cp:$f"; done
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the image's lib/: the same jars, Scala lambdas made archivable
cp -R "$target/lib" "$work/lib"
"$java" -cp "$jar" dev.gitops.cli.internal.image.ArchivableLambdas "$work/lib" 2>/dev/null
image_cp=$jar
for f in "$work"/lib/*.jar; do image_cp="$image_cp:$f"; done

# workload 1: the example repository (all env files present, as in an unpacked checkout)
mkdir -p "$work/example"
cp -R "$root/examples/central-repo/." "$work/example/"

# workload 2: 50 services in dev, each with its own image, env and resources
fifty=$work/fifty
bash "$root/benchmarks/make-services.sh" 50 "$fifty"

export ARGOCD_ENV_ENVIRONMENT=dev ARGOCD_APP_PARAMETERS=null ARGOCD_APP_SOURCE_PATH=.
base=(-XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr)
share=(-Xshare:auto) # AOTCache refuses every -Xshare option
major=$("$java" -version 2>&1 | head -n 1 | sed -E 's/^[^"]*"([0-9]+).*/\1/')
have_aot=no
variants="plain c1 appcds appcds+c1"
if [ "${major:-0}" -ge 25 ] 2>/dev/null; then
    have_aot=yes
    variants="$variants aot+c1"
fi
variants="${CMP_VARIANTS:-$variants image}"   # e.g. CMP_VARIANTS=image for the plugin's variant alone
echo "JVM: $("$java" -version 2>&1 | head -n 1)"

c1=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
img=("${c1[@]}" -XX:-UsePerfData -Xms256m -Xmx1g # deploy/argocd/gitops.sh's flags
    -XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,sjsonnet.Parser::*,20.0)

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

time_loop() { # dir, java args...: prints "median min max" in ms
    local dir=$1; shift
    local t=()
    (cd "$dir" && "$java" "$@" -cp "$run_cp" dev.gitops.cli.Main cmp generate >/dev/null)   # warm-up (page cache)
    for _ in $(seq "$runs"); do
        local s e
        s=$(date +%s%N)
        (cd "$dir" && "$java" "$@" -cp "$run_cp" dev.gitops.cli.Main cmp generate >/dev/null)
        e=$(date +%s%N)
        t+=($(( (e - s) / 1000000 )))
    done
    printf '%s\n' "${t[@]}" | median | tr '\n' ' '
    printf '%s\n' "${t[@]}" | sort -n | sed -n '1p;$p' | tr '\n' ' '
    echo
}

phases() { # dir, java args...: median of each GITOPS_TIMINGS phase
    local dir=$1; shift
    local f=$work/phases.txt
    : > "$f"
    for _ in $(seq "$runs"); do
        (cd "$dir" && GITOPS_TIMINGS=1 "$java" "$@" -cp "$run_cp" dev.gitops.cli.Main cmp generate 2>>"$f" >/dev/null)
    done
    for p in jvm start load evaluate serialize write total; do
        printf '%s=%s ' "$p" "$(grep -o " $p=[0-9]*" "$f" | cut -d= -f2 | median)"
    done
    echo
}

for w in example fifty; do
    dir=$work/$w
    archive=$work/$w.jsa
    (cd "$dir" && "$java" -XX:ArchiveClassesAtExit="$archive" -Xlog:disable -Xlog:all=error:stderr \
        -cp "$cp" dev.gitops.cli.Main cmp generate >/dev/null)
    if [ "$have_aot" = yes ]; then
        (cd "$dir" && "$java" "${c1[@]}" -XX:AOTCacheOutput="$work/$w.aot" -Xlog:disable -Xlog:all=error:stderr \
            -cp "$cp" dev.gitops.cli.Main cmp generate >/dev/null 2>"$work/aot.log") || { cat "$work/aot.log" >&2; exit 1; }
        (cd "$dir" && "$java" "${img[@]}" -XX:AOTCacheOutput="$work/$w-image.aot" -Xlog:disable -Xlog:all=error:stderr \
            -cp "$image_cp" dev.gitops.cli.Main cmp generate >/dev/null 2>"$work/aot.log") || { cat "$work/aot.log" >&2; exit 1; }
    else
        (cd "$dir" && "$java" "${img[@]}" -XX:ArchiveClassesAtExit="$work/$w-image.jsa" -Xlog:disable -Xlog:all=error:stderr \
            -cp "$image_cp" dev.gitops.cli.Main cmp generate >/dev/null)
    fi
    objects=$(cd "$dir" && "$java" -cp "$cp" dev.gitops.cli.Main cmp generate | grep -c '^kind:')
    echo "== workload $w ($objects objects; $runs runs per variant, ms: median min max)"
    for variant in $variants; do
        run_cp=$cp
        case $variant in
            plain) args=("${base[@]}" "${share[@]}") ;;
            c1) args=("${base[@]}" "${share[@]}" "${c1[@]}") ;;
            appcds) args=("${base[@]}" "${share[@]}" -XX:SharedArchiveFile="$archive") ;;
            appcds+c1) args=("${base[@]}" "${share[@]}" "${c1[@]}" -XX:SharedArchiveFile="$archive") ;;
            aot+c1) args=("${base[@]}" "${c1[@]}" -XX:AOTCache="$work/$w.aot") ;;
            image)
                run_cp=$image_cp
                if [ "$have_aot" = yes ]; then
                    args=("${base[@]}" "${img[@]}" -XX:AOTCache="$work/$w-image.aot")
                else
                    args=("${base[@]}" "${share[@]}" "${img[@]}" -XX:SharedArchiveFile="$work/$w-image.jsa")
                fi ;;
        esac
        if command -v hyperfine >/dev/null 2>&1; then
            q=$(printf '%q ' "$java" "${args[@]}" -cp "$run_cp" dev.gitops.cli.Main cmp generate)
            (cd "$dir" && hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/h.json" --style none "$q" >/dev/null)
            stats=$(python3 -c "import json;r=json.load(open('$work/h.json'))['results'][0];print(round(r['median']*1000), round(r['min']*1000), round(r['max']*1000))")
            printf '%-10s %s  (hyperfine)\n' "$variant" "$stats"
        else
            printf '%-10s %s (date loop)\n' "$variant" "$(time_loop "$dir" "${args[@]}")"
        fi
        printf '           phases: %s\n' "$(phases "$dir" "${args[@]}")"
    done
done
