package dev.gitops.git;

import dev.gitops.git.internal.StatusRender;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The single-glance matrix: service x environment, each cell what runs there (revision, image,
 * replicas, memory) and whether a change is waiting for promotion (the environment's own section
 * resolves differently on the previous environment's branch than on its own branch).
 *
 * @param environments the columns, in promotion order
 * @param rows one per service found in any environment's own section, in first-seen order
 */
public record StatusMatrix(List<Column> environments, List<Row> rows) {
    /**
     * Copies the collections.
     *
     * @param environments the columns, in promotion order
     * @param rows one per service found in any environment's own section, in first-seen order
     */
    public StatusMatrix {
        environments = List.copyOf(environments);
        rows = List.copyOf(rows);
    }

    /**
     * One environment.
     *
     * @param name the environment
     * @param branch its branch
     * @param commit the branch tip; absent when the branch does not exist
     * @param problem why the branch could not be read (a malformed file), when it could not
     * @param paramsWaiting whether the environment parameters differ on the previous branch
     */
    public record Column(String name, String branch, Optional<String> commit, Optional<String> problem,
                         boolean paramsWaiting) {
        /**
         * Checks that no component is null.
         *
         * @param name the environment
         * @param branch its branch
         * @param commit the branch tip; absent when the branch does not exist
         * @param problem why the branch could not be read (a malformed file), when it could not
         * @param paramsWaiting whether the environment parameters differ on the previous branch
         */
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * One service.
     *
     * @param service the service
     * @param cells environment -> cell, for every environment
     */
    public record Row(String service, Map<String, Cell> cells) {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param service the service
         * @param cells environment -> cell, for every environment
         */
        public Row {
            Objects.requireNonNull(service, "service");
            cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }
    }

    /**
     * One service in one environment.
     *
     * @param current the service as its environment's own branch has it; absent when not deployed there
     * @param incoming the environment's section as the previous environment's branch has it, when
     *     that differs (what a promotion would bring); absent when nothing waits or it would remove
     *     the service (then {@code waiting} is still true)
     * @param waiting whether a promotion would change this cell
     * @param rolledBack the rollback commit, when the revision a promotion would bring was rolled
     *     back in this environment (the promotion is blocked until acknowledged)
     */
    public record Cell(Optional<ServiceView> current, Optional<ServiceView> incoming, boolean waiting,
                       Optional<String> rolledBack) {
        /**
         * Checks that no component is null.
         *
         * @param current the service as its environment's own branch has it; absent when not deployed there
         * @param incoming the environment's section as the previous environment's branch has it, when
         *     that differs (what a promotion would bring); absent when nothing waits or it would remove
         *     the service (then {@code waiting} is still true)
         * @param waiting whether a promotion would change this cell
         * @param rolledBack the rollback commit, when the revision a promotion would bring was rolled
         *     back in this environment (the promotion is blocked until acknowledged)
         */
        public Cell {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(incoming, "incoming");
            Objects.requireNonNull(rolledBack, "rolledBack");
        }

        /**
         * A cell whose incoming revision was not rolled back.
         *
         * @param current the service as its environment's own branch has it
         * @param incoming the environment's section as the previous environment's branch has it
         * @param waiting whether a promotion would change this cell
         */
        public Cell(Optional<ServiceView> current, Optional<ServiceView> incoming, boolean waiting) {
            this(current, incoming, waiting, Optional.empty());
        }
    }

    /**
     * What runs.
     *
     * @param revision the revision ({@code git_rev})
     * @param image the image tags.yaml records for it; absent when unresolved
     * @param replicas desired replicas
     * @param memoryMin memory request, as written
     * @param memoryMax memory limit, as written
     */
    public record ServiceView(String revision, Optional<String> image, Optional<Integer> replicas,
                              Optional<String> memoryMin, Optional<String> memoryMax) {
        /**
         * Checks that no component is null.
         *
         * @param revision the revision ({@code git_rev})
         * @param image the image tags.yaml records for it; absent when unresolved
         * @param replicas desired replicas
         * @param memoryMin memory request, as written
         * @param memoryMax memory limit, as written
         */
        public ServiceView {
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(replicas, "replicas");
            Objects.requireNonNull(memoryMin, "memoryMin");
            Objects.requireNonNull(memoryMax, "memoryMax");
        }
    }

    /**
     * An aligned text table: a header, then per service one line with each environment's revision ({@code *} waiting).
     *
     * @return the table
     */
    public String toText() {
        return StatusRender.text(this);
    }

    /**
     * The matrix as JSON (stable key order, no insignificant white space beyond new lines).
     *
     * @return the JSON text
     */
    public String toJson() {
        return StatusRender.json(this);
    }

    /**
     * A self-contained HTML page (inline CSS, no scripts or external assets): one row per service,
     * one column per environment, cells with waiting changes highlighted.
     *
     * @return the HTML text
     */
    public String toHtml() {
        return StatusRender.html(this);
    }
}
