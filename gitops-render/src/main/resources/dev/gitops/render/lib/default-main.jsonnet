// The built-in default templates: used when a repository has no templates entrypoint
// (templates/main.jsonnet unless gitops.yaml says otherwise). Renders every service of the
// environment with gitops.libsonnet; see that file for what each object looks like.
function(state) (import 'gitops.libsonnet').render(state)
