package dev.trawl.decode;

import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A list of fields compiled once for reading packet after packet: only what the fields need is decoded. Where
 * every field is one a fixed header holds ({@code ip.src}, {@code tcp.srcport}, {@code frame.number}, ...), a
 * packet whose stack is Ethernet, one IPv4 or IPv6 header and one TCP or UDP header (whose payload, by the same
 * port lookups and heuristics the decoder makes, is a protocol that ends the stack) is read straight from its
 * bytes, after checks that each of those assumptions holds, by code generated for the field list; every other
 * packet, and every packet when some field needs more (text fields, state kept across packets such as
 * {@code tcp.stream}, fields of higher layers), is decoded by the general {@link PacketDecoder} and read by the
 * fields' extractors. Either way a row holds exactly the values the extractors report from the general decoder's
 * result.
 *
 * <pre>{@code
 * Projection projection = Projection.compile(FieldRegistry.standard(), List.of("ip.src", "tcp.dstport"));
 * Projector projector = projection.projector(new PacketDecoder());
 * while (handle.next() == ReadStatus.PACKET) {
 *     ProjectedRow row = projector.project(handle.linkType(), handle.packet());
 *     for (int k = 0; k < row.count(1); k++) {
 *         long port = row.integer(1, k);
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; each thread projects with its own {@link Projector}.
 */
public final class Projection {
    private final FieldRegistry registry;
    private final List<Field> fields;
    /** How each field is read from the bytes, or null when none can be; null when some field cannot. */
    private final FixedField[] fixed;
    /** The code generated to read the fixed fields, or null with {@link #fixed}. */
    private final FieldFill fill;

    private Projection(FieldRegistry registry, List<Field> fields, FixedField[] fixed) {
        this.registry = registry;
        this.fields = fields;
        FieldFill code = fixed == null ? null : FieldFillCompiler.compile(fixed);
        // a list too long for one generated method (hundreds of fields) is read by the extractors
        this.fixed = code == null ? null : fixed;
        this.fill = code;
    }

    /** Compiles the fields named {@code names} of the {@link FieldRegistry#standard() standard} registry. */
    public static Projection compile(List<String> names) {
        return compile(FieldRegistry.standard(), names);
    }

    /**
     * Compiles the fields named {@code names}, in that order, of {@code registry}.
     *
     * @throws IllegalArgumentException naming an unknown field, or if {@code names} is empty
     */
    public static Projection compile(FieldRegistry registry, List<String> names) {
        Objects.requireNonNull(registry, "registry");
        List<Field> fields = new ArrayList<>(names.size());
        for (String name : names) {
            fields.add(registry.require(name));
        }
        return of(registry, fields);
    }

    /**
     * Compiles {@code fields} (fields of {@code registry}), in that order.
     *
     * @throws IllegalArgumentException if {@code fields} is empty
     */
    public static Projection of(FieldRegistry registry, List<Field> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a projection needs at least one field");
        }
        FixedField[] fixed = new FixedField[fields.size()];
        ProtocolRegistry protocols = registry.protocols();
        for (int i = 0; i < fixed.length; i++) {
            Field f = fields.get(i);
            FixedField reader = FixedField.of(f.name());
            // Read from the bytes only what the built-in extractor reads: the field must be the standard one.
            if (reader == null || registry != FieldRegistry.standard()
                    || f != FieldRegistry.standard().field(f.name())
                    || f.protocol() != (reader.header == FixedField.FRAME ? -1
                            : protocols.id(FixedField.protocolName(reader.header)))) {
                fixed = null;
                break;
            }
            fixed[i] = reader;
        }
        return new Projection(registry, List.copyOf(fields), fixed);
    }

    /** The fields, in column order. */
    public List<Field> fields() {
        return fields;
    }

    /** The registry the fields belong to. */
    public FieldRegistry registry() {
        return registry;
    }

    /**
     * Whether the projection reads common packets straight from their bytes; false when some field needs the
     * general decoder for every packet.
     */
    public boolean isSpecialised() {
        return fixed != null;
    }

    FixedField[] fixed() {
        return fixed;
    }

    FieldFill fill() {
        return fill;
    }

    /**
     * A projector that reads packets with this projection, decoding with {@code decoder} those it does not read
     * from the bytes (and all of them when {@code decoder} verifies checksums or tracks conversations). The
     * decoder's options and state apply as if it decoded every packet itself.
     *
     * @throws IllegalArgumentException if {@code decoder}'s registry is not the one the fields belong to
     */
    public Projector projector(PacketDecoder decoder) {
        if (decoder.registry() != registry.protocols()) {
            throw new IllegalArgumentException("the decoder's protocol registry is not the fields' registry");
        }
        return new Projector(this, decoder);
    }
}
