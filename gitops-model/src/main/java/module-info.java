/** The typed State of a central GitOps repository, its loaders and schemas. */
module dev.gitops.model {
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires com.networknt.schema;

    exports dev.gitops.model;
}
