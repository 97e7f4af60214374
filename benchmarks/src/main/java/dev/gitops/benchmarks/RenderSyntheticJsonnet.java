package dev.gitops.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A synthetic, library-heavy Jsonnet application of N services, written the way jsonnet-bundler
 * projects are (k8s-libsonnet-style builders and mixins, late binding through hidden {@code _config}
 * fields, one file per application), using only standard functions that stock sjsonnet 0.4.9 and
 * C++ jsonnet also have, so the same program runs under the gitops pipeline, bare sjsonnet and the
 * {@code jsonnet} binary.
 *
 * <p>Files (paths relative to the application root):
 * <ul>
 *   <li>{@code vendor/github.com/example/k8s-lite/k.libsonnet}: a small builder library
 *       ({@code k.apps.v1.deployment.new(...) + k.apps.v1.deployment.mixin...})</li>
 *   <li>{@code lib/util.libsonnet}: labels, env lists, resource sizing, name helpers</li>
 *   <li>{@code lib/app.libsonnet}: an application = Deployment, Service, PodDisruptionBudget,
 *       optional ConfigMap, Ingress and an RBAC {@code List}, all from {@code _config}</li>
 *   <li>{@code apps/svc-NNNN.jsonnet}: one application each, composed from mixins</li>
 *   <li>{@code main.jsonnet}: {@code { 'svc-0001': import 'apps/svc-0001.jsonnet', ... }}</li>
 * </ul>
 * Evaluate {@code main.jsonnet} with jpath {@code lib} and {@code vendor}
 * ({@code jsonnet -J lib -J vendor main.jsonnet}). Deterministic: the same N gives the same bytes.
 *
 * <p>Objects per service: Deployment, Service, PodDisruptionBudget, and Role + RoleBinding inside a
 * {@code v1/List}; every 3rd service also a ConfigMap, every 4th an Ingress ({@link #objectCount}).
 */
public final class RenderSyntheticJsonnet {
    /** The entrypoint, relative to the application root. */
    public static final String MAIN = "main.jsonnet";
    /** The library folders, relative to the application root. */
    public static final String[] JPATH = {"lib", "vendor"};

    private RenderSyntheticJsonnet() {}

    /** The application's files: path -> content. */
    public static Map<String, byte[]> files(int services) {
        if (services < 1) {
            throw new IllegalArgumentException("services must be >= 1: " + services);
        }
        Map<String, byte[]> out = new TreeMap<>();
        out.put("vendor/github.com/example/k8s-lite/k.libsonnet", bytes(K));
        out.put("lib/util.libsonnet", bytes(UTIL));
        out.put("lib/app.libsonnet", bytes(APP));
        StringBuilder main = new StringBuilder("// generated: ").append(services).append(" services\n{\n");
        for (int i = 1; i <= services; i++) {
            String name = name(i);
            out.put("apps/" + name + ".jsonnet", bytes(app(i)));
            main.append("  '").append(name).append("': import 'apps/").append(name).append(".jsonnet',\n");
        }
        main.append("}\n");
        out.put(MAIN, bytes(main.toString()));
        return out;
    }

    /** How many Kubernetes objects the application renders (List items counted one by one). */
    public static int objectCount(int services) {
        int n = 0;
        for (int i = 1; i <= services; i++) {
            n += 5 + (i % 3 == 0 ? 1 : 0) + (i % 4 == 0 ? 1 : 0);
        }
        return n;
    }

    /** Writes {@link #files(int)} into {@code dir}; returns {@code dir}. */
    public static Path writeTo(Path dir, int services) throws IOException {
        for (Map.Entry<String, byte[]> e : files(services).entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        return dir;
    }

    /** Writes the application for the {@code jsonnet} binary: {@code RenderSyntheticJsonnet DIR N}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RenderSyntheticJsonnet DIR SERVICES");
            System.exit(2);
        }
        Path dir = writeTo(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("wrote " + dir + ": jsonnet -J lib -J vendor " + MAIN);
    }

    static String name(int i) {
        return String.format("svc-%04d", i);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] TEAMS = {"payments", "search", "checkout", "identity", "platform"};

    private static String app(int i) {
        String name = name(i);
        String team = TEAMS[i % TEAMS.length];
        StringBuilder b = new StringBuilder();
        b.append("local app = import 'app.libsonnet';\n\n");
        b.append("app.new('").append(name).append("', 'registry.example.com/").append(team).append('/').append(name)
                .append(":1.").append(i % 17).append('.').append(i % 5).append("', team='").append(team).append("')\n");
        b.append("+ app.withReplicas(").append(2 + i % 3).append(")\n");
        b.append("+ app.withEnv({\n");
        b.append("  LOG_LEVEL: '").append(i % 2 == 0 ? "info" : "debug").append("',\n");
        b.append("  MAX_CONNECTIONS: ").append(10 + i % 90).append(",\n");
        b.append("  FEATURE_X: ").append(i % 3 == 0).append(",\n");
        b.append("  UPSTREAM_URL: 'http://").append(name(1 + (i * 7) % Math.max(i, 1))).append(":8080/api',\n");
        b.append("})\n");
        b.append("+ app.withSecretEnv('DB_PASSWORD', '").append(team).append("-db', 'password')\n");
        b.append("+ app.withResources(cpu=").append(100 + (i % 8) * 50).append(", memoryMi=").append(128 * (1 + i % 6)).append(")\n");
        if (i % 3 == 0) {
            b.append("+ app.withConfig({ 'application.properties': std.join('\\n', ['a.b=1', 'name=").append(name)
                    .append("']), retries: '").append(i % 5).append("' })\n");
        }
        if (i % 4 == 0) {
            b.append("+ app.withIngress('").append(name).append(".example.com', '/").append(team).append("')\n");
        }
        if (i % 5 == 0) {
            b.append("+ { deployment+: { spec+: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } } } }\n");
        }
        return b.toString();
    }

    private static final String K = """
            // k8s-lite: a small builder library in the style of k8s-libsonnet.
            {
              local meta = {
                withName(name):: { metadata+: { name: name } },
                withNamespace(ns):: { metadata+: { namespace: ns } },
                withLabels(labels):: { metadata+: { labels: labels } },
                withLabelsMixin(labels):: { metadata+: { labels+: labels } },
                withAnnotations(a):: { metadata+: { annotations: a } },
                withAnnotationsMixin(a):: { metadata+: { annotations+: a } },
              },
              apps:: { v1:: {
                deployment:: {
                  new(name, replicas=1, containers=[], podLabels={}):: {
                    apiVersion: 'apps/v1',
                    kind: 'Deployment',
                    metadata: { name: name },
                    spec: {
                      replicas: replicas,
                      selector: { matchLabels: podLabels },
                      template: { metadata: { labels: podLabels }, spec: { containers: containers } },
                    },
                  },
                  withReplicas(n):: { spec+: { replicas: n } },
                  mixin:: {
                    metadata:: meta,
                    spec:: {
                      withMinReadySeconds(s):: { spec+: { minReadySeconds: s } },
                      template:: {
                        metadata:: {
                          withAnnotationsMixin(a):: { spec+: { template+: { metadata+: { annotations+: a } } } },
                        },
                        spec:: {
                          withServiceAccountName(n):: { spec+: { template+: { spec+: { serviceAccountName: n } } } },
                          withSecurityContext(c):: { spec+: { template+: { spec+: { securityContext: c } } } },
                          withVolumesMixin(v):: { spec+: { template+: { spec+: { volumes+: if std.isArray(v) then v else [v] } } } },
                        },
                      },
                    },
                  },
                },
              } },
              core:: { v1:: {
                container:: {
                  new(name, image):: { name: name, image: image, imagePullPolicy: 'IfNotPresent' },
                  withPorts(ports):: { ports: if std.isArray(ports) then ports else [ports] },
                  withEnv(env):: { env: if std.isArray(env) then env else [env] },
                  withEnvMixin(env):: { env+: if std.isArray(env) then env else [env] },
                  withVolumeMounts(m):: { volumeMounts: if std.isArray(m) then m else [m] },
                  withArgs(a):: { args: a },
                  resources:: {
                    withRequests(r):: { resources+: { requests: r } },
                    withLimits(r):: { resources+: { limits: r } },
                  },
                  securityContext:: {
                    withReadOnlyRootFilesystem(b):: { securityContext+: { readOnlyRootFilesystem: b } },
                    withAllowPrivilegeEscalation(b):: { securityContext+: { allowPrivilegeEscalation: b } },
                    capabilities:: { withDrop(d):: { securityContext+: { capabilities+: { drop: d } } } },
                  },
                  readinessProbe:: {
                    httpGet:: { withPath(p):: { readinessProbe+: { httpGet+: { path: p } } }, withPort(p):: { readinessProbe+: { httpGet+: { port: p } } } },
                    withPeriodSeconds(s):: { readinessProbe+: { periodSeconds: s } },
                  },
                },
                containerPort:: {
                  newNamed(port, name):: { containerPort: port, name: name, protocol: 'TCP' },
                },
                envVar:: {
                  new(name, value):: { name: name, value: value },
                  fromSecretRef(name, secret, key):: { name: name, valueFrom: { secretKeyRef: { name: secret, key: key } } },
                },
                volume:: { fromEmptyDir(name):: { name: name, emptyDir: {} } },
                volumeMount:: { new(name, path):: { name: name, mountPath: path } },
                service:: {
                  new(name, selector, ports):: {
                    apiVersion: 'v1', kind: 'Service', metadata: { name: name },
                    spec: { selector: selector, ports: ports },
                  },
                  mixin:: { metadata:: meta },
                },
                servicePort:: { newNamed(name, port, targetPort):: { name: name, port: port, targetPort: targetPort, protocol: 'TCP' } },
                configMap:: {
                  new(name, data={}):: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: name }, data: data },
                  mixin:: { metadata:: meta },
                },
                list:: { new(items):: { apiVersion: 'v1', kind: 'List', items: items } },
              } },
              policy:: { v1:: { podDisruptionBudget:: {
                new(name, selector):: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: name },
                                        spec: { selector: { matchLabels: selector } } },
                withMaxUnavailable(n):: { spec+: { maxUnavailable: n } },
                mixin:: { metadata:: meta },
              } } },
              networking:: { v1:: { ingress:: {
                new(name):: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: name } },
                withRules(r):: { spec+: { rules: if std.isArray(r) then r else [r] } },
                withIngressClassName(c):: { spec+: { ingressClassName: c } },
                mixin:: { metadata:: meta },
              } } },
              rbac:: { v1:: {
                role:: {
                  new(name, rules):: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: name }, rules: rules },
                  mixin:: { metadata:: meta },
                },
                roleBinding:: {
                  new(name, role, subjects):: {
                    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: name },
                    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
                    subjects: subjects,
                  },
                  mixin:: { metadata:: meta },
                },
              } },
            }
            """;

    private static final String UTIL = """
            // util.libsonnet: helpers shared by every application.
            {
              labels(name, team, version):: {
                'app.kubernetes.io/name': name,
                'app.kubernetes.io/part-of': team,
                'app.kubernetes.io/version': std.strReplace(std.strReplace(version, '+', '_'), ':', '_'),
                'app.kubernetes.io/managed-by': 'jsonnet',
              },
              selector(name):: { 'app.kubernetes.io/name': name },

              // An env list from a mapping, sorted by name, every value a string.
              envList(m):: [
                { name: std.asciiUpper(k), value: if std.isString(m[k]) then m[k] else std.toString(m[k]) }
                for k in std.objectFields(m)
              ],

              // cpu in millicores, memory in MiB: requests as given, limits doubled.
              resources(cpu, memoryMi):: {
                requests: { cpu: '%dm' % cpu, memory: '%dMi' % memoryMi },
                limits: { cpu: '%dm' % (cpu * 2), memory: '%dMi' % (memoryMi * 2) },
              },

              imageTag(image):: local parts = std.split(image, ':'); parts[std.length(parts) - 1],

              // A stable, short digest of a value (no hash functions needed).
              digest(v)::
                local s = std.manifestJsonMinified(v);
                local codes = std.map(std.codepoint, std.stringChars(s));
                std.toString(std.foldl(function(acc, c) (acc * 31 + c) % 1000000007, codes, 7)),

              mergeAll(objs):: std.foldl(function(acc, o) acc + o, objs, {}),
            }
            """;

    private static final String APP = """
            // app.libsonnet: one application from its _config, composed with mixins.
            local k = import 'github.com/example/k8s-lite/k.libsonnet';
            local u = import 'util.libsonnet';
            local deploy = k.apps.v1.deployment;
            local container = k.core.v1.container;
            {
              new(name, image, team='platform'):: {
                _config:: {
                  name: name,
                  image: image,
                  team: team,
                  port: 8080,
                  replicas: 1,
                  env: {},
                  secretEnv: [],
                  cpu: 100,
                  memoryMi: 128,
                },
                local c = self._config,
                local labels = u.labels(c.name, c.team, u.imageTag(c.image)),

                container::
                  container.new(c.name, c.image)
                  + container.withPorts([k.core.v1.containerPort.newNamed(c.port, 'http')])
                  + container.withEnv(u.envList(c.env) + c.secretEnv)
                  + container.resources.withRequests(u.resources(c.cpu, c.memoryMi).requests)
                  + container.resources.withLimits(u.resources(c.cpu, c.memoryMi).limits)
                  + container.securityContext.withReadOnlyRootFilesystem(true)
                  + container.securityContext.withAllowPrivilegeEscalation(false)
                  + container.securityContext.capabilities.withDrop(['ALL'])
                  + container.readinessProbe.httpGet.withPath('/healthz')
                  + container.readinessProbe.httpGet.withPort('http')
                  + container.readinessProbe.withPeriodSeconds(10)
                  + container.withVolumeMounts([k.core.v1.volumeMount.new('tmp', '/tmp')]),

                deployment:
                  deploy.new(c.name, c.replicas, [self.container], u.selector(c.name))
                  + deploy.mixin.metadata.withLabels(labels)
                  + deploy.mixin.spec.withMinReadySeconds(5)
                  + deploy.mixin.spec.template.metadata.withAnnotationsMixin({ 'example.com/config-digest': u.digest(c.env) })
                  + deploy.mixin.spec.template.spec.withServiceAccountName(c.name)
                  + deploy.mixin.spec.template.spec.withSecurityContext({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } })
                  + deploy.mixin.spec.template.spec.withVolumesMixin(k.core.v1.volume.fromEmptyDir('tmp'))
                  + { spec+: { template+: { metadata+: { labels+: labels } } } },

                service:
                  k.core.v1.service.new(c.name, u.selector(c.name), [k.core.v1.servicePort.newNamed('http', 80, 'http')])
                  + k.core.v1.service.mixin.metadata.withLabels(labels),

                pdb:
                  k.policy.v1.podDisruptionBudget.new(c.name, u.selector(c.name))
                  + k.policy.v1.podDisruptionBudget.withMaxUnavailable(if c.replicas > 2 then 1 else 0)
                  + k.policy.v1.podDisruptionBudget.mixin.metadata.withLabels(labels),

                rbac: k.core.v1.list.new([
                  k.rbac.v1.role.new(c.name, [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }])
                  + k.rbac.v1.role.mixin.metadata.withLabels(labels),
                  k.rbac.v1.roleBinding.new(c.name, c.name, [{ kind: 'ServiceAccount', name: c.name }])
                  + k.rbac.v1.roleBinding.mixin.metadata.withLabels(labels),
                ]),
              },

              withReplicas(n):: { _config+:: { replicas: n } },
              withEnv(env):: { _config+:: { env+: env } },
              withSecretEnv(name, secret, key):: {
                _config+:: { secretEnv+: [k.core.v1.envVar.fromSecretRef(name, secret, key)] },
              },
              withResources(cpu, memoryMi):: { _config+:: { cpu: cpu, memoryMi: memoryMi } },

              withConfig(data):: {
                local c = self._config,
                configMap:
                  k.core.v1.configMap.new(c.name + '-config', data)
                  + k.core.v1.configMap.mixin.metadata.withLabels(u.selector(c.name)),
                container+:: container.withEnvMixin([{ name: 'CONFIG_DIGEST', value: u.digest(data) }]),
              },

              withIngress(host, path):: {
                local c = self._config,
                ingress:
                  k.networking.v1.ingress.new(c.name)
                  + k.networking.v1.ingress.withIngressClassName('nginx')
                  + k.networking.v1.ingress.withRules([{
                    host: host,
                    http: { paths: [{ path: path, pathType: 'Prefix',
                                      backend: { service: { name: c.name, port: { name: 'http' } } } }] },
                  }])
                  + k.networking.v1.ingress.mixin.metadata.withLabels(u.selector(c.name)),
              },
            }
            """;
}
