#!/bin/sh
# The gitops-cmp sidecar's command (installed as /usr/local/bin/gitops-sidecar), run by tini as
# the container's PID 1 (repo-server-sidecar.yaml):
#   tini -- gitops-sidecar /var/run/argocd/argocd-cmp-server
# It starts the warm render server in the background at pod start, so that the first render is
# warm as well (a request that finds no server still starts one: the fallback), then becomes the
# given command (Argo CD's cmp-server). The render server runs in its own session and outlives
# any request; when it ends, tini reaps it (argocd-cmp-server as PID 1 would leave a zombie).
# GITOPS_HOME moves /opt/gitops and GITOPS_LAUNCHER /usr/local/bin/gitops (for tests); the
# launcher must be the path Argo CD runs (`gitops` on PATH), or the first request restarts the
# server as one for another launcher.
set -eu
home=${GITOPS_HOME:-/opt/gitops}
if [ "${GITOPS_WARM:-1}" = 1 ] && [ -f "$home/warm-client.pl" ] && command -v perl >/dev/null 2>&1; then
    perl "$home/warm-client.pl" "$home" "${GITOPS_LAUNCHER:-/usr/local/bin/gitops}" start || true
fi
exec "$@"
