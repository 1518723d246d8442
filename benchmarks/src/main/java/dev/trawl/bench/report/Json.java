package dev.trawl.bench.report;

import java.util.Locale;

/** A minimal JSON writer for the report: strings escaped, non-finite numbers written as {@code null}. */
final class Json {
    private final StringBuilder out = new StringBuilder();
    private boolean first = true;

    Json begin(char bracket) {
        comma();
        out.append(bracket);
        first = true;
        return this;
    }

    Json end(char bracket) {
        out.append(bracket);
        first = false;
        return this;
    }

    Json key(String name) {
        comma();
        string(name);
        out.append(':');
        first = true;
        return this;
    }

    Json value(String text) {
        comma();
        if (text == null) {
            out.append("null");
        } else {
            string(text);
        }
        first = false;
        return this;
    }

    Json value(double number) {
        comma();
        out.append(Double.isFinite(number) ? String.format(Locale.ROOT, "%.4f", number) : "null");
        first = false;
        return this;
    }

    Json value(long number) {
        comma();
        out.append(number);
        first = false;
        return this;
    }

    Json field(String name, String text) {
        return key(name).value(text);
    }

    Json field(String name, double number) {
        return key(name).value(number);
    }

    Json field(String name, long number) {
        return key(name).value(number);
    }

    private void comma() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
