package dev.gitops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * env-&lt;env&gt;.yaml: Terraform outputs of one environment, normalised from either a plain mapping
 * or the exact {@code terraform output -json} shape ({@code {name: {value, type, sensitive}}}).
 *
 * @param environment the environment the file belongs to
 * @param file the file's path in the repository, for messages
 * @param outputs output name -> output, in file order (unmodifiable)
 */
public record TerraformOutputs(String environment, String file, Map<String, Output> outputs) {
    /**
     * Copies the map and checks that no component is null.
     *
     * @param environment the environment the file belongs to
     * @param file the file's path in the repository, for messages
     * @param outputs output name -> output, in file order (unmodifiable)
     */
    public TerraformOutputs {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(file, "file");
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /**
     * One output. A {@code sensitive} output must never be committed (a policy finding); its value
     * is never printed by this library.
     *
     * @param name the output's name
     * @param value its value
     * @param sensitive whether Terraform marks it sensitive
     * @param type its Terraform type, when the file gives one
     * @param location where it is
     */
    public record Output(String name, Value value, boolean sensitive, Optional<Value> type, SourceLocation location) {
        /**
         * Checks that no component is null.
         *
         * @param name the output's name
         * @param value its value
         * @param sensitive whether Terraform marks it sensitive
         * @param type its Terraform type, when the file gives one
         * @param location where it is
         */
        public Output {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(location, "location");
        }

        /** Never the value: sensitive outputs must not reach logs through a record's toString. */
        @Override
        public String toString() {
            return "Output[" + name + (sensitive ? ", sensitive" : "") + " at " + location + "]";
        }
    }
}
