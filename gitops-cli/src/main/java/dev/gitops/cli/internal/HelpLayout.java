package dev.gitops.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One help layout for every command, set here once instead of in each command's annotation:
 * {@code Usage:} line, description, {@code Parameters:}, {@code Options:}, {@code Commands:}, then the
 * footer ({@code Examples:}, and for the top command the exit codes and environment). A command's
 * one-line header is what its parent's command list shows; its own help starts with the usage.
 */
final class HelpLayout {
    private HelpLayout() {}

    static void apply(CommandLine cl) {
        UsageMessageSpec u = cl.getCommandSpec().usageMessage();
        u.synopsisHeading("Usage: ");
        u.descriptionHeading("%n");
        u.parameterListHeading("%nParameters:%n");
        u.optionListHeading("%nOptions:%n");
        u.commandListHeading("%nCommands:%n");
        u.footerHeading("");
        u.sortOptions(true);
        u.abbreviateSynopsis(false);
        u.footer(Arrays.stream(u.footer()).map(l -> l.equals("%nExample:") ? "%nExamples:" : l).toArray(String[]::new));
        if (u.description().length == 0 && u.header().length > 0) {
            u.description(u.header());
        }
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(cl.getHelpSectionMap());
        sections.remove(UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
        sections.remove(UsageMessageSpec.SECTION_KEY_HEADER);
        cl.setHelpSectionMap(sections);
        for (CommandLine sub : cl.getSubcommands().values()) {
            apply(sub);
        }
    }
}
