package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.UserError;
import dev.gitops.policy.Report;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** {@code --rules-uri URL}: where SARIF's rule help links point (a served copy of docs/POLICIES.md). */
final class SarifOptions {
    @Option(names = "--rules-uri", paramLabel = "URL",
            description = "With --format sarif: the address of docs/POLICIES.md that rule help links point into (default: gitops.yaml's links.rules, else the page in the project's repository).")
    String rulesUri;

    /**
     * The page every SARIF rule's helpUri points into: {@code --rules-uri} (the option wins), else
     * gitops.yaml's {@code links.rules} (its schema admits only absolute http(s) addresses without a
     * fragment), else the library's default.
     */
    URI docs(Optional<String> configured) {
        if (rulesUri == null) {
            return configured.map(URI::create).orElse(Report.DEFAULT_DOCS_URI);
        }
        try {
            URI u = new URI(rulesUri);
            if (u.isAbsolute() && (u.getScheme().equals("https") || u.getScheme().equals("http")) && u.getFragment() == null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below with the same message as any other unusable address
        }
        throw new UserError("--rules-uri " + rulesUri + ": not an absolute http(s) address without a #fragment",
                "e.g. --rules-uri https://docs.example.com/gitops/POLICIES.md (rule anchors are appended)");
    }
}
