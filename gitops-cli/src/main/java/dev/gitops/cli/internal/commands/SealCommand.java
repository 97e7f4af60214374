package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import dev.gitops.cli.internal.Refused;
import dev.gitops.cli.internal.UserError;
import dev.gitops.cli.internal.ValueText;
import dev.gitops.git.CentralRepo;
import dev.gitops.git.SealOptions;
import dev.gitops.git.SealResult;
import dev.gitops.git.SecretToSeal;
import dev.gitops.model.FileSource;
import dev.gitops.model.GitopsConfig;
import dev.gitops.model.Problem;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.Sealing;
import dev.gitops.model.SealingKey;
import dev.gitops.model.SealingTarget;
import dev.gitops.model.SecretManifest;
import dev.gitops.model.SecretValue;
import dev.gitops.model.StateException;
import dev.gitops.model.Value;
import dev.gitops.model.ValueDigestKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "seal",
        header = "Seal secrets for Sealed Secrets (kubeseal's format), to stdout or into secrets.yaml.",
        description = {
                "Seal values with the Sealed Secrets controller's certificate, exactly as kubeseal does (RSA-OAEP + AES-256-GCM, JDK crypto). Plaintext is never written, logged or printed.",
                "Without --repo: print one SealedSecret (bitnami.com/v1alpha1) on stdout.",
                "With --repo and --env: add or update the secret in secrets.yaml under that environment, in one commit on the dev branch (compare-and-swap, as tag write-back).",
                "With --from-dir: seal every Kubernetes Secret YAML of the folder into the environment's section of secrets.yaml in one commit (batch mode for a private secrets repository's CI): secrets not in the folder are removed, and a value whose plaintext did not change keeps its ciphertext (needs the digest key).",
                "Values: KEY=VALUE (visible in the process list: prefer the others), KEY=@FILE (the file's bytes), KEY=- (stdin's bytes, as they are)."},
        footer = {"%nExamples:",
                "  kubeseal --fetch-cert > cert.pem",
                "  printf %%s \"$DB_PASSWORD\" | gitops seal --cert cert.pem --namespace shop --name db password=- > db-sealed.yaml",
                "  gitops seal --repo . --env prod --name db --namespace shop-prod password=@password.txt",
                "  GITOPS_SEAL_DIGEST_KEY=... gitops seal --repo central --env prod --from-dir secrets/prod --push origin",
                "See docs/SECRETS.md."})
final class SealCommand extends BaseCommand implements Callable<Integer> {
    /** Bound of one value read from a file or stdin: the Kubernetes limit of a whole Secret. */
    static final int MAX_VALUE_BYTES = SecretManifest.MAX_DATA_BYTES;
    /** Bound of the files read by --from-dir. */
    static final int MAX_FILES = 1000;
    static final String DIGEST_KEY_ENV = "GITOPS_SEAL_DIGEST_KEY";

    @Option(names = "--cert", paramLabel = "FILE",
            description = "The controller's certificate (kubeseal --fetch-cert) or PEM public key. With --repo, default: the environment's sealingCertificate in gitops.yaml.")
    Path cert;

    @Option(names = "--namespace", paramLabel = "NS", description = "The SealedSecret's namespace (with --repo, default: the environment's).")
    String namespace;

    @Option(names = "--name", paramLabel = "NAME", description = "The SealedSecret's (and Secret's) name.")
    String name;

    @Option(names = "--scope", paramLabel = "S", defaultValue = "strict",
            description = "strict (default: this namespace and name), namespace-wide, or cluster-wide.")
    String scope;

    @Option(names = "--type", paramLabel = "TYPE", description = "The Secret type, e.g. Opaque or kubernetes.io/dockerconfigjson.")
    String type;

    @Option(names = "--repo", paramLabel = "DIR", description = "The central repository: write into its secrets.yaml instead of printing.")
    Path repo;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment section of secrets.yaml (with --repo).")
    String env;

    @Option(names = "--from-dir", paramLabel = "FOLDER",
            description = "Batch mode: every *.yaml / *.yml Kubernetes Secret in FOLDER (one per file) becomes the environment's section.")
    Path fromDir;

    @Option(names = "--digest-key-file", paramLabel = "FILE",
            description = "The key of the plaintext digests (at least 32 bytes; default: $" + DIGEST_KEY_ENV + "). Required with --from-dir.")
    Path digestKeyFile;

