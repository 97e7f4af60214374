#!/usr/bin/env bash
# jsonnet-vs-sjsonnet.sh: the CPU cost of `gitops jsonnet` against bare sjsonnet 0.4.9
# (`sjsonnet.SjsonnetMain`, the same jar gitops-jsonnet uses) on one Jsonnet program, one new JVM
# per run, both with the same JVM flags.
#
#   benchmarks/jsonnet-vs-sjsonnet.sh LIB_DIR MAIN_FILE [RUNS]    a library on disk
#   benchmarks/jsonnet-vs-sjsonnet.sh synthetic SERVICES [RUNS]   RenderSyntheticJsonnet's program
#
# LIB_DIR is the folder the program runs in (a jsonnet-bundler project: `vendor/`, maybe `lib/`);
# MAIN_FILE is relative to it. The jpath is `-J lib` (when LIB_DIR has it) then `-J vendor`, as
# tanka and jsonnet-bundler projects use them. RUNS (default 15) runs per engine, alternating
# which engine goes first in each round, after one unmeasured run of each.
#
# Prints per engine the median wall time and the median CPU time (user + sys of the whole JVM,
# from /usr/bin/time: JIT and GC threads included), the ratio gitops / bare of both medians, and
# the spread of the per-round CPU ratios (median, quartiles, extremes).
# Both outputs must be the same JSON value (compared with python3), or the script fails.
#
# Bare sjsonnet lacks some std functions gitops-jsonnet has (docs/JSONNET.md). Where the library
# calls them, the bare run uses a copy of LIB_DIR in which each calling file starts with
# `local std = import 'std-polyfills.libsonnet';` (on its first line, so line numbers stay) and
# the polyfills (jsonnet-polyfills/ beside this script) are on the jpath.
#
# Environment:
#   JAVA_HOME     the JVM to run (default: java on PATH)
#   JVM_FLAGS     the flags of both engines (default: C1 only, SerialGC, 16 MiB thread stacks,
#                 2 GiB heap; gitops's own evaluation thread has a 16 MiB stack of its own)
#   KEEP=1        keep the work folder (outputs, per-run times) and print its path
#
# Needs the CLI built (`mvn -B -DskipTests -pl gitops-cli,benchmarks -am install`, or `./gitops`
# once); the script builds it when gitops-cli/target has no jar.
set -eu

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] || usage

here=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$here")
runs=${3:-15}
flags=${JVM_FLAGS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss16m -Xmx2g}
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=$(command -v java); fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "needs python3 (to compare the outputs as JSON)" >&2; exit 2; }

cli_jar=$root/gitops-cli/target/gitops-cli-0.1.0-SNAPSHOT.jar
bench_jar=$root/benchmarks/target/benchmarks.jar
if [ ! -f "$cli_jar" ] || { [ "$1" = synthetic ] && [ ! -f "$bench_jar" ]; }; then
    echo "building gitops-cli and benchmarks (mvn install, tests skipped)..." >&2
    (cd "$root" && mvn -B -q -DskipTests -pl gitops-cli,benchmarks -am install) >&2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/jsonnet-vs-sjsonnet.XXXXXX")
if [ "${KEEP:-}" = 1 ]; then echo "work folder: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

