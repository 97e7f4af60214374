package dev.gitops.cli.internal.commands;

import dev.gitops.cli.internal.Io;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code gitops completion [bash|zsh|fish]}: a small script per shell that asks
 * {@code gitops __complete} for the candidates, so that environment names, service names and rule
 * ids come from the repository at hand and commands and options from the same command tree as
 * {@code --help}.
 */
@Command(name = "completion",
        header = "Print a completion script for bash, zsh or fish.",
        description = "Print a completion script for bash (the default), zsh or fish. The script asks gitops for the candidates as you type: commands, options, format names, and from the repository of --repo (or the current folder) its environment names, service names and policy rule ids.",
        footer = {"%nExamples:",
                "  source <(gitops completion bash)                     # bash, this shell",
                "  gitops completion zsh > \"${fpath[1]}/_gitops\"        # zsh, with compinit",
                "  gitops completion fish > ~/.config/fish/completions/gitops.fish"})
final class CompletionCommand extends BaseCommand implements Callable<Integer> {
    enum Shell { bash, zsh, fish }

    @Parameters(index = "0", arity = "0..1", defaultValue = "bash", paramLabel = "SHELL", description = "bash (default), zsh or fish.")
    Shell shell;

    CompletionCommand(Io io) {
        super(io);
    }

    @Override
    public Integer call() {
        io.print(switch (shell) {
            case bash -> BASH;
            case zsh -> ZSH;
            case fish -> FISH;
        });
        return 0;
    }

    /** Word splitting on new lines only: candidates never contain one. No candidate: file names. */
    static final String BASH = """
            #!/usr/bin/env bash
            # bash completion for gitops (gitops completion bash). The candidates come from `gitops __complete`.
            _gitops_complete() {
              local cur="${COMP_WORDS[COMP_CWORD]}"
              local IFS=$'\\n'
              local -a candidates
              candidates=($(gitops __complete "${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null))
              if [ ${#candidates[@]} -eq 0 ]; then
                COMPREPLY=($(compgen -f -- "$cur"))
              else
                COMPREPLY=("${candidates[@]}")
              fi
            }
            complete -o filenames -F _gitops_complete gitops
            """;

    static final String ZSH = """
            #compdef gitops
            # zsh completion for gitops (gitops completion zsh). The candidates come from `gitops __complete`.
            _gitops() {
              local -a candidates
              candidates=("${(@f)$(gitops __complete "${(@)words[2,CURRENT-1]}" "${words[CURRENT]}" 2>/dev/null)}")
              if (( ${#candidates} == 0 )) || [[ -z "${candidates[1]}" ]]; then
                _files
              else
                compadd -a candidates
              fi
            }
            if [ "$funcstack[1]" = "_gitops" ]; then
              _gitops "$@"
            else
              compdef _gitops gitops
            fi
            """;

    static final String FISH = """
            # fish completion for gitops (gitops completion fish). The candidates come from `gitops __complete`.
            function __gitops_complete
                set -l words (commandline -opc)
                set -e words[1]
                gitops __complete $words (commandline -ct) 2>/dev/null
            end
            complete -c gitops -a '(__gitops_complete)'
            """;
}