    @Option(names = "--push", paramLabel = "REMOTE", description = "Fetch first, then push (with --repo).")
    String push;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "With --repo: text (default) or json.")
    String format;

    @Parameters(paramLabel = "KEY=VALUE|KEY=@FILE|KEY=-", arity = "0..*", description = "The values to seal.")
    List<String> values = new ArrayList<>();

    SealCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        SealedSecretSpec.Scope sealScope = SealedSecretSpec.Scope.parse(scope).orElseThrow(() -> new UserError(
                "--scope " + scope + ": unknown scope", "strict, namespace-wide or cluster-wide"));
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserError("--format " + format + ": unknown format", "text or json");
        }
        if (repo == null) {
            if (env != null || fromDir != null || push != null || digestKeyFile != null) {
                throw new UserError("--env, --from-dir, --digest-key-file and --push need --repo", "pass --repo DIR, or leave them out to print a SealedSecret");
            }
            return printSealedSecret(sealScope);
        }
        if (env == null) {
            throw new UserError("--repo needs --env", "name the environment section of secrets.yaml, e.g. --env prod");
        }
        if (fromDir != null && (name != null || namespace != null || type != null || !values.isEmpty() || !scope.equals("strict"))) {
            throw new UserError("--from-dir takes the names, namespaces, scopes and values from the Secret files",
                    "leave out --name, --namespace, --scope, --type and KEY=VALUE");
        }
        if (fromDir == null && (name == null || values.isEmpty())) {
            throw new UserError("missing --name or values", "gitops seal --repo DIR --env ENV --name NAME KEY=@FILE ...");
        }
        return sealIntoRepo(sealScope);
    }

    private int printSealedSecret(SealedSecretSpec.Scope sealScope) throws IOException {
        if (cert == null || name == null || namespace == null || values.isEmpty()) {
            throw new UserError("missing --cert, --namespace, --name or values",
                    "gitops seal --cert cert.pem --namespace NS --name NAME KEY=@FILE ...");
        }
        SealingKey key = SealingKey.parsePem(cert.toString(), readFile("--cert ", cert, 64 * 1024), Instant.now());
        SealingTarget target = target(namespace, name, sealScope);
        Map<String, SecretValue> data = parseValues();
        Map<String, Value> encrypted = new LinkedHashMap<>();
        try {
            data.forEach((k, v) -> encrypted.put(k, Value.of(Sealing.seal(key, target, v))));
        } finally {
            data.values().forEach(SecretValue::destroy);
        }
        Map<String, Value> meta = new LinkedHashMap<>();
        meta.put("name", Value.of(name));
        meta.put("namespace", Value.of(namespace));
        target.scopeAnnotation().ifPresent(a -> meta.put("annotations", Value.of(Map.of(a, Value.of("true")))));
        Map<String, Value> template = new LinkedHashMap<>();
        // kubeseal copies the Secret's metadata into the template, the scope annotation with it.
        template.put("metadata", Value.of(new LinkedHashMap<>(meta)));
        template.put("type", Value.of(type == null ? "Opaque" : type));
        Map<String, Value> spec = new LinkedHashMap<>();
        spec.put("encryptedData", Value.of(encrypted));
        spec.put("template", Value.of(template));
        Map<String, Value> doc = new LinkedHashMap<>();
        doc.put("apiVersion", Value.of("bitnami.com/v1alpha1"));
        doc.put("kind", Value.of("SealedSecret"));
        doc.put("metadata", Value.of(meta));
        doc.put("spec", Value.of(spec));
        io.printDocument(ValueText.yaml(Value.of(doc)));
        return 0;
    }

    private int sealIntoRepo(SealedSecretSpec.Scope sealScope) throws IOException {
        Path dir = repo.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserError("--repo " + repo + ": no such directory", "pass the central repository's folder");
        }
        Optional<ValueDigestKey> digestKey = digestKey();
        if (fromDir != null && digestKey.isEmpty()) {
            throw new UserError("--from-dir needs the digest key, or every run would re-seal every value",
                    "set " + DIGEST_KEY_ENV + " or pass --digest-key-file (at least 32 random bytes, e.g. openssl rand -base64 48); see docs/SECRETS.md");
        }
        SealOptions options = SealOptions.defaults().withReplaceEnvironment(fromDir != null).withIdentity(GitAccess.identity(io, dir));
        if (digestKey.isPresent()) {
            options = options.withDigestKey(digestKey.get());
        }
        var remote = GitAccess.remote(push, io);
        if (remote.isPresent()) {
            options = options.withPush(remote.get());
        }
        List<SecretToSeal> secrets = fromDir != null ? readFolder(fromDir)
                : List.of(new SecretToSeal(name, Optional.ofNullable(namespace), sealScope, Optional.ofNullable(type), parseValues()));
        SealResult r;
        try (CentralRepo central = GitAccess.open(dir)) {
            SealingKey key = cert != null
                    ? SealingKey.parsePem(cert.toString(), readFile("--cert ", cert, 64 * 1024), Instant.now())
                    : certificateOf(central);
            r = central.seal(env, key, secrets, options);
        } finally {
            secrets.forEach(s -> s.data().values().forEach(SecretValue::destroy));
        }
        return report(r);
    }

    /** The environment's sealingCertificate of gitops.yaml, read at HEAD. */
    private SealingKey certificateOf(CentralRepo central) {
        FileSource files = central.files("HEAD");
        GitopsConfig config = RepoLoader.loadConfig(files);
        GitopsConfig.EnvironmentConfig e = config.environment(env).orElseThrow(() -> new UserError(
                "--env " + env + ": unknown environment", "known: " + String.join(", ", config.environmentNames())));
        String path = e.sealingCertificate().orElseThrow(() -> new UserError(
                "no certificate for " + env + ": pass --cert, or name the environment's sealingCertificate in gitops.yaml",
                "kubeseal --fetch-cert > certs/" + env + ".pem, then set environments[].sealingCertificate: certs/" + env + ".pem"));
        byte[] pem;
        try {
            pem = files.read(path).orElseThrow(() -> new UserError("gitops.yaml: sealingCertificate of " + env + ": "
                    + path + " does not exist at HEAD", "commit the certificate, or fix the path"));
        } catch (IOException x) {
            throw new UserError("gitops.yaml: sealingCertificate of " + env + ": " + path + " cannot be read", null);
        }
        return SealingKey.parsePem(path, pem, Instant.now());
    }

    private int report(SealResult r) {
        if (r instanceof SealResult.Sealed s) {
            if (format.equals("json")) {
                json("sealed", s.branch(), s.commit(), s.added(), s.changed(), s.removed(), s.unchanged());
            } else {
                io.println("sealed into " + s.file() + " (" + env + ") on " + s.branch() + " at " + s.commit());
                line("added", s.added());
                line("changed", s.changed());
                line("removed", s.removed());
                line("unchanged", s.unchanged());
            }
            return 0;
        }
        if (r instanceof SealResult.NoChange n) {
            if (format.equals("json")) {
                json("unchanged", n.branch(), n.commit(), List.of(), List.of(), List.of(), n.unchanged());
            } else {
                io.println("unchanged: " + n.branch() + " already has these values sealed (" + n.unchanged().size() + " secret(s))");
            }
            return 0;
        }
        if (r instanceof SealResult.Refused x) {
            throw new Refused("gitops seal: refused: " + x.reason());
        }
        if (r instanceof SealResult.LostRaces l) {
            throw new Refused("gitops seal: " + l.branch() + " kept moving: gave up after " + l.attempts() + " attempts; nothing was written");
        }
        throw new Refused("gitops seal: failed: " + ((SealResult.Failed) r).reason());
    }

    private void json(String result, String branch, String commit, List<String> added, List<String> changed,
                      List<String> removed, List<String> unchanged) {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("result", Value.of(result));
        m.put("environment", Value.of(env));
        m.put("branch", Value.of(branch));
        m.put("commit", Value.of(commit));
        m.put("added", names(added));
        m.put("changed", names(changed));
        m.put("removed", names(removed));
        m.put("unchanged", names(unchanged));
        io.printDocument(ValueText.json(Value.of(m)));
    }

    private void line(String what, List<String> names) {
        if (!names.isEmpty()) {
            io.println(what + " (" + names.size() + "): " + String.join(", ", names));
        }
    }

    private static Value names(List<String> names) {
        return Value.of(names.stream().map(Value::of).toList());
    }

    private static SealingTarget target(String ns, String n, SealedSecretSpec.Scope s) {
        try {
            return new SealingTarget(ns, n, s);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), "Kubernetes names are lower-case DNS names");
        }
    }

    /** KEY=VALUE, KEY=@FILE and KEY=- into key -> plaintext; errors name the key, never the value. */
    private Map<String, SecretValue> parseValues() throws IOException {
        Map<String, SecretValue> out = new LinkedHashMap<>();
        boolean stdinUsed = false;
        for (String arg : values) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                // The argument may be a value typed without its key: never echo it.
                throw new UserError("a value argument is not KEY=VALUE, KEY=@FILE or KEY=- (the argument is not shown)",
                        "write each value as KEY=@FILE or KEY=-");
            }
            String k = arg.substring(0, eq);
            String rest = arg.substring(eq + 1);
            if (!k.matches("[-._a-zA-Z0-9]{1,253}")) {
                throw new UserError("'" + k + "' is not a Secret key", "letters, digits, '-', '_' and '.'");
            }
            byte[] bytes;
            if (rest.equals("-")) {
                if (stdinUsed) {
                    throw new UserError(k + "=-: stdin is already read for another key", "use KEY=@FILE for the others");
                }
                stdinUsed = true;
                bytes = readBounded(System.in, k + "=-");
            } else if (rest.startsWith("@")) {
                bytes = readFile(k + "=@", Path.of(rest.substring(1)), MAX_VALUE_BYTES);
            } else {
                bytes = rest.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            if (out.put(k, SecretValue.of(bytes)) != null) {
                throw new UserError("key " + k + " is given twice", null);
            }
            Arrays.fill(bytes, (byte) 0);
        }
        return out;
    }

    private static byte[] readBounded(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_VALUE_BYTES + 1);
        if (bytes.length > MAX_VALUE_BYTES) {
            Arrays.fill(bytes, (byte) 0);
            throw new UserError(what + ": more than " + MAX_VALUE_BYTES + " bytes", "a Secret holds at most 1 MiB");
        }
        return bytes;
    }

    private static byte[] readFile(String what, Path file, int max) {
        try {
            if (Files.isDirectory(file)) {
                throw new UserError(what + file + ": is a folder", null);
            }
            if (Files.size(file) > max) {
                throw new UserError(what + file + ": more than " + max + " bytes", null);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(max);
            }
        } catch (NoSuchFileException e) {
            throw new UserError(what + file + ": no such file", null);
        } catch (IOException e) {
            throw new UserError(what + file + ": cannot be read", null);
        }
    }

    private Optional<ValueDigestKey> digestKey() {
        byte[] material;
        if (digestKeyFile != null) {
            material = readFile("--digest-key-file ", digestKeyFile, 4096);
        } else {
            Optional<String> fromEnv = io.env(DIGEST_KEY_ENV);
            if (fromEnv.isEmpty()) {
                return Optional.empty();
            }
            material = fromEnv.get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        // A trailing line break (echo, a file saved by an editor) is not part of the key.
        int n = material.length;
        while (n > 0 && (material[n - 1] == '\n' || material[n - 1] == '\r')) {
            n--;
        }
        try {
            return Optional.of(ValueDigestKey.of(Arrays.copyOf(material, n)));
        } catch (IllegalArgumentException e) {
            throw new UserError("the digest key is too short: " + e.getMessage(), "openssl rand -base64 48");
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Every Secret file of the folder (sorted, one Secret each), every problem of every file reported at once. */
    private static List<SecretToSeal> readFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new UserError("--from-dir " + folder + ": no such folder", null);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> {
                String f = p.getFileName().toString();
                return !f.startsWith(".") && (f.endsWith(".yaml") || f.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted().limit(MAX_FILES + 1L).toList();
        }
        if (files.size() > MAX_FILES) {
            throw new UserError("--from-dir " + folder + ": more than " + MAX_FILES + " Secret files", "split the folder per environment");
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, SecretToSeal> out = new LinkedHashMap<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (Path p : files) {
            String shown = folder.getFileName() + "/" + p.getFileName();
            if (Files.size(p) > 2L * SecretManifest.MAX_DATA_BYTES) {
                problems.add(Problem.of(dev.gitops.model.SourceLocation.ofFile(shown), "larger than " + 2 * SecretManifest.MAX_DATA_BYTES
                        + " bytes; a Secret holds at most 1 MiB", null));
                continue;
            }
            SecretManifest m;
            try {
                m = SecretManifest.read(shown, Files.readAllBytes(p));
            } catch (StateException e) {
                problems.addAll(e.problems());
                continue;
            }
            String previous = fileOf.putIfAbsent(m.name(), shown);
            if (previous != null) {
                problems.add(Problem.of(m.location(), "Secret " + m.name() + " is also defined in " + previous, "one file per Secret"));
                continue;
            }
            out.put(m.name(), new SecretToSeal(m.name(), m.namespace(), m.scope(), m.type(), m.data()));
        }
        if (!problems.isEmpty()) {
            out.values().forEach(s -> s.data().values().forEach(SecretValue::destroy));
            throw new StateException(problems);
        }
        return List.copyOf(out.values());
    }
}
