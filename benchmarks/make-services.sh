#!/usr/bin/env bash
# A central repository with N services in dev, each with its own image, env and resources: the
# workload of benchmarks/cmp-startup.sh and benchmarks/cmp-warm.sh.
#
#   bash benchmarks/make-services.sh N DIR
set -euo pipefail
n=$1
dir=$2
root=$(cd "$(dirname "$0")/.." && pwd -P)
mkdir -p "$dir"
cp "$root/examples/central-repo/gitops.yaml" "$dir/"
printf 'vpc_id: vpc-0a1b2c3d\n' > "$dir/env-dev.yaml"
{
    printf 'dev:\n  elk_endpoint: https://search.example.com\n  log_level: debug\n'
    for i in $(seq -w 1 "$n"); do
        printf '  service_%s:\n    git_rev: v1.0.%d\n    replicas: 2\n    memory_min: 256Mi\n    memory_max: 512Mi\n    cpu_min: 100m\n    cpu_max: 500m\n    port: 8080\n    env:\n      MODE: full\n      BATCH: %d\n    flags:\n      feature_x: true\n' "$i" "$((10#$i))" "$((10#$i * 10))"
    done
    printf 'preprod: {}\nprod: {}\n'
} > "$dir/control-center.yaml"
{
    for i in $(seq -w 1 "$n"); do
        printf 'service_%s:\n  v1.0.%d: 123456789012.dkr.ecr.us-east-1.amazonaws.com/service_%s:%d\n' "$i" "$((10#$i))" "$i" "$((10#$i))"
    done
} > "$dir/tags.yaml"
