package dev.trawl.decode.display;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.FieldRegistry;
import java.util.Objects;
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
 * <p>Compiling is thread-safe; a compiled filter is not (it reuses buffers while testing): compile one per
 * thread. Testing allocates nothing for fixed-width fields once its buffers have grown.
 */
public final class DisplayFilter {
    private final String expression;
    private final Test test;
    private final Set<String> names;
    private final Frame frame = new Frame();

    private DisplayFilter(String expression, Test test, Set<String> names) {
        this.expression = expression;
        this.test = test;
        this.names = names;
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
        return new DisplayFilter(expression, test, Set.copyOf(compiler.names));
    }

    /** Whether {@code packet} passes the filter. */
    public boolean test(DecodedPacket packet) {
        return test.test(frame.of(packet));
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
