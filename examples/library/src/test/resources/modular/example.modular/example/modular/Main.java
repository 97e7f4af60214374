package example.modular;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;

import java.nio.file.Path;

/** Loads and renders a central repository from a named module: the module-path case of docs/LIBRARY.md. */
public final class Main {
    private Main() {}

    /** Prints the number of manifests of the environment {@code args[1]} of the repository {@code args[0]}. */
    public static void main(String[] args) {
        RepoSnapshot snapshot = RepoLoader.load(FileSource.directory(Path.of(args[0])), Provenance.workingTree());
        int n = Renderer.create(RenderOptions.DEFAULT).render(snapshot, args[1]).size();
        System.out.println("manifests=" + n + " module=" + Main.class.getModule().getName());
    }
}
