// tag::module-info[]
module example.modular {
    requires dev.gitops.model;     // a named module (module-info in the jar)
    requires dev.gitops.render;    // an automatic module (Automatic-Module-Name); it reads the class path
}
// end::module-info[]
