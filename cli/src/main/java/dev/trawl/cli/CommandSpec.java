package dev.trawl.cli;

import java.util.List;

/**
 * What one command of the tool accepts, and what its help says: its options in the order the help lists them,
 * its operands, its subcommands and the help's text around them. {@link ArgumentParser} reads a command line
 * against it; {@link HelpText} and {@link Completion} print it. Built in code; immutable.
 */
final class CommandSpec {
    /** A subcommand's line in the help. */
    record Subcommand(String name, String description) {
    }

    private final String name;
    private final List<String> description;
    private final List<OptionSpec> options;
    private final List<PositionalSpec> operands;
    private final List<Subcommand> subcommands;
    private final List<String> footer;
    private final boolean optionsBeforeOperands;
    /** The options by their one-letter names, ASCII only. */
    private final OptionSpec[] shortNames;

    /**
     * @param name the command as typed ({@code trawl}, {@code trawl stats})
     * @param description the lines under the synopsis
     * @param options the options, in help order
     * @param operands the operands, in command-line order; only the last may be {@code multiple}
     * @param subcommands the subcommands the help lists ({@code trawl stats ...})
     * @param footer the lines at the end of the help, printed as they are
     * @param optionsBeforeOperands whether options end at the first operand, the rest of the line being operands
     *     (for a command that passes its arguments on, as {@code trawl example NAME ARGS...} does)
     */
    CommandSpec(String name, List<String> description, List<OptionSpec> options, List<PositionalSpec> operands,
            List<Subcommand> subcommands, List<String> footer, boolean optionsBeforeOperands) {
        this.name = name;
        this.description = List.copyOf(description);
        this.options = List.copyOf(options);
        this.operands = List.copyOf(operands);
        this.subcommands = List.copyOf(subcommands);
        this.footer = List.copyOf(footer);
        this.optionsBeforeOperands = optionsBeforeOperands;
        this.shortNames = new OptionSpec[128];
        for (int i = 0; i < options.size(); i++) {
            OptionSpec o = options.get(i);
            if (o.shortName() >= shortNames.length) {
                throw new IllegalArgumentException("a short name is ASCII: " + o.shortName());
            }
            if (o.shortName() != 0) {
                if (shortNames[o.shortName()] != null) {
                    throw new IllegalArgumentException("two options named " + o.name());
                }
                shortNames[o.shortName()] = o;
            }
            if (o.longName() != null && longOption(o.longName()) != o) {
                throw new IllegalArgumentException("two options named " + o.longName());
            }
        }
    }

    private CommandSpec(CommandSpec base, char letter, OptionSpec option) {
        this.name = base.name;
        this.description = base.description;
        this.options = base.options;
        this.operands = base.operands;
        this.subcommands = base.subcommands;
        this.footer = base.footer;
        this.optionsBeforeOperands = base.optionsBeforeOperands;
        this.shortNames = base.shortNames.clone();
        shortNames[letter] = option;
    }

    /**
     * This command with {@code -letter} meaning {@code option} instead of what it meant: tshark's
     * {@code -e FIELD} standing for {@code --field FIELD} where tcpdump's {@code -e} is a flag. The help is
     * unchanged.
     */
    CommandSpec withShortName(char letter, OptionSpec option) {
        indexOf(option);
        if (letter >= shortNames.length) {
            throw new IllegalArgumentException("a short name is ASCII: " + letter);
        }
        return new CommandSpec(this, letter, option);
    }

    String name() {
        return name;
    }

    List<String> description() {
        return description;
    }

    List<OptionSpec> options() {
        return options;
    }

    List<PositionalSpec> operands() {
        return operands;
    }

    List<Subcommand> subcommands() {
        return subcommands;
    }

    List<String> footer() {
        return footer;
    }

    boolean optionsBeforeOperands() {
        return optionsBeforeOperands;
    }

    /** The option {@code -letter}, or {@code null}. */
    OptionSpec shortOption(char letter) {
        return letter < shortNames.length ? shortNames[letter] : null;
    }

    /** The option {@code --name} (given with its dashes), or {@code null}. */
    OptionSpec longOption(String longName) {
        for (OptionSpec o : options) {
            if (longName.equals(o.longName())) {
                return o;
            }
        }
        return null;
    }

    /** The position of {@code option} in {@link #options()}; it must be one of them. */
    int indexOf(OptionSpec option) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i) == option) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an option of " + name + ": " + option.name());
    }
}
