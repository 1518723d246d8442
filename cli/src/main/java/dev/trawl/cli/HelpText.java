package dev.trawl.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The help a command prints for {@code --help}: the synopsis, the description, the operands and options in
 * the order the command declares them, the subcommands and the footer, wrapped to a fixed width.
 *
 * <pre>
 * Usage: trawl stats [-h] [--debug] [--backend=NAME] FILE...
 * Summarise capture files, as capinfos does.
 *       FILE...          Capture files (pcap, pcapng, gzip).
 *       --backend=NAME   The backend that reads the files.
 *   -h, --help           Show this help and exit.
 * </pre>
 *
 * A row's names start at column 2 (short) or 6 (long); descriptions start three columns after the longest long
 * name, counting names up to {@value #LONG_NAMES} characters; a longer name puts its description on the next
 * line. Continuation lines are indented by two more. Text breaks at spaces only, and footer lines are printed as
 * they are. Stateless.
 */
final class HelpText {
    /** The width the help is wrapped to. */
    static final int WIDTH = 80;
    /** The longest long name (with its label) that the description column makes room for. */
    static final int LONG_NAMES = 20;

    private HelpText() {
    }

    /** The whole help of {@code spec}, with a line separator after each line. */
    static String of(CommandSpec spec) {
        StringBuilder out = new StringBuilder();
        synopsis(spec, out);
        for (String line : spec.description()) {
            out.append(line).append('\n');
        }
        optionList(spec, out);
        if (!spec.subcommands().isEmpty()) {
            out.append("Commands:\n");
            int nameWidth = 0;
            for (CommandSpec.Subcommand c : spec.subcommands()) {
                nameWidth = Math.max(nameWidth, c.name().length());
            }
            for (CommandSpec.Subcommand c : spec.subcommands()) {
                row(out, "  " + c.name(), 2 + nameWidth + 2, c.description());
            }
        }
        for (String line : spec.footer()) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /**
     * The synopsis: the flags with one-letter names clustered (single flags first, then counted ones), the other
     * flags, the options with a value, the repeatable options, the operands, each group sorted by name.
     */
    static void synopsis(CommandSpec spec, StringBuilder out) {
        List<OptionSpec> single = new ArrayList<>();
        List<OptionSpec> counted = new ArrayList<>();
        List<OptionSpec> longFlags = new ArrayList<>();
        List<OptionSpec> valued = new ArrayList<>();
        List<OptionSpec> repeated = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            switch (o.kind()) {
                case FLAG, COUNTED -> (o.shortName() == 0 ? longFlags
                        : o.kind() == OptionSpec.Kind.FLAG ? single : counted).add(o);
                case REPEATED -> repeated.add(o);
                case VALUE, INT, LONG -> valued.add(o);
            }
        }
        Comparator<OptionSpec> byName = HelpText::compareNames;
        List<String> words = new ArrayList<>();
        if (!single.isEmpty() || !counted.isEmpty()) {
            StringBuilder cluster = new StringBuilder("[-");
            single.stream().sorted(byName).forEach(o -> cluster.append(o.shortName()));
            counted.stream().sorted(byName).forEach(o -> cluster.append(o.shortName()));
            words.add(cluster.append(']').toString());
        }
        longFlags.stream().sorted(byName).forEach(o -> words.add("[" + o.name() + "]"));
        valued.stream().sorted(byName).forEach(o -> words.add("[" + o.name() + "=" + o.label() + "]"));
        repeated.stream().sorted(byName).forEach(o -> words.add("[" + o.name() + "=" + o.label() + "]..."));
        for (PositionalSpec p : spec.operands()) {
            words.add(p.synopsis());
        }
        if (!spec.subcommands().isEmpty()) {
            words.add("[COMMAND]");
        }
        String start = "Usage: " + spec.name();
        StringBuilder line = new StringBuilder(start);
        for (String word : words) {
            if (line.length() + 1 + word.length() > WIDTH && line.length() > start.length()) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(" ".repeat(start.length()));
            }
            line.append(' ').append(word);
        }
        out.append(line).append('\n');
    }

    /** By name without dashes, ignoring case; a lower-case letter before its capital. */
    private static int compareNames(OptionSpec a, OptionSpec b) {
        String x = a.name().substring(a.shortName() != 0 ? 1 : 2);
        String y = b.name().substring(b.shortName() != 0 ? 1 : 2);
        int c = x.compareToIgnoreCase(y);
        return c != 0 ? c : y.compareTo(x);
    }

    private static void optionList(CommandSpec spec, StringBuilder out) {
        int longest = 0;
        for (PositionalSpec p : spec.operands()) {
            longest = Math.max(longest, p.synopsis().length());
        }
        for (OptionSpec o : spec.options()) {
            if (o.longName() != null) {
                longest = Math.max(longest, o.longName().length() + (o.label() == null ? 0 : 1 + o.label().length()));
            }
        }
        int descriptionColumn = 6 + Math.min(longest, LONG_NAMES) + 3;
        for (PositionalSpec p : spec.operands()) {
            row(out, "      " + p.synopsis(), descriptionColumn, p.description());
        }
        for (OptionSpec o : spec.options()) {
            String value = o.label() == null ? "" : "=" + o.label();
            String names;
            if (o.shortName() == 0) {
                names = "      " + o.longName() + value;
            } else if (o.longName() == null) {
                names = "  -" + o.shortName() + value;
            } else {
                names = "  -" + o.shortName() + ", " + o.longName() + value;
            }
            row(out, names, descriptionColumn, o.description());
        }
    }

    /**
     * One row: {@code names}, then {@code text} wrapped from {@code column} on (on the next line when the names
     * leave fewer than two columns free), its continuation lines indented by two more.
     */
    private static void row(StringBuilder out, String names, int column, String text) {
        List<String> lines = wrap(text, WIDTH - column, WIDTH - column - 2);
        if (names.length() + 2 > column) {
            out.append(names).append('\n');
            names = "";
        }
        for (int i = 0; i < lines.size(); i++) {
            String indent = i == 0 ? names + " ".repeat(column - names.length()) : " ".repeat(column + 2);
            out.append(indent).append(lines.get(i)).append('\n');
        }
    }

    /**
     * {@code text} in lines of at most {@code first} characters for the first line and {@code rest} for the
     * others, broken at spaces. A word that is not the text's last keeps room for the space after it, as
     * picocli's tables did, so that lines are as they were. A word longer than a line is broken where the line
     * ends.
     */
    static List<String> wrap(String text, int first, int rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int width = first;
        String[] words = text.trim().split(" +");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            int room = i == words.length - 1 ? 0 : 1;
            if (!line.isEmpty() && line.length() + 1 + word.length() + room > width) {
                lines.add(line.toString());
                line.setLength(0);
                width = rest;
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
            while (line.length() > width) {
                lines.add(line.substring(0, width));
                line.delete(0, width);
                width = rest;
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
