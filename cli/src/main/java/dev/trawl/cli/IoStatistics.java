package dev.trawl.cli;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.display.DisplayFilter;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.FieldType;
import dev.trawl.decode.field.FieldValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tshark's {@code -z io,stat,INTERVAL[,COLUMN...]} table: frames and bytes (or {@code COUNT}, {@code SUM},
 * {@code MIN}, {@code MAX}, {@code AVG}, {@code LOAD} of a field) per time interval, one column per display
 * filter, laid out character for character as tshark 4.0 lays it out.
 *
 * <p>tshark's arithmetic is kept where it shows: times in whole microseconds, unsigned 64-bit counters, a
 * cell's minimum seeded only by the interval's first frame, the widths taken from the largest value seen
 * while counting, and a field's values seen only when some {@code -z} filter names the field (tshark builds
 * only the fields a filter asks for, so {@code AVG(tcp.len)tcp} alone counts nothing). Rows are bounded by
 * Only intervals that counted something are kept, at most {@link #MAX_CELLS} per column (more is an error that
 * asks for a longer interval); the empty ones between are printed as tshark prints them.
 * Not thread-safe.
 */
final class IoStatistics {
    /** The most intervals one table counts (a finer interval over a longer capture is an error). */
    static final int MAX_CELLS = 1 << 22;

    private enum Calc {
        FRAMES("FRAMES"), BYTES("BYTES"), FRAMES_AND_BYTES("FRAMES BYTES"), COUNT("COUNT"), SUM("SUM"),
        MIN("MIN"), MAX("MAX"), AVG("AVG"), LOAD("LOAD");

        final String label;

        Calc(String label) {
            this.label = label;
        }
    }

    /** How tshark sees a field's values: unsigned or signed integers, relative times, or other. */
    private enum Kind {
        UNSIGNED, SIGNED, TIME, OTHER
    }

    /** Interval of the whole capture: the largest unsigned microsecond count. */
    private static final long WHOLE = -1L;
    /** {@link Column#protocol} of {@code COUNT(frame)}. */
    private static final int FRAME = -2;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** One interval of one column. */
    private static final class Cell {
        long frames;
        long num;
        long counter;
    }

    private static final class Column {
        final String text;
        final Calc calc;
        final Field field;
        /** The protocol counted by COUNT(PROTOCOL): its id, FRAME for frame, NONE for a field. */
        final int protocol;
        final String name;
        final Kind kind;
        final DisplayFilter filter;
        boolean primed;
        /** The intervals that counted something, by index; {@code cells} is one past the last index. */
        final TreeMap<Long, Cell> counted = new TreeMap<>();
        long cells;
        Cell last;
        long maxFrames;
        long maxValue;

        Column(String text, Calc calc, Field field, int protocol, String name, DisplayFilter filter) {
            this.text = text;
            this.calc = calc;
            this.field = field;
            this.protocol = protocol;
            this.name = name;
            this.kind = field == null ? Kind.OTHER : kind(field.type());
            this.filter = filter;
        }
    }

    private final long interval;
    private final int precision;
    private final Column[] columns;
    private final FieldValues values = new FieldValues();
    private long elapsedNanos;
    private long lastMicros;

    private IoStatistics(long interval, int precision, Column[] columns) {
        this.interval = interval;
        this.precision = precision;
        this.columns = columns;
    }

