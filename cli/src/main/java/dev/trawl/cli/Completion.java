package dev.trawl.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The bash completion script {@code trawl --completion} prints, made from the commands' specs; zsh runs it
 * through its {@code bashcompinit}. It completes option names, the subcommands as the first word, the example
 * names after {@code example}, the choices of an option whose label lists them ({@code -T fields|json|ek|text}),
 * interface names after {@code -i}, and file names elsewhere. Stateless.
 */
final class Completion {
    private Completion() {
    }

    /** The script, for {@code trawl} and its subcommands, with {@code examples} as the names after {@code example}. */
    static String script(CommandSpec main, List<CommandSpec> subcommands, List<String> examples) {
        StringBuilder s = new StringBuilder();
        s.append("""
                # bash completion for trawl; source it from ~/.bashrc (or ~/.zshrc: zsh uses its bashcompinit).
                #   source <(trawl --completion)
                if [ -n "${ZSH_VERSION:-}" ]; then
                    if ! type compdef >/dev/null 2>&1; then
                        autoload -U +X compinit && compinit
                    fi
                    autoload -U +X bashcompinit && bashcompinit
                fi

                _trawl() {
                    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command=
                    COMPREPLY=()
                    if [ "$COMP_CWORD" -gt 1 ]; then
                        command=${COMP_WORDS[1]}
                    fi
                    case $command in
                """);
        for (CommandSpec sub : subcommands) {
            String word = sub.name().substring(sub.name().lastIndexOf(' ') + 1);
            s.append("    ").append(word).append(")\n");
            command(sub, s, word.equals("example") ? examples : List.of());
            s.append("        ;;\n");
        }
        s.append("    *)\n");
        command(main, s, List.of());
        s.append("        if [ \"$COMP_CWORD\" -eq 1 ] && [[ $cur != -* ]]; then\n");
        List<String> names = new ArrayList<>();
        for (CommandSpec.Subcommand c : main.subcommands()) {
            names.add(c.name());
        }
        s.append("            COMPREPLY=($(compgen -W '").append(String.join(" ", names)).append("' -- \"$cur\"))\n");
        s.append("        fi\n");
        s.append("        ;;\n");
        s.append("""
                    esac
                }
                complete -F _trawl -o default trawl
                """);
        return s.toString();
    }

    /** The completions of one command: the value of the option before the cursor, or an option name. */
    private static void command(CommandSpec spec, StringBuilder s, List<String> operandWords) {
        s.append("        case $prev in\n");
        for (OptionSpec o : spec.options()) {
            if (!o.takesValue()) {
                continue;
            }
            String names = o.shortName() == 0 ? o.longName()
                    : o.longName() == null ? "-" + o.shortName() : "-" + o.shortName() + "|" + o.longName();
            s.append("        ").append(names).append(") ");
            if (o.label().equals("IF")) {
                s.append("COMPREPLY=($(compgen -W \"$(ls /sys/class/net 2>/dev/null)\" -- \"$cur\")); return ;;\n");
            } else if (o.label().matches("[a-z]+(\\|[a-z]+)+")) {
                s.append("COMPREPLY=($(compgen -W '").append(o.label().replace('|', ' '))
                        .append("' -- \"$cur\")); return ;;\n");
            } else {
                s.append("return ;;\n"); // bash's file names, from -o default
            }
        }
        s.append("        esac\n");
        List<String> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.shortName() != 0) {
                options.add("-" + o.shortName());
            }
            if (o.longName() != null) {
                options.add(o.longName());
            }
        }
        s.append("        if [[ $cur == -* ]]; then\n");
        s.append("            COMPREPLY=($(compgen -W '").append(String.join(" ", options)).append("' -- \"$cur\"))\n");
        s.append("            return\n");
        s.append("        fi\n");
        if (!operandWords.isEmpty()) {
            s.append("        if [ \"$COMP_CWORD\" -eq 2 ]; then\n");
            s.append("            COMPREPLY=($(compgen -W '").append(String.join(" ", operandWords))
                    .append("' -- \"$cur\"))\n");
            s.append("        fi\n");
        }
    }
}
