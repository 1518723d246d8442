package dev.trawl.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ArgumentParser} found on a command line: how often each option was given, its values, and the
 * operands in order. Values of {@link OptionSpec.Kind#INT} and {@link OptionSpec.Kind#LONG} options were checked
 * when the line was read. Not thread-safe.
 */
final class ParsedLine {
    private final CommandSpec spec;
    private final int[] counts;
    private final List<List<String>> values;
    private final List<String> operands = new ArrayList<>();

    ParsedLine(CommandSpec spec) {
        this.spec = spec;
        int n = spec.options().size();
        this.counts = new int[n];
        this.values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(null);
        }
    }

    void add(OptionSpec option, String value) {
        int i = spec.indexOf(option);
        counts[i]++;
        if (value != null) {
            if (values.get(i) == null) {
                values.set(i, new ArrayList<>(2));
            }
            values.get(i).add(value);
        }
    }

    void addOperand(String word) {
        operands.add(word);
    }

    /** How many times {@code option} was given ({@code -vvv}: 3). */
    int count(OptionSpec option) {
        return counts[spec.indexOf(option)];
    }

    /** Whether {@code option} was given. */
    boolean has(OptionSpec option) {
        return count(option) > 0;
    }

    /** The values of {@code option}, in command-line order; empty when it was not given. */
    List<String> values(OptionSpec option) {
        List<String> v = values.get(spec.indexOf(option));
        return v == null ? new ArrayList<>() : v;
    }

    /** The value of {@code option}, the last one if it was given more than once, or {@code null}. */
    String value(OptionSpec option) {
        List<String> v = values.get(spec.indexOf(option));
        return v == null ? null : v.getLast();
    }

    /** The value of an {@code INT} option, or {@code absent}. */
    int intValue(OptionSpec option, int absent) {
        String v = value(option);
        return v == null ? absent : Integer.parseInt(v);
    }

    /** The value of a {@code LONG} option, or {@code absent}. */
    long longValue(OptionSpec option, long absent) {
        String v = value(option);
        return v == null ? absent : Long.parseLong(v);
    }

    /** The operands, in command-line order. */
    List<String> operands() {
        return operands;
    }
}
