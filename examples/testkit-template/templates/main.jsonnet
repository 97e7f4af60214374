// The built-in library with two house rules: every object carries the owning team's label, and
// every Deployment runs with the high priority class.
local g = (import 'gitops.libsonnet') + {
  labels(state, name, version=null):: super.labels(state, name, version) + { 'example.com/team': 'checkout' },
  deployment(state, s):: super.deployment(state, s) + {
    spec+: { template+: { spec+: { priorityClassName: 'high' } } },
  },
};
function(state) g.render(state)
