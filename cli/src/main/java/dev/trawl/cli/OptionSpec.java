package dev.trawl.cli;

/**
 * One option of a command line: its names, the label of its value, its line in the help, and what it takes.
 * Built in code by the commands ({@link Trawl}, {@link StatsCommand}, {@link ExampleCommand}); an instance is
 * also the key under which {@link ParsedLine} holds what was given. Immutable.
 *
 * @param shortName the one-letter name ({@code 'r'} for {@code -r}), or {@code 0} for none
 * @param longName the long name with its dashes ({@code "--backend"}), or {@code null} for none
 * @param label what the value is called in the help ({@code FILE}), or {@code null} for a flag
 * @param description the help text, one sentence or a few, wrapped by the help
 * @param kind what the option takes
 */
record OptionSpec(char shortName, String longName, String label, String description, Kind kind) {
    /** What an option takes, and how often it may be given. */
    enum Kind {
        /** No value; at most once. */
        FLAG,
        /** No value; each repetition counts ({@code -vv}). */
        COUNTED,
        /** One value; at most once. */
        VALUE,
        /** One value per use; any number of uses. */
        REPEATED,
        /** One value that must be a whole number of the {@code int} range; at most once. */
        INT,
        /** One value that must be a whole number of the {@code long} range; at most once. */
        LONG
    }

    OptionSpec {
        if (shortName == 0 && longName == null) {
            throw new IllegalArgumentException("an option needs a name");
        }
        if (longName != null && !longName.startsWith("--")) {
            throw new IllegalArgumentException("a long name starts with --: " + longName);
        }
        if (takesValue(kind) != (label != null)) {
            throw new IllegalArgumentException("an option takes a value exactly when it has a label: " + longName);
        }
    }

    static OptionSpec flag(String names, String description) {
        return of(names, null, description, Kind.FLAG);
    }

    static OptionSpec counted(String names, String description) {
        return of(names, null, description, Kind.COUNTED);
    }

    static OptionSpec value(String names, String label, String description) {
        return of(names, label, description, Kind.VALUE);
    }

    static OptionSpec repeated(String names, String label, String description) {
        return of(names, label, description, Kind.REPEATED);
    }

    static OptionSpec integer(String names, String label, String description) {
        return of(names, label, description, Kind.INT);
    }

    static OptionSpec longInteger(String names, String label, String description) {
        return of(names, label, description, Kind.LONG);
    }

    /** {@code names} is {@code "-r"}, {@code "--backend"} or {@code "-U, --packet-buffered"}. */
    private static OptionSpec of(String names, String label, String description, Kind kind) {
        char shortName = 0;
        String longName = null;
        for (String name : names.split(", ")) {
            if (name.startsWith("--")) {
                longName = name;
            } else if (name.length() == 2 && name.charAt(0) == '-') {
                shortName = name.charAt(1);
            } else {
                throw new IllegalArgumentException("not an option name: " + name);
            }
        }
        return new OptionSpec(shortName, longName, label, description, kind);
    }

    private static boolean takesValue(Kind kind) {
        return kind != Kind.FLAG && kind != Kind.COUNTED;
    }

    /** Whether the option is followed by a value. */
    boolean takesValue() {
        return takesValue(kind);
    }

    /** The name messages use: the short one when there is one ({@code -r}), else the long one. */
    String name() {
        return shortName != 0 ? "-" + shortName : longName;
    }
}
