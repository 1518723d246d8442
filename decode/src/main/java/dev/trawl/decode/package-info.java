/**
 * Packet decoding: {@link dev.trawl.decode.PacketDecoder} turns packet bytes into a
 * {@link dev.trawl.decode.DecodedPacket}, a reusable list of protocol layers (ids from
 * {@link dev.trawl.decode.Protocols}, offsets, lengths, {@link dev.trawl.decode.LayerFlags}), with typed access
 * through the flyweights of {@code dev.trawl.decode.layer} and Wireshark-named fields through
 * {@code dev.trawl.decode.field}.
 *
 * <pre>{@code
 * PacketDecoder decoder = new PacketDecoder();             // one per thread
 * FieldRegistry fields = FieldRegistry.standard();
 * FieldPrinter printer = new FieldPrinter();
 * Field src = fields.require("ip.src");
 * ...
 * DecodedPacket p = decoder.decode(handle.linkType(), packet);   // no allocation
 * int tcp = p.find(Protocols.TCP);
 * if (tcp >= 0 && (p.tcp(tcp).flags() & Tcp.SYN) != 0) { ... }
 * String text = printer.toString(src, p);                  // "10.0.0.1" (allocates the string)
 * }</pre>
 */
package dev.trawl.decode;
