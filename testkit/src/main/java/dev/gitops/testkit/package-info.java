/**
 * Test support for users of the gitops library and for its own modules.
 *
 * <ul>
 *   <li>{@link dev.gitops.testkit.RepoGen}: QuickTheories generators of valid central
 *       repositories, resolved states, broken repositories (each labelled with its defect),
 *       arbitrary bytes and mutations of valid files;</li>
 *   <li>{@link dev.gitops.testkit.TemplateProperties}: property checks for Jsonnet template
 *       authors (valid names and labels, byte-identical output);</li>
 *   <li>{@link dev.gitops.testkit.TempRepo}: real temporary Git repositories, built fluently;</li>
 *   <li>{@link dev.gitops.testkit.Golden}: golden-file assertions with an update switch.</li>
 * </ul>
 */
package dev.gitops.testkit;
