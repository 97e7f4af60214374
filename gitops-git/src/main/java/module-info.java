/**
 * Git for a central GitOps repository: the state at any ref without a checkout, CI tag write-back
 * by compare-and-swap, promotion merges judged by a gate, rollback, Terraform import, status and
 * explain. Only {@code dev.gitops.git} is exported.
 */
module dev.gitops.git {
    requires transitive dev.gitops.model;
    requires org.eclipse.jgit;
    requires org.eclipse.jgit.ssh.apache;
    requires org.slf4j;
    requires org.yaml.snakeyaml;
    requires com.fasterxml.jackson.databind;

    exports dev.gitops.git;
}
