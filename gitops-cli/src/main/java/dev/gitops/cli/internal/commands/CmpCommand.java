package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import picocli.CommandLine.Command;

@Command(name = "cmp", description = "The Argo CD Config Management Plugin (v2) entry points.",
        subcommands = {CmpCommand.Generate.class, CmpCommand.Serve.class},
        footer = {"%nExample (in an unpacked application path, as Argo CD's cmp-server runs it):",
                "  ARGOCD_ENV_ENVIRONMENT=dev gitops cmp generate > manifests.yaml",
                "%nSee deploy/argocd/ for plugin.yaml and the repo-server sidecar patch, and docs/ARGOCD.md."})
final class CmpCommand extends BaseCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    CmpCommand(Io io) {
        super(io);
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: generate or serve");
    }

    /**
     * Documented here for help and completion; `gitops cmp serve` is dispatched by Main before
     * picocli starts, so this one only runs for unusual argument spellings.
     */
    @Command(name = "serve",
            header = "Run the warm render server of the plugin image (started by its gitops.sh).",
            description = "A long-lived render server on a Unix socket in GITOPS_WARM_DIR, started for GITOPS_WARM_STAMP by the plugin image's client (deploy/argocd/warm-client.pl), which `gitops cmp generate` in the image asks first. See docs/ARGOCD.md, \"Warm render server\".",
            footer = {"%nExample (what the image's client runs, in the background, with its own stamp):",
                    "  GITOPS_WARM_DIR=/tmp/gitops-warm-999 GITOPS_WARM_STAMP=<stamp> gitops cmp serve"})
    static final class Serve extends BaseCommand implements java.util.concurrent.Callable<Integer> {
        Serve(Io io) {
            super(io);
        }

        @Override
        public Integer call() {
            return dev.gitops.cli.internal.cmp.RenderServer.serve(System.getenv(), System.err);
        }
    }

    /**
     * Documented here for help and completion. `gitops cmp generate` itself is dispatched by Main
     * before picocli starts; this one only runs for unusual argument spellings.
     */
    @Command(name = "generate",
            header = "Render the application in the current directory for Argo CD.",
            description = "Render the application in the current directory for Argo CD (one YAML stream on stdout). Reads ARGOCD_ENV_ENVIRONMENT, ARGOCD_APP_PARAMETERS / PARAM_ENVIRONMENT, ARGOCD_APP_SOURCE_TARGET_REVISION, ARGOCD_APP_SOURCE_PATH and ARGOCD_ENV_ALLOW_EMPTY. On any failure stdout stays empty and stderr holds one paragraph for the Argo CD UI.",
            footer = {"%nExample (as the cmp-server runs it, in the application's source path):",
                    "  ARGOCD_ENV_ENVIRONMENT=prod gitops cmp generate"})
    static final class Generate extends BaseCommand implements java.util.concurrent.Callable<Integer> {
        Generate(Io io) {
            super(io);
        }

        @Override
        public Integer call() {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int code = dev.gitops.cli.internal.cmp.CmpGenerate.run(System.getenv(), java.nio.file.Path.of(""),
                    out, System.err);
            if (code == 0) {
                io.print(out.toString(java.nio.charset.StandardCharsets.UTF_8));
            }
            return code;
        }
    }
}