# a copy of the jars, so that a build during the run cannot change what is measured
mkdir -p "$work/jars"
cp "$cli_jar" "$root"/gitops-cli/target/lib/*.jar "$work/jars/"
cp=$work/jars/$(basename "$cli_jar")
for f in "$root"/gitops-cli/target/lib/*.jar; do cp=$cp:$work/jars/$(basename "$f"); done

if [ "$1" = synthetic ]; then
    "$java" -cp "$bench_jar" dev.gitops.benchmarks.RenderSyntheticJsonnet "$work/lib" "$2" >/dev/null
    lib=$work/lib
    main=main.jsonnet
    what="RenderSyntheticJsonnet, $2 services"
else
    lib=$(cd "$1" && pwd -P)
    main=$2
    what="$lib/$main"
fi
[ -f "$lib/$main" ] || { echo "no file $lib/$main" >&2; exit 2; }

jpath=()
[ -d "$lib/lib" ] && jpath+=(-J lib)
[ -d "$lib/vendor" ] && jpath+=(-J vendor)

# The bare run's copy with polyfills, only when a file calls a polyfilled function.
polyfilled=$(sed -n 's/^  \([A-Za-z0-9]*\)(.*::$/\1/p' "$here/jsonnet-polyfills/std-polyfills.libsonnet" | paste -sd '|')
bare_lib=$lib
bare_jpath=("${jpath[@]}")
callers=$(cd "$lib" && grep -rlE --include='*.jsonnet' --include='*.libsonnet' "std\.($polyfilled)\b" . || true)
if [ -n "$callers" ]; then
    bare_lib=$work/bare-lib
    cp -a "$lib" "$bare_lib"
    mkdir -p "$work/polyfills"
    cp "$here/jsonnet-polyfills/std-polyfills.libsonnet" "$work/polyfills/"
    while IFS= read -r f; do
        sed -i "1s/^/local std = import 'std-polyfills.libsonnet'; /" "$bare_lib/$f"
    done <<< "$callers"
    bare_jpath+=(-J "$work/polyfills")
    echo "bare sjsonnet gets polyfills for std.{$polyfilled} in $(printf '%s\n' "$callers" | wc -l) files" >&2
fi

# one run: ENGINE N -> $work/ENGINE.out, a line "wall cpu" appended to $work/ENGINE.times
run() {
    local engine=$1 timing
    if [ "$engine" = gitops ]; then
        # shellcheck disable=SC2086 # flags is a list of options
        (cd "$lib" && /usr/bin/time -f '%e %U %S' -o "$work/time" \
            "$java" $flags -cp "$cp" dev.gitops.cli.Main jsonnet "${jpath[@]}" "$main") \
            > "$work/gitops.out" 2> "$work/gitops.err" || { cat "$work/gitops.err" >&2; exit 1; }
    else
        # shellcheck disable=SC2086
        (cd "$bare_lib" && /usr/bin/time -f '%e %U %S' -o "$work/time" \
            "$java" $flags -cp "$cp" sjsonnet.SjsonnetMain "${bare_jpath[@]}" "$main") \
            > "$work/bare.out" 2> "$work/bare.err" || { cat "$work/bare.err" >&2; exit 1; }
    fi
    timing=$(tail -n 1 "$work/time")
    echo "$timing" | awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' >> "$work/$engine.times"
}

median() { # column N of FILE
    sort -n -k "$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "== $what" >&2
echo "   java: $("$java" -version 2>&1 | head -n 1); flags: $flags; $runs runs each; load average: $(cut -d ' ' -f 1-3 /proc/loadavg)" >&2
run gitops; run bare
python3 - "$work/gitops.out" "$work/bare.out" <<'EOF' || { echo "the two outputs are not the same JSON value" >&2; exit 1; }
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
sys.exit(0 if a == b else 1)
EOF
echo "   outputs: the same JSON value ($(wc -c < "$work/gitops.out") bytes from gitops, $(wc -c < "$work/bare.out") from bare sjsonnet)" >&2
rm -f "$work/gitops.times" "$work/bare.times"
for i in $(seq 1 "$runs"); do
    if [ $((i % 2)) = 1 ]; then run gitops; run bare; else run bare; run gitops; fi
    printf '   round %d/%d: gitops %s | bare %s\n' "$i" "$runs" "$(tail -n 1 "$work/gitops.times")" \
        "$(tail -n 1 "$work/bare.times")" >&2
done
gw=$(median "$work/gitops.times" 1); gc=$(median "$work/gitops.times" 2)
bw=$(median "$work/bare.times" 1); bc=$(median "$work/bare.times" 2)
printf '%-14s median wall %7.3f s   median cpu %7.3f s\n' "gitops jsonnet" "$gw" "$gc"
printf '%-14s median wall %7.3f s   median cpu %7.3f s\n' "bare sjsonnet" "$bw" "$bc"
awk -v gw="$gw" -v gc="$gc" -v bw="$bw" -v bc="$bc" \
    'BEGIN { printf "ratio gitops / bare: wall %.3f   cpu %.3f\n", gw / bw, gc / bc }'
# The CPU ratio of each round (the two runs of a round ran back to back): how far one run's noise
# reaches. A ratio of medians inside this spread says "the same cost", not "cheaper".
paste "$work/gitops.times" "$work/bare.times" | awk '{ print $2 / $4 }' | sort -n | awk '{ r[NR] = $1 }
    END { q = int((NR + 3) / 4); printf "per-round cpu ratios: median %.3f, quartiles %.3f-%.3f, min %.3f, max %.3f (%d rounds)\n",
          r[int((NR + 1) / 2)], r[q], r[NR + 1 - q], r[1], r[NR], NR }'
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
