package dev.trawl.cli;

import dev.trawl.cli.print.Out;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldPrinter;

import java.util.List;

/**
 * {@code -T fields}: one line per packet, the values of the {@code -e} fields separated as {@code -E} says,
 * with tshark's defaults (no header, tab separator, all occurrences joined by commas, no quotes).
 * Not thread-safe.
 */
final class FieldsWriter implements DecodeSink.Writer {
    /** The {@code -E} settings. */
    record Settings(boolean header, String separator, char occurrence, String aggregator, char quote) {
        static Settings parse(List<String> options) throws CliException {
            boolean header = false;
            String separator = "\t";
            char occurrence = 'a';
            String aggregator = ",";
            char quote = 0;
            for (String option : options) {
                int eq = option.indexOf('=');
                if (eq <= 0) {
                    throw new CliException("invalid -E option '" + option + "' (expected NAME=VALUE)", 2, null);
                }
                String name = option.substring(0, eq);
                String value = option.substring(eq + 1);
                switch (name) {
                    case "header" -> header = switch (value) {
                        case "y" -> true;
                        case "n" -> false;
                        default -> throw bad(option);
                    };
                    case "separator" -> separator = escape(value, option);
                    case "aggregator" -> aggregator = escape(value, option);
                    case "occurrence" -> {
                        if (!value.equals("f") && !value.equals("l") && !value.equals("a")) {
                            throw bad(option);
                        }
                        occurrence = value.charAt(0);
                    }
                    case "quote" -> quote = switch (value) {
                        case "d" -> '"';
                        case "s" -> '\'';
                        case "n" -> 0;
                        default -> throw bad(option);
                    };
                    case "bom", "escape" -> { }
                    default -> throw new CliException("unknown -E option '" + name
                            + "' (header, separator, occurrence, aggregator, quote)", 2, null);
                }
            }
            return new Settings(header, separator, occurrence, aggregator, quote);
        }

        private static String escape(String value, String option) throws CliException {
            return switch (value) {
                case "/t" -> "\t";
                case "/s" -> " ";
                case "" -> throw bad(option);
                default -> value.substring(0, 1); // tshark uses the first character
            };
        }

        private static CliException bad(String option) {
            return new CliException("invalid -E option value in '" + option + "'", 2, null);
        }
    }

    private final Out out;
    private final Field[] fields;
    private final Settings settings;
    private final boolean flushEach;
    private final FieldPrinter formatter = new FieldPrinter();

    FieldsWriter(Out out, Field[] fields, Settings settings, boolean flushEach) {
        this.out = out;
        this.fields = fields;
        this.settings = settings;
        this.flushEach = flushEach;
    }

    @Override
    public void begin() {
        if (!settings.header()) {
            return;
        }
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.ascii(settings.separator());
            }
            quote();
            out.ascii(fields[i].name());
            quote();
        }
        out.nl();
    }

    private void quote() {
        if (settings.quote() != 0) {
            out.ch(settings.quote());
        }
    }

    @Override
    public void write(DecodedPacket packet) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.ascii(settings.separator());
            }
            int n = formatter.collect(fields[i], packet);
            if (n == 0) {
                continue;
            }
            quote();
            CharSequence text = formatter.text();
            switch (settings.occurrence()) {
                case 'f' -> out.text(text, formatter.start(0), formatter.end(0));
                case 'l' -> out.text(text, formatter.start(n - 1), formatter.end(n - 1));
                default -> {
                    for (int k = 0; k < n; k++) {
                        if (k > 0) {
                            out.ascii(settings.aggregator());
                        }
                        out.text(text, formatter.start(k), formatter.end(k));
                    }
                }
            }
            quote();
        }
        out.nl();
        if (flushEach) {
            out.flush();
        }
    }

    @Override
    public void end() {
        out.close();
    }

    @Override
    public void flush() {
        out.flush();
    }
}
