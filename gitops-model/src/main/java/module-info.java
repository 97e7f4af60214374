/** The typed State of a central GitOps repository, its loaders and schemas. */
module dev.gitops.model {
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires com.networknt.schema;
    // RE2/J 1.8 has no module name of its own: the name comes from the jar's file name
    requires re2j;

    exports dev.gitops.model;
}
