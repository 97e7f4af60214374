package dev.gitops.cli.internal;

import dev.gitops.model.Spelling;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Did-you-mean for mistyped options and commands: commands ranked by picocli
 * ({@link UnmatchedArgumentException#getSuggestions()}), options by the model's {@link Spelling}
 * (picocli 4.7 suggests options only by a shared prefix, so {@code --evn} would get nothing). A
 * mistyped option also leaves a required option missing, which picocli reports first; the mistyped
 * word is the more useful message.
 */
final class Suggestions {
    private Suggestions() {}

    /**
     * The message for a usage error: an unknown option or command with the closest known ones, or
     * picocli's own message when no word of {@code args} is unknown to the command that failed.
     */
    static String message(CommandLine.ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        Optional<String> unknown = ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                ? Optional.of(u.getUnmatched().get(0))
                : unknownOption(c.getCommandSpec(), args);
        if (unknown.isEmpty()) {
            return ex.getMessage();
        }
        String word = unknown.get();
        boolean option = word.startsWith("-");
        List<String> close = option
                ? Spelling.closest(word, c.getCommandSpec().optionsMap().keySet()).stream().toList()
                : new UnmatchedArgumentException(c, List.of(word)).getSuggestions();
        String what = option ? "Unknown option '" + word + "'"
                : c.getSubcommands().isEmpty() ? "Unexpected argument '" + word + "'" : "Unknown command '" + word + "'";
        return close.isEmpty() ? what : what + "; did you mean " + String.join(" or ", close.subList(0, Math.min(3, close.size()))) + "?";
    }

    /** The first word of {@code args} that looks like an option and that {@code spec} does not know. */
    private static Optional<String> unknownOption(CommandSpec spec, String[] args) {
        List<String> words = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            words.add(a);
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-") || w.equals("-")) {
                continue;
            }
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            boolean valueOfPrevious = i > 0 && takesValue(spec, words.get(i - 1));
            if (!valueOfPrevious && spec.findOption(name) == null && !isNumber(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static boolean takesValue(CommandSpec spec, String word) {
        if (!word.startsWith("-") || word.contains("=")) {
            return false;
        }
        CommandLine.Model.OptionSpec o = spec.findOption(word);
        return o != null && o.arity().max() > 0;
    }

    private static boolean isNumber(String s) {
        return s.matches("-[0-9]+(\\.[0-9]+)?");
    }
}
