package dev.trawl.decode.display;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Every protocol and field name Wireshark 4.0 knows, with its type: what lets a display filter be accepted or
 * refused exactly as tshark accepts or refuses it, even when it names a field the decoder does not produce
 * (that field is then absent from every packet, as it is from a packet tshark did not dissect that far). For
 * the protocols the decoder knows it also holds the value strings tshark accepts in place of numbers
 * ({@code ip.proto == UDP}).
 *
 * <p>Made by {@code decode/src/main/scripts/make-field-catalogue.py} from {@code tshark -G fields} and
 * {@code -G values}. The names are held sorted in one byte array (about 8 MB for 236,000 names) and found by
 * binary search; the whole is read once, on first use. Immutable and thread-safe.
 */
final class Catalogue {
    private static final String FIELDS = "fields.tsv.gz";
    private static final String VALUES = "values.tsv.gz";
    private static final int HAS_VALUES = 0x80;
    private static final FType[] TYPES = FType.values();

    private final byte[] names;
    private final int[] starts;
    private final byte[] types;
    /** Value strings, read on first use: field name to (lower-case label to value). */
    private volatile Map<String, Map<String, Long>> values;

    private Catalogue(byte[] names, int[] starts, byte[] types) {
        this.names = names;
        this.starts = starts;
        this.types = types;
    }

    private static final class Holder {
        static final Catalogue STANDARD = load();
    }

    /** The catalogue shipped with the decoder. */
    static Catalogue standard() {
        return Holder.STANDARD;
    }

    private static Catalogue load() {
        try (BufferedReader in = open(FIELDS)) {
            byte[] names = new byte[1 << 23];
            int size = 0;
            int[] starts = new int[1 << 18];
            byte[] types = new byte[1 << 18];
            int count = 0;
            byte[] previous = new byte[0];
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                int shared = Integer.parseInt(cells[0]);
                byte[] suffix = cells[1].getBytes(StandardCharsets.US_ASCII);
                byte[] name = Arrays.copyOf(previous, shared + suffix.length);
                System.arraycopy(suffix, 0, name, shared, suffix.length);
                if (size + name.length > names.length) {
                    names = Arrays.copyOf(names, Math.max(names.length * 2, size + name.length));
                }
                if (count + 1 >= starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    types = Arrays.copyOf(types, types.length * 2);
                }
                System.arraycopy(name, 0, names, size, name.length);
                starts[count] = size;
                int type = FType.ofWiresharkName(cells[2]).ordinal();
                types[count] = (byte) (type | (cells.length > 3 && cells[3].equals("v") ? HAS_VALUES : 0));
                size += name.length;
                count++;
                previous = name;
            }
            starts[count] = size;
            return new Catalogue(Arrays.copyOf(names, size), Arrays.copyOf(starts, count + 1),
                    Arrays.copyOf(types, count));
        } catch (IOException e) {
            throw new UncheckedIOException("the display-filter field catalogue cannot be read", e);
        }
    }

    private static BufferedReader open(String resource) throws IOException {
        InputStream raw = Catalogue.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IOException("resource " + resource + " is missing from the decode module");
        }
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
    }

    /** The type of a field or protocol, or null when Wireshark knows no such name. */
    FType type(String name) {
        int i = find(name);
        return i < 0 ? null : TYPES[types[i] & 0x7f];
    }

    /** Whether Wireshark gives the field value strings (names for its numbers, or for true and false). */
    boolean hasValueStrings(String name) {
        int i = find(name);
        return i >= 0 && (types[i] & HAS_VALUES) != 0;
    }

    /**
     * The number a value string names for {@code field} (case-insensitive, as tshark matches them), or null
     * when the field has no such label or its value strings are not kept.
     */
    Long valueOf(String field, String label) {
        Map<String, Long> labels = valueStrings().get(field);
        return labels == null ? null : labels.get(label.toLowerCase(Locale.ROOT));
    }

    private Map<String, Map<String, Long>> valueStrings() {
        Map<String, Map<String, Long>> all = values;
        if (all == null) {
            synchronized (this) {
                all = values;
                if (all == null) {
                    values = all = loadValues();
                }
            }
        }
        return all;
    }

    private static Map<String, Map<String, Long>> loadValues() {
        Map<String, Map<String, Long>> all = new HashMap<>();
        try (BufferedReader in = open(VALUES)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split("\t", -1);
                Map<String, Long> labels;
                switch (cells[0]) {
                    case "V", "V64" -> {
                        labels = all.computeIfAbsent(cells[1], k -> new HashMap<>());
                        labels.putIfAbsent(cells[3].toLowerCase(Locale.ROOT), parse(cells[2]));
                    }
                    case "R" -> {
                        labels = all.computeIfAbsent(cells[1], k -> new HashMap<>());
                        labels.putIfAbsent(cells[4].toLowerCase(Locale.ROOT), parse(cells[2]));
                    }
                    case "T" -> {
                        labels = all.computeIfAbsent(cells[1], k -> new HashMap<>());
                        labels.putIfAbsent(cells[2].toLowerCase(Locale.ROOT), 1L);
                        labels.putIfAbsent(cells[3].toLowerCase(Locale.ROOT), 0L);
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the display-filter value strings cannot be read", e);
        }
        return all;
    }

    private static long parse(String number) {
        if (number.startsWith("0x")) {
            return Long.parseUnsignedLong(number.substring(2), 16);
        }
        return number.startsWith("-") ? Long.parseLong(number) : Long.parseUnsignedLong(number);
    }

    /** Names that start with {@code prefix}, in order, at most {@code limit}: for completion and suggestions. */
    List<String> namesStartingWith(String prefix, int limit) {
        List<String> out = new ArrayList<>();
        int i = find(prefix);
        for (i = i >= 0 ? i : -i - 1; i < types.length && out.size() < limit; i++) {
            String name = new String(names, starts[i], starts[i + 1] - starts[i], StandardCharsets.US_ASCII);
            if (!name.startsWith(prefix)) {
                break;
            }
            out.add(name);
        }
        return out;
    }

    /** Binary search: the index of {@code name}, or {@code -(insertion point) - 1}. */
    private int find(String name) {
        int low = 0;
        int high = types.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = compare(mid, name);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    private int compare(int index, String name) {
        int from = starts[index];
        int length = starts[index + 1] - from;
        int n = Math.min(length, name.length());
        for (int k = 0; k < n; k++) {
            int c = (names[from + k] & 0xff) - name.charAt(k);
            if (c != 0) {
                return c;
            }
        }
        return length - name.length();
    }
}
