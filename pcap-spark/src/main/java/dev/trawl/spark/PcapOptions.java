package dev.trawl.spark;

import dev.trawl.decode.display.DisplayFilter;
import dev.trawl.decode.display.DisplayFilterException;
import dev.trawl.filter.FilterExpression;
import dev.trawl.filter.FilterSyntaxException;
import dev.trawl.spark.split.MalformedPolicy;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The options of the {@code pcap} data source, checked once on the driver.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code splitSize}</td><td>134217728</td><td>bytes per split of an uncompressed file</td></tr>
 * <tr><td>{@code decode}</td><td>true</td><td>whether the decoded columns are in the schema</td></tr>
 * <tr><td>{@code precision}</td><td>nano</td><td>{@code micro} truncates the {@code nanos} column to microseconds</td></tr>
 * <tr><td>{@code filter}</td><td>none</td><td>a pcap-filter expression applied on the executors (its syntax is checked by {@code load()})</td></tr>
 * <tr><td>{@code displayFilter}</td><td>none</td><td>a Wireshark display filter applied on the executors, rows
 * being the frames tshark matches (checked by {@code load()}; each file is then read by one task, from its start)</td></tr>
 * <tr><td>{@code malformed}</td><td>fail</td><td>on a malformed record: {@code fail}, {@code skip} (and count) or {@code stop} the file</td></tr>
 * </table>
 */
final class PcapOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String SPLIT_SIZE = "splitSize";
    static final String DECODE = "decode";
    static final String PRECISION = "precision";
    static final String FILTER = "filter";
    static final String MALFORMED = "malformed";
    static final String DISPLAY_FILTER = "displayFilter";
    /** What starts the message of a display filter that does not compile. */
    static final String DISPLAY_FILTER_ERROR = "option 'displayFilter': ";
    /** What starts the message of a filter that does not compile. */
    static final String FILTER_ERROR = "option 'filter': bad filter: ";
    static final long DEFAULT_SPLIT_SIZE = 128L << 20;
    /** Small enough for tests that split tiny files; smaller would only multiply boundary searches. */
    static final long MIN_SPLIT_SIZE = 64;

    final long splitSize;
    final boolean decode;
    final boolean nanoPrecision;
    final String filter;
    final MalformedPolicy malformed;
    /** A display filter, or null. */
    final String displayFilter;

    private PcapOptions(long splitSize, boolean decode, boolean nanoPrecision, String filter, MalformedPolicy malformed,
            String displayFilter) {
        this.splitSize = splitSize;
        this.decode = decode;
        this.nanoPrecision = nanoPrecision;
        this.filter = filter;
        this.malformed = malformed;
        this.displayFilter = displayFilter;
    }

    /** Parses options, given as Spark passes them (keys compared case-insensitively). */
    static PcapOptions parse(Map<String, String> options) {
        long splitSize = DEFAULT_SPLIT_SIZE;
        String size = get(options, SPLIT_SIZE);
        if (size != null) {
            try {
                splitSize = Long.parseLong(size.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option 'splitSize' must be a number of bytes, not '" + size + "'");
            }
            if (splitSize < MIN_SPLIT_SIZE) {
                throw new IllegalArgumentException("option 'splitSize' must be at least " + MIN_SPLIT_SIZE + " bytes");
            }
        }
        boolean decode = parseBoolean(DECODE, get(options, DECODE), true);
        String precision = get(options, PRECISION);
        boolean nano = true;
        if (precision != null) {
            switch (precision.trim().toLowerCase(Locale.ROOT)) {
                case "nano" -> nano = true;
                case "micro" -> nano = false;
                default -> throw new IllegalArgumentException("option 'precision' must be micro or nano, not '" + precision + "'");
            }
        }
        String filter = get(options, FILTER);
        if (filter != null && filter.isBlank()) {
            filter = null;
        }
        if (filter != null) {
            checkSyntax(filter);
        }
        String malformed = get(options, MALFORMED);
        MalformedPolicy policy = malformed == null ? MalformedPolicy.FAIL : MalformedPolicy.parse(malformed);
        String displayFilter = get(options, DISPLAY_FILTER);
        if (displayFilter != null && displayFilter.isBlank()) {
            displayFilter = null;
        }
        if (displayFilter != null) {
            compileDisplayFilter(displayFilter);
        }
        return new PcapOptions(splitSize, decode, nano, filter, policy, displayFilter);
    }

    /**
     * Fails on a filter whose syntax is wrong, with the compiler's message and a caret under the error, so that
     * {@code load()} fails rather than the first task. What depends on a file's link type (a primitive the link
     * type lacks) can only be checked on the executors, when each link type is first met.
     */
    private static void checkSyntax(String filter) {
        try {
            FilterExpression.parse(filter);
        } catch (FilterSyntaxException e) {
            throw new IllegalArgumentException(FILTER_ERROR + e.getMessage(), e);
        }
    }

    /**
     * Compiles a display filter, failing with tshark's message and a caret under the part at fault: the whole
     * filter is checked here, on the driver, so that {@code load()} fails rather than the first task.
     */
    static DisplayFilter compileDisplayFilter(String expression) {
        try {
            return DisplayFilter.compile(expression);
        } catch (DisplayFilterException e) {
            throw new IllegalArgumentException(DISPLAY_FILTER_ERROR + e.getMessage(), e);
        }
    }

    private static String get(Map<String, String> options, String key) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean parseBoolean(String key, String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("option '" + key + "' must be true or false, not '" + value + "'");
        };
    }
}
