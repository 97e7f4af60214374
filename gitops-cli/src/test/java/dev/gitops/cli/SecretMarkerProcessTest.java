package dev.gitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A sensitive Terraform output with a marker value, in a well-formed and in a misspelled output
 * object, through {@code state} and the plugin as real processes: the marker never reaches either
 * stream (dev.gitops.cli.internal.SecretMarkerTest runs every command in-process).
 */
class SecretMarkerProcessTest {
    @TempDir
    Path tmp;

    @Test
    void stateAndPlugin_sensitiveOutputWellFormedOrMisspelled_neverShowTheValue() throws IOException {
        Map<String, String> files = Fixtures.centralRepo();
        files.put("env-dev.yaml", "vpc_id: {value: vpc-dev, type: string, sensitive: false}\n"
                + "db_password: {value: SECRETMARKproc, type: string, sensitive: true}\n");
        Path ok = Fixtures.write(Files.createDirectories(tmp.resolve("ok")), files);
        files.put("env-dev.yaml", "vpc_id: vpc-dev\ndb_password: {value: SECRETMARKproc, Sensitive: true}\n");
        Path broken = Fixtures.write(Files.createDirectories(tmp.resolve("broken")), files);
        for (Path dir : List.of(ok, broken)) {
            GitopsProcess.Result state = GitopsProcess.run(dir, Map.of(), "state", "--repo", ".", "--env", "dev");
            GitopsProcess.Result cmp = GitopsProcess.run(dir, Map.of("ARGOCD_ENV_ENVIRONMENT", "dev"), "cmp", "generate");
            for (GitopsProcess.Result r : List.of(state, cmp)) {
                assertEquals(dir == ok ? 0 : 2, r.exit(), r.toString());
                assertFalse((r.stdout() + r.stderr()).contains("SECRETMARK"), r.toString());
            }
        }
    }
}
