/**
 * JMH benchmarks, one class per phase (load, evaluate, render, policy, git). Never part of
 * {@code mvn test}. Run: {@code mvn -B -q package -pl benchmarks -am -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar <regex>}; docs/PERFORMANCE.md records numbers and commands.
 */
package dev.gitops.benchmarks;
