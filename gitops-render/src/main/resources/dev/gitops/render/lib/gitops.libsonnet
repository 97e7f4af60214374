// gitops.libsonnet: the built-in template library of gitops (import 'gitops.libsonnet').
//
// Every function takes the `state` top-level argument (docs/TEMPLATE-API.md) and, where it renders
// something for one service, that service (an entry of state.services). Functions refer to each
// other through `self`, so a repository changes one piece and keeps the rest:
//
//   local g = (import 'gitops.libsonnet') + {
//     deployment(state, s):: super.deployment(state, s) + {
//       spec+: { template+: { spec+: { priorityClassName: 'high' } } },
//     },
//   };
//   function(state) g.render(state)
//
// Output of render(state):
//   .environment.params                   ConfigMap of the environment parameters (state.paramsEnv)
//   .environment.sealedSecrets[<name>]    SealedSecret of every secrets.yaml entry of the environment
//   .environment.externalSecrets[<name>]  ExternalSecret of every external secret reference
//   .services[<service>].deployment       and .service, .ingress, .serviceAccount, .podDisruptionBudget
//   .services[<service>].terraform[<resource>].workspace / .module   (HCP Terraform operator)
//
// Environment parameters read here (all optional):
//   part_of           app.kubernetes.io/part-of of every object (default: the environment name)
//   hcp_organization  HCP Terraform organization of external resources that name none
//   hcp_token_secret  the Secret (key `token`) holding the HCP Terraform API token (default hcp-terraform-token)
{
  // ------------------------------------------------------------------ settings

  managedBy:: 'gitops',
  paramsConfigMapName:: 'gitops-params',
  terraformTokenSecret(state):: self.param(state, 'hcp_token_secret', 'hcp-terraform-token'),
  terraformApiVersion:: 'app.terraform.io/v1alpha2',
  externalSecretRefreshInterval:: '1h',

  // Argo CD sync waves: secrets, config and accounts first, then the Terraform Workspace, then its
  // Module, then the workloads that read their outputs.
  waves:: {
    config: -3,
    workspace: -2,
    module: -1,
    workload: 0,
  },

  // Custom resources whose CRD may be installed in the same sync: dry-run would fail without this.
  customResourceSyncOptions:: ['SkipDryRunOnMissingResource=true'],

  // ------------------------------------------------------------------ small helpers

  // An environment parameter as a string, or `default`.
  param(state, name, default)::
    if std.objectHas(state.params, name) && state.params[name] != null then std.toString(state.params[name]) else default,

  local labelChars = { [c]: true for c in std.stringChars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.') },
  local dnsChars = { [c]: true for c in std.stringChars('abcdefghijklmnopqrstuvwxyz0123456789-') },
  local alnum = { [c]: true for c in std.stringChars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') },
  local trimTo(s, max) = if std.length(s) > max then std.substr(s, 0, max) else s,
  local trimEnds(s) =
    local n = std.length(s);
    if n == 0 then s
    else if !std.objectHas(alnum, s[0]) then trimEnds(std.substr(s, 1, n - 1))
    else if !std.objectHas(alnum, s[n - 1]) then trimEnds(std.substr(s, 0, n - 1))
    else s,

  // A valid label value: characters outside [A-Za-z0-9_.-] become '_' (so 1.4.2+build.7 becomes
  // 1.4.2_build.7), at most 63 characters, starting and ending with a letter or digit.
  labelValue(s)::
    trimEnds(trimTo(std.join('', [if std.objectHas(labelChars, c) then c else '_' for c in std.stringChars(std.toString(s))]), 63)),

  // A DNS-1123 name: lower case, characters outside [a-z0-9-] become '-', at most `max` characters.
  dnsName(s, max=63)::
    trimEnds(trimTo(std.join('', [if std.objectHas(dnsChars, c) then c else '-' for c in std.stringChars(std.asciiLower(s))]), max)),

  // An environment variable name: upper case, characters outside [A-Z0-9_] become '_'.
  envName(s)::
    local up = std.join('', [if std.objectHas(alnum, c) || c == '_' then c else '_' for c in std.stringChars(std.asciiUpper(s))]);
    if up == '' || std.objectHas({ [d]: true for d in std.stringChars('0123456789') }, up[0]) then '_' + up else up,

  // ------------------------------------------------------------------ metadata

  partOf(state):: self.labelValue(self.param(state, 'part_of', state.environment)),

  // The recommended labels (kubernetes.io common labels). `version` is left out when null.
  labels(state, name, version=null):: {
    'app.kubernetes.io/name': $.labelValue(name),
    'app.kubernetes.io/part-of': $.partOf(state),
    'app.kubernetes.io/managed-by': $.managedBy,
  } + (if version == null then {} else { 'app.kubernetes.io/version': $.labelValue(version) }),

  // Selectors are immutable once created: only the stable name, never the version.
  selectorLabels(name):: { 'app.kubernetes.io/name': $.labelValue(name) },

  serviceLabels(state, s):: self.labels(state, s.k8sName, s.gitRev),

  syncWave(wave):: { 'argocd.argoproj.io/sync-wave': std.toString(wave) },
  syncOptions(options):: { 'argocd.argoproj.io/sync-options': std.join(',', options) },

  // metadata of an object: name, labels, sync wave, optional namespace and annotations.
  metadata(name, labels, wave, namespace=null, annotations={}):: {
    name: name,
    labels: labels,
    annotations: $.syncWave(wave) + annotations,
  } + (if namespace == null then {} else { namespace: namespace }),

  // ------------------------------------------------------------------ environment objects

  paramsConfigMap(state):: {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: $.metadata($.paramsConfigMapName, $.labels(state, $.paramsConfigMapName), $.waves.config),
    data: state.paramsEnv,
  },

  local scopeAnnotations(scope) =
    if scope == 'cluster-wide' then { 'sealedsecrets.bitnami.com/cluster-wide': 'true' }
    else if scope == 'namespace-wide' then { 'sealedsecrets.bitnami.com/namespace-wide': 'true' }
    else {},

  // A SealedSecret of secrets.yaml. The scope annotation goes on the SealedSecret itself, where the
  // controller reads it to decrypt, and into the template as kubeseal writes it.
  sealedSecret(state, spec)::
    local scope = scopeAnnotations(spec.scope);
    {
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: $.metadata(spec.name, $.labels(state, spec.name), $.waves.config, spec.namespace,
                           scope + $.syncOptions($.customResourceSyncOptions)),
      spec: {
        encryptedData: spec.encryptedData,
        template: {
          type: spec.type,
          metadata: {
            labels: $.selectorLabels(spec.name) + { 'app.kubernetes.io/part-of': $.partOf(state) },
          } + (if scope == {} then {} else { annotations: scope }),
        },
      },
    },

  // Every external secret reference of every service, one per Secret name; two services naming the
  // same Secret must describe it the same way.
  externalRefs(state)::
    local refs = [r for name in std.objectFields(state.services) for r in state.services[name].secrets if r.kind == 'external'];
    local strip(r) = { [k]: r[k] for k in std.objectFields(r) if k != 'env' };
    {
      [name]:
        local same = [strip(r) for r in refs if r.name == name];
        if std.length(std.set([std.manifestJsonMinified(x) for x in same])) > 1 then
          error 'external secret ' + name + ' is described differently by two services: ' + std.join(' vs ', std.set([std.manifestJsonMinified(x) for x in same]))
        else same[0]
      for name in std.set([r.name for r in refs])
    },

  // An ExternalSecret (external-secrets.io/v1). A property fetches one field of a JSON value into the
  // key named like the property; without one, every field of the value becomes a key (extract).
  // The template is always rendered, so the operator copies no labels of ours onto the Secret.
  externalSecret(state, ref):: {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: $.metadata(ref.name, $.labels(state, ref.name), $.waves.config, null, $.syncOptions($.customResourceSyncOptions)),
    spec: {
      refreshInterval: $.externalSecretRefreshInterval,
      secretStoreRef: { name: ref.store, kind: ref.storeKind },
      target: {
        name: ref.name,
        creationPolicy: 'Owner',
        template: {
          metadata: { labels: $.selectorLabels(ref.name) + { 'app.kubernetes.io/part-of': $.partOf(state) } },
        },
      },
    } + (
      local remote = { key: ref.key } + (if ref.version == null then {} else { version: ref.version });
      if ref.property != null then
        { data: [{ secretKey: ref.property, remoteRef: remote { property: ref.property } }] }
      else
        { dataFrom: [{ extract: remote }] }
    ),
  },

  environmentObjects(state)::
    local refs = $.externalRefs(state);
    {
      params: $.paramsConfigMap(state),
      sealedSecrets: { [name]: $.sealedSecret(state, state.sealedSecrets[name]) for name in std.objectFields(state.sealedSecrets) },
      externalSecrets: { [name]: $.externalSecret(state, refs[name]) for name in std.objectFields(refs) },
    },

  // ------------------------------------------------------------------ one service

  local present(o) = { [k]: o[k] for k in std.objectFields(o) if o[k] != null },

  // Pod-level and container-level security defaults (restricted Pod Security Standard).
  podSecurityContext:: {
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  },
  containerSecurityContext:: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  },

  probe(s, p, which)::
    local port =
      if p.port != null then p.port
      else if s.port != null then 'http'
      else error 'service ' + s.name + ': the ' + which + ' probe needs a port (set port on the probe or the service)';
    (if p.path != null then { httpGet: { path: p.path, port: port } } else { tcpSocket: { port: port } })
    + present({
      initialDelaySeconds: p.initialDelaySeconds,
      periodSeconds: p.periodSeconds,
      timeoutSeconds: p.timeoutSeconds,
      failureThreshold: p.failureThreshold,
    }),

  // Environment variables: the service's env and flags, then keys of secrets it maps explicitly
  // (a secret wins over a plain variable of the same name); sorted by name.
  containerEnv(state, s)::
    local plain = { [k]: { name: k, value: s.env[k] } for k in std.objectFields(s.env) };
    local fromSecrets = {
      [v]: { name: v, valueFrom: { secretKeyRef: { name: r.name, key: r.env[v] } } }
      for r in s.secrets
      for v in std.objectFields(r.env)
    };
    local all = plain + fromSecrets;
    [all[k] for k in std.objectFields(all)],

  // The params ConfigMap, every secret the service takes whole, and the outputs of its Terraform
  // modules (optional: they exist only after the first apply; prefixed to keep modules apart).
  containerEnvFrom(state, s)::
    [{ configMapRef: { name: $.paramsConfigMapName } }]
    + [{ secretRef: { name: r.name } } for r in s.secrets if std.length(std.objectFields(r.env)) == 0]
    + std.flattenArrays([
      (
        local outputs = $.moduleName(s, r) + '-module-outputs';
        local prefix = $.envName(r.name) + '_';
        [
          { prefix: prefix, configMapRef: { name: outputs, optional: true } },
          { prefix: prefix, secretRef: { name: outputs, optional: true } },
        ]
      )
      for r in s.external
    ]),

  containerResources(s)::
    present({
      requests: if std.length(std.objectFields(s.resources.requests)) > 0 then s.resources.requests else null,
      limits: if std.length(std.objectFields(s.resources.limits)) > 0 then s.resources.limits else null,
    }),

  // What the pods read at start: a change rolls the Deployment (envFrom and secret env are read only
  // at start). Sealed secrets count by their ciphertext, which changes whenever a value is resealed;
  // external secrets by their reference (store, key, property, version), since their values live
  // outside the repository: pin `version` to roll the pods on a rotation.
  configChecksum(state, s)::
    local sealed = [r.name for r in s.secrets if r.kind == 'sealed'];
    local external = [r for r in s.secrets if r.kind == 'external'];
    std.native('sha256')(std.manifestJsonMinified({
      params: state.paramsEnv,
      sealed: { [n]: state.sealedSecrets[n].encryptedData for n in sealed if std.objectHas(state.sealedSecrets, n) },
    } + (if external == [] then {} else { external: external }))),

  container(state, s)::
    local env = $.containerEnv(state, s);
    {
      name: s.k8sName,
      image: s.image,
      envFrom: $.containerEnvFrom(state, s),
      securityContext: $.containerSecurityContext,
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    }
    + (if env == [] then {} else { env: env })
    + (if s.port == null then {} else { ports: [{ name: 'http', containerPort: s.port, protocol: 'TCP' }] })
    + (local r = $.containerResources(s); if r == {} then {} else { resources: r })
    + (if s.probes == null then {} else present({
         livenessProbe: if s.probes.liveness == null then null else $.probe(s, s.probes.liveness, 'liveness'),
         readinessProbe: if s.probes.readiness == null then null else $.probe(s, s.probes.readiness, 'readiness'),
         startupProbe: if s.probes.startup == null then null else $.probe(s, s.probes.startup, 'startup'),
       })),

  deployment(state, s):: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: $.metadata(s.k8sName, $.serviceLabels(state, s), $.waves.workload),
    spec: {
      selector: { matchLabels: $.selectorLabels(s.k8sName) },
      template: {
        metadata: {
          labels: $.serviceLabels(state, s),
          annotations: { 'gitops.dev/config-sha256': $.configChecksum(state, s) },
        },
        spec: {
          containers: [$.container(state, s)],
          securityContext: $.podSecurityContext,
          volumes: [{ name: 'tmp', emptyDir: {} }],
        } + (
          if s.serviceAccount != null then { serviceAccountName: s.serviceAccount.name }
          else { automountServiceAccountToken: false }
        ),
      },
    } + (if s.replicas == null then {} else { replicas: s.replicas }),
  },

  service(state, s):: {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: $.metadata(s.k8sName, $.serviceLabels(state, s), $.waves.workload),
    spec: {
      selector: $.selectorLabels(s.k8sName),
      ports: [{ name: 'http', port: s.port, targetPort: 'http', protocol: 'TCP' }],
    },
  },

  ingress(state, s)::
    local i = s.ingress;
    if s.port == null then error 'service ' + s.name + ': an ingress needs the service port (set port)'
    else {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: $.metadata(s.k8sName, $.serviceLabels(state, s), $.waves.workload),
      spec: {
        rules: [{
          host: i.host,
          http: { paths: [{
            path: i.path,
            pathType: 'Prefix',
            backend: { service: { name: s.k8sName, port: { name: 'http' } } },
          }] },
        }],
      }
      + (if i.className == null then {} else { ingressClassName: i.className })
      + (if i.tlsSecret == null then {} else { tls: [{ hosts: [i.host], secretName: i.tlsSecret }] }),
    },

  serviceAccount(state, s)::
    local sa = s.serviceAccount;
    if sa.iamRoleOutput != null && sa.iamRoleArn == null then
      error 'service ' + s.name + ': serviceAccount.iamRoleOutput names ' + sa.iamRoleOutput
            + ', which is not a non-sensitive string output in the Terraform outputs of ' + state.environment
    else {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: $.metadata(sa.name, $.serviceLabels(state, s), $.waves.config, null,
                           if sa.iamRoleArn == null then {} else { 'eks.amazonaws.com/role-arn': sa.iamRoleArn }),
    },

  // At most one pod down at a time during voluntary disruptions (node drains, upgrades).
  podDisruptionBudget(state, s):: {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: $.metadata(s.k8sName, $.serviceLabels(state, s), $.waves.workload),
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: $.selectorLabels(s.k8sName) },
    },
  },

  // ------------------------------------------------------------------ HCP Terraform operator

  moduleName(s, r):: self.dnsName(s.k8sName + '-' + r.name, 253),

  // The workspace in HCP Terraform: unique per namespace, environment, service and resource, so that
  // two environments never share one. HCP Terraform allows letters, digits, '-' and '_', at most 90.
  workspaceName(state, s, r)::
    local full = std.join('-', (if state.namespace == null then [] else [state.namespace]) + [state.environment, s.k8sName, r.name]);
    trimEnds(trimTo(std.join('', [if std.objectHas(labelChars, c) && c != '.' then c else '-' for c in std.stringChars(full)]), 90)),

  organization(state, s, r)::
    if r.organization != null then r.organization
    else if self.param(state, 'hcp_organization', null) != null then self.param(state, 'hcp_organization', null)
    else error 'service ' + s.name + ', external resource ' + r.name
               + ': no HCP Terraform organization (set organization on the resource or the environment parameter hcp_organization)',

  token(state):: { secretKeyRef: { name: $.terraformTokenSecret(state), key: 'token' } },

  // A Terraform variable: strings as they are, numbers and booleans as text (Terraform converts
  // them to the declared type), lists and objects as HCL (JSON syntax is valid HCL). The CRD
  // refuses an empty value, so the empty string goes as the HCL expression "".
  terraformVariable(name, v)::
    if v == '' then { name: name, value: '""', hcl: true }
    else if std.isString(v) then { name: name, value: v }
    else if std.isNumber(v) || std.isBoolean(v) then { name: name, value: std.toString(v) }
    else { name: name, value: std.manifestJsonMinified(v), hcl: true },

  // The workspace the Module runs in: it holds the variable values (the Module lists only names).
  tfWorkspace(state, s, r):: {
    apiVersion: $.terraformApiVersion,
    kind: 'Workspace',
    metadata: $.metadata($.moduleName(s, r), $.serviceLabels(state, s), $.waves.workspace, null,
                         $.syncOptions($.customResourceSyncOptions)),
    spec: {
      name: $.workspaceName(state, s, r),
      organization: $.organization(state, s, r),
      token: $.token(state),
      applyMethod: 'auto',
      deletionPolicy: 'retain',
    } + (
      local vars = [$.terraformVariable(k, r.variables[k]) for k in std.objectFields(r.variables) if r.variables[k] != null];
      if vars == [] then {} else { terraformVariables: vars }
    ),
  },

  // The Module: its outputs land in <name>-module-outputs (ConfigMap and Secret), which the
  // Deployment reads through envFrom.
  tfModule(state, s, r):: {
    apiVersion: $.terraformApiVersion,
    kind: 'Module',
    metadata: $.metadata($.moduleName(s, r), $.serviceLabels(state, s), $.waves.module, null,
                         $.syncOptions($.customResourceSyncOptions)),
    spec: {
      organization: $.organization(state, s, r),
      token: $.token(state),
      workspace: { name: $.workspaceName(state, s, r) },
      module: { source: r.source } + (if r.version == null then {} else { version: r.version }),
    }
    + (local names = [k for k in std.objectFields(r.variables) if r.variables[k] != null];
       if names == [] then {} else { variables: [{ name: n } for n in names] })
    + (if r.outputs == [] then {} else { outputs: [{ name: o } for o in r.outputs] }),
  },

  serviceObjects(state, s):: {
    deployment: $.deployment(state, s),
    [if s.port != null then 'service']: $.service(state, s),
    [if s.ingress != null then 'ingress']: $.ingress(state, s),
    [if s.serviceAccount != null then 'serviceAccount']: $.serviceAccount(state, s),
    [if s.replicas != null && s.replicas >= 2 then 'podDisruptionBudget']: $.podDisruptionBudget(state, s),
    [if s.external != [] then 'terraform']: {
      [r.name]: { workspace: $.tfWorkspace(state, s, r), module: $.tfModule(state, s, r) }
      for r in s.external
    },
  },

  // ------------------------------------------------------------------ everything

  render(state):: {
    environment: $.environmentObjects(state),
    services: { [name]: $.serviceObjects(state, state.services[name]) for name in std.objectFields(state.services) },
  },
}
