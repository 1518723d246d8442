package dev.trawl.cli;

/**
 * Reads a command line against a {@link CommandSpec}, in the POSIX and GNU way tcpdump's users expect:
 * <ul>
 * <li>short options cluster, and the first one that takes a value takes the rest of the word or, when that
 *     is empty, the next word: {@code -nvv}, {@code -c5}, {@code -nr FILE}, {@code -c=5};
 * <li>long options take their value after {@code =} or as the next word: {@code --backend=jna},
 *     {@code --backend jna};
 * <li>a value is taken as it is, even when it starts with a dash ({@code -r -} reads standard input);
 * <li>operands may come before, between and after options; {@code --} ends the options, and a lone {@code -}
 *     is an operand.
 * </ul>
 * Unknown options, missing values, numbers that are not numbers and single options given twice are
 * {@link UsageException}s. Stateless.
 */
final class ArgumentParser {
    private ArgumentParser() {
    }

    /** Reads {@code args[from..]} against {@code spec}. */
    static ParsedLine parse(CommandSpec spec, String[] args, int from) throws UsageException {
        return read(spec, args, from, true);
    }

    /**
     * Whether {@code option} is on the line, read as leniently as it can be: what {@link #parse} would reject
     * is skipped. For a decision that changes how the line is read, such as what {@code -e} means.
     */
    static boolean mentions(CommandSpec spec, String[] args, OptionSpec option) {
        try {
            return read(spec, args, 0, false).has(option);
        } catch (UsageException e) {
            throw new AssertionError("a lenient reading does not fail", e);
        }
    }

    private static ParsedLine read(CommandSpec spec, String[] args, int from, boolean strict) throws UsageException {
        ParsedLine line = new ParsedLine(spec);
        boolean operandsOnly = false;
        for (int i = from; i < args.length; i++) {
            String word = args[i];
            if (operandsOnly || word.length() < 2 || word.charAt(0) != '-') {
                line.addOperand(word);
                operandsOnly |= spec.optionsBeforeOperands();
            } else if (word.equals("--")) {
                operandsOnly = true;
            } else if (word.startsWith("--")) {
                i = readLong(spec, line, args, i, strict);
            } else {
                i = readShort(spec, line, args, i, strict);
            }
        }
        return line;
    }

    /** Reads the long option {@code args[i]}; returns the index of the last word it used. */
    private static int readLong(CommandSpec spec, ParsedLine line, String[] args, int i, boolean strict)
            throws UsageException {
        String word = args[i];
        int equals = word.indexOf('=');
        String name = equals < 0 ? word : word.substring(0, equals);
        OptionSpec option = spec.longOption(name);
        if (option == null) {
            if (strict) {
                throw new UsageException("Unknown option: '" + name + "'");
            }
            return i;
        }
        String value = null;
        if (option.takesValue()) {
            if (equals >= 0) {
                value = word.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else if (strict) {
                throw missingValue(option, name);
            } else {
                return i;
            }
        } else if (equals >= 0 && strict) {
            throw new UsageException("option '" + name + "' takes no value: '" + word + "'");
        }
        add(line, option, name, value, strict);
        return i;
    }

    /** Reads the cluster of short options {@code args[i]}; returns the index of the last word it used. */
    private static int readShort(CommandSpec spec, ParsedLine line, String[] args, int i, boolean strict)
            throws UsageException {
        String word = args[i];
        for (int at = 1; at < word.length(); at++) {
            char letter = word.charAt(at);
            OptionSpec option = spec.shortOption(letter);
            String name = "-" + letter;
            if (option == null) {
                if (!strict) {
                    return i;
                }
                throw new UsageException("Unknown option: '" + name + "'"
                        + (word.length() > 2 ? " (in '" + word + "')" : ""));
            }
            if (!option.takesValue()) {
                add(line, option, name, null, strict);
                continue;
            }
            String value;
            if (at + 1 < word.length()) {
                // attached: -c5, or -c=5 as the help writes it
                value = word.substring(word.charAt(at + 1) == '=' ? at + 2 : at + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else if (strict) {
                throw missingValue(option, name);
            } else {
                return i;
            }
            add(line, option, name, value, strict);
            return i;
        }
        return i;
    }

    private static void add(ParsedLine line, OptionSpec option, String name, String value, boolean strict)
            throws UsageException {
        if (strict) {
            OptionSpec.Kind kind = option.kind();
            if (line.has(option) && kind != OptionSpec.Kind.COUNTED && kind != OptionSpec.Kind.REPEATED) {
                throw new UsageException("option '" + name + "'" + label(option) + " should be specified only once");
            }
            if (kind == OptionSpec.Kind.INT || kind == OptionSpec.Kind.LONG) {
                checkNumber(option, name, value);
            }
        }
        line.add(option, value);
    }

    /** Checks that {@code value} is a whole number in the range of the option's kind. */
    private static void checkNumber(OptionSpec option, String name, String value) throws UsageException {
        boolean isInt = option.kind() == OptionSpec.Kind.INT;
        long max = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
        String what = "option '" + name + "'" + label(option) + " takes a whole number";
        if (!isWholeNumber(value)) {
            throw new UsageException(what + ", not '" + value + "' (for example " + name + " 10)");
        }
        try {
            if (isInt) {
                Integer.parseInt(value);
            } else {
                Long.parseLong(value);
            }
        } catch (NumberFormatException e) {
            throw new UsageException(what + " from " + (-max - 1) + " to " + max + ", not '" + value + "'");
        }
    }

    /** An optional sign and at least one ASCII digit. */
    private static boolean isWholeNumber(String value) {
        int start = !value.isEmpty() && (value.charAt(0) == '-' || value.charAt(0) == '+') ? 1 : 0;
        if (start == value.length()) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static UsageException missingValue(OptionSpec option, String name) {
        return new UsageException("Missing required parameter for option '" + name + "'" + label(option));
    }

    private static String label(OptionSpec option) {
        return option.label() == null ? "" : " (" + option.label() + ")";
    }
}
