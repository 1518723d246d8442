package dev.trawl.decode.display;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranges of a slice ({@code [0:3]}, {@code [1,3-5,9:]}) or of the layer operator ({@code #[2-4]}), as
 * Wireshark writes them: {@code i:j} is {@code j} items from {@code i}, {@code i-j} is {@code i} to {@code j}
 * inclusive, {@code i} is one item, {@code :j} the first {@code j}, {@code i:} from {@code i} to the end; a
 * negative offset counts from the end ({@code -1} is the last). Immutable.
 */
final class Ranges {
    /** One range: a start, and either a length ({@code -1}: to the end) or an inclusive end. */
    private record Range(int start, int length, boolean hasEnd, int end) {
    }

    private final List<Range> ranges;

    private Ranges(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * Parses the text between the brackets.
     *
     * @throws IllegalArgumentException with a description of what is wrong
     */
    static Ranges parse(String text) {
        List<Range> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty range");
            }
            int colon = p.indexOf(':');
            if (colon >= 0) {
                String a = p.substring(0, colon).strip();
                String b = p.substring(colon + 1).strip();
                int start = a.isEmpty() ? 0 : integer(a);
                int length = b.isEmpty() ? -1 : integer(b);
                if (length < 0 && !b.isEmpty() || length == 0) {
                    throw new IllegalArgumentException("length " + b + " is not a positive number");
                }
                out.add(new Range(start, length, false, 0));
                continue;
            }
            int dash = p.indexOf('-', 1);
            if (dash > 0) {
                int start = integer(p.substring(0, dash).strip());
                int end = integer(p.substring(dash + 1).strip());
                out.add(new Range(start, 0, true, end));
                continue;
            }
            out.add(new Range(integer(p), 1, false, 0));
        }
        return new Ranges(List.copyOf(out));
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid offset");
        }
    }

    /**
     * The byte ranges of a value {@code length} bytes long, as {@code [from, to)} pairs in {@code out}, or false
     * when a range reaches outside it (the slice then has no value).
     */
    boolean resolve(int length, int[] out) {
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            int from = r.start() < 0 ? length + r.start() : r.start();
            int to;
            if (r.hasEnd()) {
                to = (r.end() < 0 ? length + r.end() : r.end()) + 1;
            } else if (r.length() < 0) {
                to = length;
            } else {
                to = from + r.length();
            }
            if (from < 0 || from >= length || to > length || to <= from) {
                return false;
            }
            out[2 * i] = from;
            out[2 * i + 1] = to;
        }
        return true;
    }

    /** How many ranges there are. */
    int count() {
        return ranges.size();
    }

    /** Whether layer {@code k} (1-based) of {@code total} is within the ranges. */
    boolean containsLayer(int k, int total) {
        for (Range r : ranges) {
            int from = r.start() < 0 ? total + r.start() + 1 : r.start();
            int to;
            if (r.hasEnd()) {
                to = r.end() < 0 ? total + r.end() + 1 : r.end();
            } else if (r.length() < 0) {
                to = total;
            } else {
                to = from + r.length() - 1;
            }
            if (k >= from && k <= to) {
                return true;
            }
        }
        return false;
    }
}