    /**
     * The table {@code spec} ({@code io,stat,INTERVAL[,COLUMN...]}) asks for.
     *
     * @throws CliException when the interval or a column is not one tshark accepts
     */
    static IoStatistics parse(String spec, FieldRegistry registry) throws CliException {
        Matcher m = NUMBER.matcher(spec).region(8, spec.length());
        if (spec.endsWith(",") || !m.lookingAt()) {
            throw usage(spec, "it is not io,stat,INTERVAL[,FILTER]... (INTERVAL in seconds, 0 for the whole"
                    + " capture)");
        }
        String rest = spec.substring(m.end());
        if (!rest.isEmpty() && rest.charAt(0) != ',') {
            throw usage(spec, "it is not io,stat,INTERVAL[,FILTER]... (INTERVAL in seconds, 0 for the whole"
                    + " capture)");
        }
        double seconds = Double.parseDouble(spec.substring(8, m.end()));
        long interval;
        int precision = 0;
        if (seconds == 0) {
            interval = WHOLE;
        } else {
            if (!(seconds * 1e6 + 0.5 >= 1) || seconds > 1e12) {
                throw usage(spec, "the interval must be at least 0.000001 seconds, or 0 for the whole capture");
            }
            interval = (long) (seconds * 1_000_000.0 + 0.5);
            precision = 6;
            for (long i = 10; i < 10_000_000; i *= 10) {
                if (interval % i > 0) {
                    break;
                }
                precision--;
            }
            if (precision == 0) {
                // a whole number written with decimals ("1.00") shows that many decimals
                String text = spec.substring(8, m.end());
                int dot = text.indexOf('.');
                if (dot >= 0) {
                    int decimals = rest.isEmpty() ? 6 : text.length() - dot - 1;
                    if (decimals > 0) {
                        precision = Math.min(decimals, 6);
                    }
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        if (rest.isEmpty()) {
            columns.add(new Column(null, Calc.FRAMES_AND_BYTES, null, Protocols.NONE, null, null));
        } else {
            for (String part : rest.substring(1).split(",", -1)) {
                String text = part.strip();
                columns.add(column(spec, text.isEmpty() ? null : text, registry));
            }
        }
        return new IoStatistics(interval, precision, columns.toArray(Column[]::new));
    }

    private static CliException usage(String spec, String why) {
        return new CliException("-z " + spec + ": " + why, 2, null);
    }

    private static Column column(String spec, String text, FieldRegistry registry) throws CliException {
        Calc calc = Calc.FRAMES_AND_BYTES;
        String filter = text;
        Field field = null;
        String name = null;
        int protocol = Protocols.NONE;
        if (text != null) {
            for (Calc c : Calc.values()) {
                if (!text.startsWith(c.label)) {
                    if (calc == Calc.FRAMES || calc == Calc.BYTES) {
                        filter = "";
                    }
                    continue;
                }
                calc = c;
                if (text.length() > c.label.length() && text.charAt(c.label.length()) == '(') {
                    int open = c.label.length() + 1;
                    int close = text.indexOf(')', open);
                    if (close < 0) {
                        throw usage(spec, "closing parenthesis missing from '" + text + "'");
                    }
                    boolean plain = c == Calc.FRAMES || c == Calc.BYTES;
                    if (plain && close != open) {
                        throw usage(spec, c.label + " takes no field name within the parentheses");
                    }
                    if (!plain && close == open) {
                        throw usage(spec, "name the field for " + c.label + "(FIELD)");
                    }
                    filter = text.substring(close + 1);
                    if (plain) {
                        break;
                    }
                    name = text.substring(open, close);
                    field = registry.field(name);
                    protocol = name.equals("frame") ? FRAME : registry.protocols().id(name);
                    if (field == null && protocol != Protocols.NONE) {
                        if (c != Calc.COUNT) {
                            throw usage(spec, name + " is a protocol, so " + c.label
                                    + "(*) calculations are not supported on it");
                        }
                        break;
                    }
                    protocol = Protocols.NONE;
                    if (field == null) {
                        throw usage(spec, "there is no field named '" + name + "'");
                    }
                    break;
                }
            }
        }
        if (field != null && calc != Calc.FRAMES && calc != Calc.BYTES && calc != Calc.FRAMES_AND_BYTES) {
            Kind kind = kind(field.type());
            if (kind == Kind.OTHER && calc != Calc.COUNT) {
                throw usage(spec, field.name() + " does not have integral values, so " + calc.label
                        + "(*) calculations are not supported on it");
            }
            if (calc == Calc.LOAD && kind != Kind.TIME) {
                throw usage(spec, "LOAD() is only supported for relative-time fields such as tcp.analysis.ack_rtt");
            }
        }
        DisplayFilter compiled = null;
        if (filter != null && !filter.isEmpty()) {
            try {
                compiled = FieldOutput.displayFilter(filter, registry);
            } catch (CliException e) {
                throw new CliException("-z " + spec + ": " + e.getMessage(), 2, e);
            }
        }
        return new Column(text, calc, field, protocol, name, compiled);
    }

    private static Kind kind(FieldType type) {
        return switch (type) {
            case UINT, HEX8, HEX16, HEX24, HEX32 -> Kind.UNSIGNED;
            case INT -> Kind.SIGNED;
            case RELATIVE_NANOS -> Kind.TIME;
            default -> Kind.OTHER;
        };
    }

    /** The field names this table's filters use: tshark builds those fields, and only those, for every table. */
    Set<String> filterNames() {
        Set<String> names = new java.util.HashSet<>();
        for (Column c : columns) {
            if (c.filter != null) {
                names.addAll(c.filter.names());
            }
        }
        return names;
    }

    /** Tells the table which fields some {@code -z} filter names, so that their values are counted. */
    void prime(Set<String> names) {
        for (Column c : columns) {
            c.primed = c.name != null && names.contains(c.name);
        }
    }

    /** Counts one decoded frame. */
    void add(DecodedPacket packet, long originalLength) throws CliException {
        long rel = packet.hasTimestamp() ? packet.nanosSinceFirstFrame() : 0;
        if (rel > elapsedNanos) {
            elapsedNanos = rel;
        }
        long micros = lastMicros;
        if (rel >= 0) {
            micros = rel / 1_000_000_000L * 1_000_000L + (rel % 1_000_000_000L + 500) / 1000;
        }
        for (Column c : columns) {
            if (c.filter != null && !c.filter.test(packet)) {
                continue;
            }
            lastMicros = micros;
            add(c, packet, micros, originalLength);
        }
    }

    private void add(Column c, DecodedPacket packet, long micros, long length) throws CliException {
        long row = interval == WHOLE ? 0 : Long.divideUnsigned(micros, interval);
        long cell = Math.max(c.cells - 1, row);
        Cell it = cell == c.cells - 1 ? c.last : null;
        if (it == null) {
            it = cell(c, cell);
            c.cells = cell + 1;
            c.last = it;
        }
        long frames = ++it.frames;
        FieldValues v = null;
        int n = 0;
        if (c.primed && c.field != null && c.calc.ordinal() >= Calc.COUNT.ordinal()) {
            v = values.collect(c.field, packet);
            n = v.size();
        } else if (c.primed && c.protocol == FRAME) {
            n = 1;
        } else if (c.primed && c.protocol != Protocols.NONE) {
            for (int i = packet.find(c.protocol); i >= 0; i = packet.findNext(c.protocol, i + 1)) {
                n++;
            }
        }
        long counter = it.counter;
        switch (c.calc) {
            case FRAMES, BYTES, FRAMES_AND_BYTES -> counter += length;
            case COUNT -> counter += n;
            case SUM -> {
                for (int i = 0; i < n; i++) {
                    counter += v.integer(i);
                }
            }
            case MIN -> {
                for (int i = 0; i < n; i++) {
                    long x = v.integer(i);
                    boolean less = c.kind == Kind.SIGNED ? x < counter : Long.compareUnsigned(x, counter) < 0;
                    if (frames == 1 && i == 0 || less) {
                        counter = x;
                    }
                }
            }
            case MAX -> {
                for (int i = 0; i < n; i++) {
                    long x = v.integer(i);
                    if (c.kind == Kind.SIGNED ? x > counter : Long.compareUnsigned(x, counter) > 0) {
                        counter = x;
                    }
                }
            }
            case AVG -> {
                for (int i = 0; i < n; i++) {
                    it.num++;
                    counter += v.integer(i);
                }
            }
            case LOAD -> {
                for (int i = 0; i < n; i++) {
                    // a response time counts toward each interval it spans, back from this one
                    long t = v.integer(i);
                    long us = Long.divideUnsigned(t, 1000);
                    long part = Long.remainderUnsigned(us, interval);
                    counter += part;
                    us -= part;
                    long back = cell;
                    while (us != 0) {
                        // before the first interval comes the last, as in tshark's ring of intervals
                        back = back == 0 ? c.cells - 1 : back - 1;
                        if (back == cell) {
                            counter += Long.compareUnsigned(us, interval) < 0 ? us : interval;
                        } else {
                            cell(c, back).counter += Long.compareUnsigned(us, interval) < 0 ? us : interval;
                        }
                        if (Long.compareUnsigned(us, interval) < 0) {
                            break;
                        }
                        us -= interval;
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        it.counter = counter;
        switch (c.calc) {
            case FRAMES, FRAMES_AND_BYTES -> {
                c.maxFrames = Math.max(c.maxFrames, frames);
                if (c.calc == Calc.FRAMES_AND_BYTES) {
                    c.maxValue = maxUnsigned(c.maxValue, counter);
                }
            }
            case BYTES, COUNT, LOAD, SUM, MIN, MAX -> c.maxValue = maxUnsigned(c.maxValue, counter);
            case AVG -> {
                long num = it.num;
                if (num != 0) {
                    long avg = Long.divideUnsigned(counter, num);
                    c.maxValue = maxUnsigned(c.maxValue,
                            c.kind == Kind.TIME ? Long.divideUnsigned(avg + 500_000_000L, 1_000_000_000L) : avg);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static Cell cell(Column c, long index) throws CliException {
        Cell cell = c.counted.get(index);
        if (cell == null) {
            if (c.counted.size() >= MAX_CELLS) {
                throw new CliException("-z io,stat: more than " + MAX_CELLS + " intervals with frames in one column;"
                        + " use a longer interval", 2, null);
            }
            cell = new Cell();
            c.counted.put(index, cell);
        }
        return cell;
    }

    private static long maxUnsigned(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    /** The number of decimal digits of {@code value} (unsigned), at least 1 and at most {@code most}. */
    private static int magnitude(long value, int most) {
        int mag = 0;
        for (int i = 0; i < most; i++) {
            mag++;
            value = Long.divideUnsigned(value, 10);
            if (value == 0) {
                break;
            }
        }
        return mag;
    }

    /** The table, as tshark prints it. */
    void print(StringBuilder out) {
        long elapsedSecs = elapsedNanos / 1_000_000_000L;
        long elapsedFrac = elapsedNanos % 1_000_000_000L;
        long duration = elapsedSecs * 1_000_000L + (elapsedFrac + 500) / 1000;
        boolean whole = interval == WHOLE || Long.compareUnsigned(interval, duration) > 0;
        long step = whole ? duration : interval;
        int durMag = magnitude(duration / 1_000_000L, 5);
        int invlMag = magnitude(step / 1_000_000L, 5);
        int prec;
        int borderlen;
        if (step == duration) {
            prec = durMag >= 2 ? 1 : durMag == 1 ? 3 : 6;
            borderlen = 30 + durMag + (prec == 0 ? 0 : prec + 1);
        } else {
            prec = precision;
            borderlen = 25 + Math.max(invlMag, durMag) + (prec == 0 ? 0 : prec + 1);
        }
        // tshark 4.0 lays the numbers out for the duration's digits before rounding it, the widths after
        int numberW = durMag;
        long dv = 1_000_000L;
        for (int i = 0; i < prec; i++) {
            dv /= 10;
        }
        if (duration % dv > 5 * (dv / 10)) {
            duration = (duration + 5 * (dv / 10)) / dv * dv;
            durMag = magnitude(duration / 1_000_000L, 5);
        }
        if (whole) {
            step = duration;
        }
        int invlColW = prec == 0 ? 2 * durMag + 8 : 2 * durMag + 2 * prec + 10;
        invlColW = Math.max(invlColW, 12);

        int[] fr = new int[columns.length];
        int[] val = new int[columns.length];
        int tabrowW = invlColW;
        for (int j = 0; j < columns.length; j++) {
            Column c = columns[j];
            int namelen = c.calc == Calc.FRAMES_AND_BYTES ? 5 : c.calc.label.length();
            if (c.calc == Calc.FRAMES || c.calc == Calc.FRAMES_AND_BYTES) {
                fr[j] = Math.max(6, magnitude(c.maxFrames, 15));
                tabrowW += fr[j] + 3;
                if (c.calc == Calc.FRAMES_AND_BYTES) {
                    val[j] = Math.max(5, magnitude(c.maxValue, 15));
                    tabrowW += val[j] + 3;
                }
                continue;
            }
            if (c.calc == Calc.BYTES || c.calc == Calc.COUNT) {
                val[j] = Math.max(5, magnitude(c.maxValue, 15));
            } else if (c.kind == Kind.TIME) {
                long max = c.maxValue;
                if (c.calc == Calc.LOAD) {
                    max = step == 0 ? 0 : Long.divideUnsigned(max, step);
                } else if (c.calc != Calc.AVG) {
                    max = Long.divideUnsigned(max + 500_000_000L, 1_000_000_000L);
                }
                val[j] = magnitude(max, 15) + 7;
            } else {
                val[j] = Math.max(namelen, magnitude(c.maxValue, 15));
            }
            tabrowW += val[j] + 3;
        }
        borderlen = Math.max(borderlen, tabrowW);
        int maxFilterW = 0;
        for (Column c : columns) {
            maxFilterW = Math.max(maxFilterW, c.text == null ? 26 : c.text.length() + 11);
        }
        if (maxFilterW > borderlen && borderlen < 102) {
            borderlen = Math.min(maxFilterW, 102);
        }
        if (borderlen - tabrowW == 1) {
            borderlen++;
        }

        // heading
        out.append('\n').append("=".repeat(borderlen)).append('\n');
        padRightBar(out, "| IO Statistics", borderlen);
        padRightBar(out, "|", borderlen);
        int durPrec = prec == 0 ? 6 : prec;
        String durText = time(roundTo(elapsedNanos, durPrec), durPrec);
        if (prec == 0) {
            // tshark 4.0 pads the microseconds it shows for a whole-second interval with spaces, not zeros
            int dot = durText.indexOf('.');
            durText = durText.substring(0, dot + 1) + padLeft(Long.toString(Long.parseLong(durText.substring(dot + 1))),
                    6);
        }
        durText = padLeft(durText, numberW + durPrec + 1);
        out.append("| Duration: ").append(durText).append(" secs")
                .append(padLeft("|", borderlen - 17 - (durMag + durPrec + 1))).append('\n');
        long stepNanos = step / 1_000_000L * 1_000_000_000L + step % 1_000_000L * 1000;
        int invlW = prec == 0 ? 0 : prec + 1;
        out.append("| Interval: ").append(padLeft(time(stepNanos, prec), numberW + invlW)).append(" secs")
                .append(padLeft("|", borderlen - 17 - (durMag + invlW))).append('\n');
        padRightBar(out, "|", borderlen);
        for (int j = 0; j < columns.length; j++) {
            String head = (j == 0 ? "| Col" : "|    ") + padLeft(Integer.toString(j + 1), 2) + ": ";
            String filter = columns[j].text;
            if (filter == null) {
                padRightBar(out, head + "Frames and bytes", borderlen);
                continue;
            }
            int maxW = borderlen - 11;
            while (filter.length() > maxW) {
                int space = filter.lastIndexOf(' ', maxW - 1);
                int len = space >= 0 ? space : maxW;
                padRightBar(out, head + filter.substring(0, len), borderlen);
                head = "|        ";
                filter = filter.substring(space >= 0 ? len + 1 : len);
            }
            padRightBar(out, head + filter, borderlen);
        }
        out.append("|-").append("-".repeat(borderlen - 3)).append("|\n");

        // column headings
        String filler = tabrowW < borderlen ? padLeft("|", borderlen - tabrowW) : "";
        out.append('|').append(padLeft("|", invlColW - 1));
        for (int j = 0; j < columns.length; j++) {
            Column c = columns[j];
            int padding = c.calc == Calc.FRAMES_AND_BYTES ? fr[j] + val[j] + 3
                    : c.calc == Calc.FRAMES ? fr[j] : val[j];
            out.append(padRight(Integer.toString(j + 1), 2)).append(" ".repeat(padding)).append('|');
        }
        out.append(filler).append('\n');
        out.append("| Interval").append(padLeft("|", invlColW - 10));
        for (int j = 0; j < columns.length; j++) {
            Column c = columns[j];
            if (c.calc == Calc.FRAMES) {
                center(out, c.calc.label, fr[j]);
            } else if (c.calc == Calc.FRAMES_AND_BYTES) {
                center(out, "Frames", fr[j]);
                center(out, "Bytes", val[j]);
            } else {
                center(out, c.calc.label, val[j]);
            }
        }
        out.append(filler).append("\n|-").append("-".repeat(tabrowW - 3)).append('|').append(filler).append('\n');

        // rows
        long row = 0;
        for (long t = 0; Long.compareUnsigned(t, duration) < 0 && step != 0; t += step, row++) {
            long end = t + step;
            boolean last = Long.compareUnsigned(end, duration) >= 0 || end < t;
            if (last) {
                end = duration;
            }
            if (prec == 0) {
                String open = durMag == 1 ? "|  " : "| ";
                if (last) {
                    int maxw = durMag >= 3 ? durMag + 1 : 3;
                    out.append("| ").append(durMag == 1 ? " " : "").append(padLeft(Long.toString(t / 1_000_000L),
                            numberW)).append(" <> ").append(padRight("Dur", maxw)).append('|');
                } else {
                    out.append(open).append(padLeft(Long.toString(t / 1_000_000L), numberW)).append(" <> ")
                            .append(padLeft(Long.toString(end / 1_000_000L), numberW))
                            .append(durMag == 1 ? "  |" : " |");
                }
            } else {
                out.append("| ").append(padLeft(Long.toString(t / 1_000_000L), numberW)).append('.')
                        .append(zeros(t % 1_000_000L / dv, prec)).append(" <> ")
                        .append(padLeft(Long.toString(end / 1_000_000L), numberW)).append('.')
                        .append(zeros(end % 1_000_000L / dv, prec)).append(" |");
            }
            for (int j = 0; j < columns.length; j++) {
                cell(out, columns[j], row, fr[j], val[j], last ? end - t : step);
            }
            out.append(filler).append('\n');
        }
        out.append("=".repeat(borderlen)).append('\n');
    }

    private void cell(StringBuilder out, Column c, long row, int frW, int valW, long span) {
        Cell it = row < c.cells ? c.counted.get(row) : null;
        if (row < c.cells && it == null) {
            it = new Cell(); // an interval between two that counted: tshark has it, empty
        }
        boolean present = it != null;
        long frames = present ? it.frames : 0;
        long counter = present ? it.counter : 0;
        switch (c.calc) {
            case FRAMES -> out.append(' ').append(padLeft(Long.toString(frames), frW)).append(" |");
            case FRAMES_AND_BYTES -> out.append(' ').append(padLeft(Long.toString(frames), frW)).append(" | ")
                    .append(padLeft(Long.toUnsignedString(counter), valW)).append(" |");
            case BYTES, COUNT -> out.append(' ').append(padLeft(Long.toUnsignedString(counter), valW)).append(" |");
            default -> {
                if (c.kind == Kind.TIME) {
                    int w = valW - 7;
                    long micros;
                    long whole;
                    long fraction;
                    if (!present) {
                        whole = 0;
                        fraction = 0;
                    } else if (c.calc == Calc.LOAD) {
                        whole = Long.divideUnsigned(counter, span);
                        fraction = Long.divideUnsigned(Long.remainderUnsigned(counter, span) * 1_000_000L, span);
                    } else {
                        long nanos = counter;
                        if (c.calc == Calc.AVG) {
                            long num = it.num == 0 ? 1 : it.num;
                            nanos = Long.divideUnsigned(counter, num);
                        }
                        micros = Long.divideUnsigned(nanos + 500, 1000);
                        whole = Long.divideUnsigned(micros, 1_000_000L);
                        fraction = Long.remainderUnsigned(micros, 1_000_000L);
                    }
                    out.append(' ').append(padLeft(Integer.toString((int) whole), w)).append('.')
                            .append(zeros((int) fraction, 6)).append(" |");
                } else {
                    long value = counter;
                    if (c.calc == Calc.AVG && present) {
                        value = Long.divideUnsigned(counter, it.num == 0 ? 1 : it.num);
                    }
                    String text = c.kind == Kind.SIGNED ? Long.toString(value) : Long.toUnsignedString(value);
                    out.append(' ').append(padLeft(text, valW)).append(" |");
                }
            }
        }
    }

    /** tshark's centring of a column label over a value {@code width} wide (labels far narrower vanish). */
    private static void center(StringBuilder out, String label, int width) {
        int len = 6 - ((width - label.length()) / 2 + 1);
        if (len > 0 && len < 6) {
            String sp = " ".repeat(6 - len);
            out.append((width - label.length()) % 2 == 0 ? sp : sp + " ").append(label).append(sp).append('|');
        } else if (len > 0 && len <= 15) {
            out.append(label).append('|');
        }
    }

    private static long roundTo(long nanos, int decimals) {
        long unit = 1;
        for (int i = decimals; i < 9; i++) {
            unit *= 10;
        }
        return (nanos + unit / 2) / unit * unit;
    }

    private static String time(long nanos, int decimals) {
        String secs = Long.toString(nanos / 1_000_000_000L);
        if (decimals == 0) {
            return secs;
        }
        long frac = nanos % 1_000_000_000L;
        for (int i = decimals; i < 9; i++) {
            frac /= 10;
        }
        return secs + "." + zeros(frac, decimals);
    }

    private static String zeros(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static void padRightBar(StringBuilder out, String text, int width) {
        out.append(text).append(padLeft("|", width - text.length())).append('\n');
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
