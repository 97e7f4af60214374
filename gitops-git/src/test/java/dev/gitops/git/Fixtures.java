package dev.gitops.git;

/** Input files of a small central repository with three environment branches. */
final class Fixtures {
    private Fixtures() {}

    static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com/";

    static final String TAGS = """
            # Images recorded by CI after each build.
            # Do not edit by hand: `gitops tag set` keeps this file.

            service_common:
              v1.0.86: 123456789012.dkr.ecr.us-east-1.amazonaws.com/service_common:12

            service_rpps:
              v1.0.146: 123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps:57   # good build
              'v1.0.150': "123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps:59"
              main: 123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps:60
            """;

    static String controlCenter(String devRpps, String preprodRpps, String prodRpps) {
        return """
                # Central configuration: one block per environment.
                defaults:
                  replicas: 1
                  memory_min: 1Gi

                dev:
                  elk_endpoint: https://search-dev.example.com
                  service_common:
                    git_rev: v1.0.86
                  service_rpps:
                    git_rev: %s
                    memory_min: 2Gi
                    memory_max: 4Gi

                preprod:
                  elk_endpoint: https://search-preprod.example.com
                  service_common:
                    git_rev: v1.0.86
                  service_rpps:
                    git_rev: %s
                    memory_min: 2Gi
                    memory_max: 4Gi
                    replicas: 2

                prod:
                  elk_endpoint: https://search-prod.example.com
                  service_common:
                    git_rev: v1.0.86
                  service_rpps:
                    git_rev: %s
                    memory_min: 2Gi
                    memory_max: 4Gi
                    replicas: 3
                """.formatted(devRpps, preprodRpps, prodRpps);
    }

    static String envFile(String env) {
        return "vpc_id: vpc-" + env + "\ncluster_name: eks-" + env + "\n";
    }

    /**
     * dev, preprod and prod branches sharing one base commit, each with its own env file; every
     * environment runs service_rpps v1.0.146.
     */
    static TestRepo threeEnvironments(TestRepo r) {
        r.branch("dev").commit("initial central repository")
                .add("control-center.yaml", controlCenter("v1.0.146", "v1.0.146", "v1.0.146"))
                .add("tags.yaml", TAGS)
                .create();
        r.fork("dev", "preprod").fork("dev", "prod");
        r.branch("dev").commit("terraform outputs of dev").add("env-dev.yaml", envFile("dev")).create();
        r.branch("preprod").commit("terraform outputs of preprod").add("env-preprod.yaml", envFile("preprod")).create();
        r.branch("prod").commit("terraform outputs of prod").add("env-prod.yaml", envFile("prod")).create();
        return r;
    }
}
