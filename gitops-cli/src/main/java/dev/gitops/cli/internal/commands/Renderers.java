package dev.gitops.cli.internal.commands;

import dev.gitops.render.RenderOptions;
import dev.gitops.render.Renderer;

/** The renderer every command uses (one per process; the CLI ends the process at the deadline). */
final class Renderers {
    private Renderers() {}

    static Renderer standard() {
        return Renderer.create(RenderOptions.DEFAULT);
    }
}
