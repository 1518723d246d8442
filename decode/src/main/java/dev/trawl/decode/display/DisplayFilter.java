package dev.trawl.decode.display;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.ProjectedRow;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A display filter in Wireshark's language, compiled once and tested against decoded packets:
 *
 * <pre>{@code
 * DisplayFilter filter = DisplayFilter.compile("tcp.port in {80, 443} and ip.ttl > 10");
 * PacketDecoder decoder = new PacketDecoder();
 * while (handle.next() == ReadStatus.PACKET) {
 *     if (filter.test(decoder.decode(handle.linkType(), handle.packet()))) { ... }
 * }
 * }</pre>
 *
 * <p>The language is Wireshark 4.0's, as {@code wireshark-filter(4)} describes it and tshark applies it:
 * fields and protocols (present, or compared), the comparison operators in both spellings with their
 * any/all meanings for fields that occur several times ({@code ==}, {@code !=}, {@code ===}, {@code !==},
 * {@code ~=}, {@code any}, {@code all}), {@code contains}, {@code matches} (a case-insensitive regular
 * expression), {@code in} and {@code not in} with sets and ranges, slices ({@code eth.src[0:3]},
 * {@code frame[-4:]}), the layer operator ({@code ip.src#2}), bitwise and, arithmetic (grouped with
 * braces), and the functions {@code len}, {@code count}, {@code upper}, {@code lower}, {@code string},
 * {@code max}, {@code min} and {@code abs}. A comparison on a field the packet lacks is false, whatever the
 * operator. Every field name Wireshark knows is accepted, with its type; one the decoder does not produce is
 * absent from every packet.
 *
 * <p>A filter that reads nothing but whole fields (no protocol, no layer operator, no frame time, no
 * {@code _ws.malformed}) can also test a {@link ProjectedRow} that holds them ({@link #rowFields()}): a
 * {@link dev.trawl.decode.Projection} of them reads common packets without decoding them, and the values, so the
 * verdict, are the general decoder's.
 *
 * <p>Compiling is thread-safe; a compiled filter is not (it reuses buffers while testing): compile one per
 * thread. Testing allocates nothing for fixed-width fields once its buffers have grown.
 */
public final class DisplayFilter {
    private final String expression;
    private final Test test;
    private final Set<String> names;
    /** The fields a projected row must hold for the filter to test it, or null when it cannot test rows. */
    private final List<Field> rowFields;
    private final Frame frame = new Frame();
    /** The last row tested, and its column of each row field. */
    private ProjectedRow lastRow;
    private int[] columns;

    private DisplayFilter(String expression, Test test, Set<String> names, List<Field> rowFields) {
        this.expression = expression;
        this.test = test;
        this.names = names;
        this.rowFields = rowFields;
    }

    /**
     * Compiles {@code expression} against the standard fields.
     *
     * @throws DisplayFilterException if it is not a valid display filter
     */
    public static DisplayFilter compile(String expression) {
        return compile(expression, FieldRegistry.standard());
    }

    /**
     * Compiles {@code expression} against {@code fields} (the standard ones, or ones with plugins).
     *
     * @throws DisplayFilterException if it is not a valid display filter
     */
    public static DisplayFilter compile(String expression, FieldRegistry fields) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(fields, "fields");
        Syntax.Node tree = Parser.parse(expression);
        Compiler compiler = new Compiler(expression, fields, Catalogue.standard());
        Test test = compiler.test(tree);
        return new DisplayFilter(expression, test, Set.copyOf(compiler.names),
                compiler.rowTestable ? List.copyOf(compiler.rowFields) : null);
    }

    /** Whether {@code packet} passes the filter. */
    public boolean test(DecodedPacket packet) {
        return test.test(frame.of(packet));
    }

    /**
     * The fields whose values decide the filter, when they alone do (it reads no protocol, layer range, frame
     * time or {@code _ws.malformed}): a {@link ProjectedRow} holding them, in any columns, can then be tested.
     * Empty when the filter needs a decoded packet.
     */
    public Optional<List<Field>> rowFields() {
        return Optional.ofNullable(rowFields);
    }

    /**
     * Whether the packet of {@code row} passes the filter, decided on the row's values of {@link #rowFields()},
     * which are the general decoder's: the same verdict as {@link #test(DecodedPacket)} on the decoded packet.
     *
     * @throws IllegalStateException if the filter needs a decoded packet ({@link #rowFields()} is empty)
     * @throws IllegalArgumentException if the row lacks one of its fields
     */
    public boolean test(ProjectedRow row) {
        if (rowFields == null) {
            throw new IllegalStateException("the display filter \"" + expression
                    + "\" reads protocols, layers or frame times, which only a decoded packet holds");
        }
        if (row != lastRow) {
            columns = columns(row);
            lastRow = row;
        }
        return test.test(frame.of(row, columns));
    }

    private int[] columns(ProjectedRow row) {
        int[] at = new int[rowFields.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = -1;
            for (int c = 0; c < row.fieldCount() && at[i] < 0; c++) {
                if (row.field(c) == rowFields.get(i)) {
                    at[i] = c;
                }
            }
            if (at[i] < 0) {
                throw new IllegalArgumentException("the row has no column " + rowFields.get(i).name()
                        + ", which the display filter \"" + expression + "\" reads");
            }
        }
        return at;
    }

    /** The filter as it was given. */
    public String expression() {
        return expression;
    }

    /** The field and protocol names the filter reads. */
    public Set<String> names() {
        return names;
    }

    @Override
    public String toString() {
        return expression;
    }
}
