package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.ProtocolRegistry;
import dev.trawl.decode.Protocols;
import dev.trawl.pcap.LinkType;

/**
 * What a {@link LayerPrinter} prints from and to: the decoded packet, the output, the options, and the way on
 * to the next layer. One context belongs to one {@link PacketPrinter} and is reset for every packet. Not
 * thread-safe; the packet and its buffer are valid only during the call to the printer.
 */
final class PrintContext {
    private static final int DCCP = ProtocolRegistry.standard().id("dccp");
    private final Out out;
    private final PrintOptions options;
    private final Names names;
    private final LayerPrinters printers;
    private final byte[] address = new byte[16];
    private DecodedPacket packet;
    private int hexFrom;
    /** Whether a printer ran off the captured bytes and gave up by tcpdump's jump (see {@link #truncatedRead}). */
    private boolean jumped;
    /** How many frames this context's packet lies inside (see {@link #printFrame}); 0 for a captured packet. */
    private final int depth;
    /** The context and decoder of frames inside this one's packet, made on first use. */
    private PrintContext inner;
    private PacketDecoder innerDecoder;
    /** The context and decoder of frames printed with a lower {@code -v} count, made on first use. */
    private PrintContext lessVerbose;
    private PacketDecoder lessVerboseDecoder;

    PrintContext(Out out, PrintOptions options, LayerPrinters printers) {
        this(out, options, printers, 0);
    }

    private PrintContext(Out out, PrintOptions options, LayerPrinters printers, int depth) {
        this.out = out;
        this.options = options;
        this.names = new Names(options.numeric() == 0);
        this.printers = printers;
        this.depth = depth;
    }

    /** The deepest frame inside a frame that {@link #printFrame} prints, which bounds the contexts it makes. */
    private static final int MAX_FRAME_DEPTH = 8;

    /**
     * Prints the absolute indexes {@code from} to {@code to} of the packet, {@code wireLength} bytes on the wire,
     * as a frame of link type {@code linkType} that decode reads afresh: a frame tcpdump finds by a port where
     * decode, as Wireshark, sees data. The same printers print it, in a context of its own.
     *
     * @return false, having printed nothing, when there is no printer for it or frames nest too deep
     */
    boolean printFrame(int linkType, int from, int to, int wireLength) {
        return printFrame(linkType, packet.buffer(), from, to, wireLength);
    }

    /** Prints bytes {@code from} to {@code to} of {@code buffer} (a frame rebuilt from the packet's) likewise. */
    boolean printFrame(int linkType, java.nio.ByteBuffer buffer, int from, int to, int wireLength) {
        return printFrame(linkType, buffer, from, to, wireLength, false) >= 0;
    }

    /**
     * Prints a frame rebuilt from the packet's as {@link #printFrame(int, java.nio.ByteBuffer, int, int, int)} does,
     * from the layer after its link layer: the payload of a header that names its EtherType where decode, as
     * Wireshark, reads no further, put behind a stand-in link header that is not printed.
     *
     * @return how many bytes of link header (VLAN tags) the payload's printers took from its start, which
     *         {@code -x} leaves out; -1, having printed nothing, when there was nothing to print
     */
    int printPayload(int linkType, java.nio.ByteBuffer buffer, int from, int to, int wireLength) {
        return printFrame(linkType, buffer, from, to, wireLength, true);
    }

    /** Returns what {@link #printPayload} does, counted from the first layer printed. */
    private int printFrame(int linkType, java.nio.ByteBuffer buffer, int from, int to, int wireLength,
            boolean payload) {
        if (depth >= MAX_FRAME_DEPTH || to <= from) {
            return -1;
        }
        makeInner();
        inner.reset(innerDecoder.decode(linkType, buffer, from, to - from, Math.max(to - from, wireLength),
                0, 0));
        int first = inner.first();
        if (payload && first >= 0) {
            first = inner.after(first);
        }
        int start = first >= 0 ? inner.packet.offset(first) : 0;
        inner.hexFrom = start;
        boolean printed = first >= 0 && inner.print(first);
        if (inner.jumped) { // the jump leaves the outer printers too
            jumped = true;
            hexFrom = packet.start();
        }
        return printed ? Math.max(0, inner.hexFrom - start) : -1;
    }

    /** Whether a printer of this frame gave up by tcpdump's jump; {@code -x} then dumps the whole frame. */
    boolean jumped() {
        return jumped;
    }

    /**
     * Prints the 802.2 LLC frame that follows an 802.3 length field at absolute index {@code lengthAt}, up to
     * {@code to}, {@code wireLength} bytes on the wire after the field: a length tcpdump reads where decode, as
     * Wireshark, sees an EtherType and data. decode reads it afresh as the payload of an Ethernet frame whose
     * header ends with that field; the 12 bytes before the field stand for the addresses and are not printed.
     * The link header {@code -x} skips then ends after the LLC header, as tcpdump counts it.
     *
     * @return false, having printed nothing, when the bytes before the field are not in the packet, nothing
     *     prints the LLC frame or frames nest too deep
     */
    boolean printAfterLength(int lengthAt, int to, int wireLength) {
        int frame = lengthAt - 12;
        if (frame < packet.start()) {
            return false;
        }
        int taken = printPayload(LinkType.ETHERNET.value(), packet.buffer(), frame, to, wireLength + 14);
        if (taken < 0) {
            return false;
        }
        // tcpdump counts the LLC header into the link header -x skips, as the LLC printer marked it
        hexFrom = Math.max(hexFrom, lengthAt + 2 + taken);
        return true;
    }

    /**
     * Prints bytes {@code from} to {@code to} of the packet as a frame of link type {@code linkType}, as
     * {@link #printFrame(int, int, int, int)} does but with {@code verbose} as the {@code -v} count (tcpdump lowers
     * it for the frames an OpenFlow message carries).
     */
    boolean printFrame(int linkType, int from, int to, int wireLength, int verbose) {
        if (verbose == options.verbose()) {
            return printFrame(linkType, from, to, wireLength);
        }
        if (depth >= MAX_FRAME_DEPTH || to <= from) {
            return false;
        }
        if (lessVerbose == null || lessVerbose.options.verbose() != verbose) {
            PrintOptions o = options;
            lessVerbose = new PrintContext(out, new PrintOptions(o.timestamps(), verbose, o.linkHeader(), o.numeric(),
                    o.quiet(), o.hex(), o.ascii(), o.absoluteSeq()), printers, depth + 1);
            lessVerboseDecoder = new PacketDecoder().decodeFirstFragments(true);
        }
        lessVerbose.reset(lessVerboseDecoder.decode(linkType, packet.buffer(), from, to - from,
                Math.max(to - from, wireLength), 0, 0));
        int first = lessVerbose.first();
        return first >= 0 && lessVerbose.print(first);
    }

    private void makeInner() {
        if (inner == null) {
            inner = new PrintContext(out, options, printers, depth + 1);
            innerDecoder = new PacketDecoder().decodeFirstFragments(true);
        }
    }

    /** Starts a packet. */
    void reset(DecodedPacket p) {
        this.packet = p;
        this.jumped = false;
        this.hexFrom = p.start();
    }

    /** The packet being printed; valid during the call to the printer only. */
    DecodedPacket packet() {
        return packet;
    }

    /** Where the text goes. */
    Out out() {
        return out;
    }

    /** The options as the command line gave them. */
    PrintOptions options() {
        return options;
    }

    /** The {@code -v} count. */
    int verbose() {
        return options.verbose();
    }

    /** {@code -q}. */
    boolean quiet() {
        return options.quiet();
    }

    /** {@code -e}: whether link headers are printed. */
    boolean linkHeader() {
        return options.linkHeader();
    }

    /** Marks where the link header ends (an absolute index), where {@code -x} starts its dump. */
    void linkHeaderEnd(int index) {
        hexFrom = index;
    }

    /** Where the link header ends, as the link printers marked it; the packet's start when none did. */
    int linkHeaderEnd() {
        return hexFrom;
    }

    /** The first layer of the packet, or -1 when there is none. */
    int first() {
        return packet.layerCount() > 0 ? 0 : -1;
    }

    /**
     * Prints the layer after {@code layer} with its printer, stepping over pseudo-layers.
     *
     * @return false, having printed nothing, when there is no such layer or no printer for it
     */
    boolean next(int layer) {
        DecodedPacket p = packet;
        int n = p.next(layer);
        while (n >= 0 && (p.flags(n) & LayerFlags.PSEUDO) != 0) {
            n = p.next(n);
        }
        return n >= 0 && print(n);
    }

    /** The index of the layer after {@code layer} that is not a pseudo-layer, or -1. */
    int after(int layer) {
        DecodedPacket p = packet;
        int n = p.next(layer);
        while (n >= 0 && (p.flags(n) & LayerFlags.PSEUDO) != 0) {
            n = p.next(n);
        }
        return n;
    }

    /** Prints layer {@code layer} with its printer; false, having printed nothing, when it has none. */
    boolean print(int layer) {
        LayerPrinter printer = printers.get(packet.protocol(layer));
        if (printer == null) {
            return false;
        }
        printer.print(this, layer);
        return true;
    }

    /** Whether a printer is registered for layer {@code layer}'s protocol. */
    boolean printable(int layer) {
        return layer >= 0 && printers.get(packet.protocol(layer)) != null;
    }

    /**
     * Whether layer {@code layer} is a transport protocol whose tcpdump printer writes the IP addresses itself,
     * with its ports (TCP, UDP, SCTP, DCCP), so that the IP printer leaves them out.
     */
    boolean printsAddresses(int layer) {
        if (layer < 0) {
            return false;
        }
        int proto = packet.protocol(layer);
        return proto == Protocols.TCP || proto == Protocols.UDP || proto == Protocols.SCTP || proto == DCCP;
    }

    /** The layer just below {@code layer} that is not a pseudo-layer, or -1. */
    int below(int layer) {
        for (int i = layer - 1; i >= 0; i--) {
            if ((packet.flags(i) & LayerFlags.PSEUDO) == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the IP layer {@code ip} carries its upper-layer protocol directly, with no IPv6 extension header or
     * authentication header in between (tcpdump's transport printers then print the addresses themselves).
     */
    boolean directlyAbove(int ip) {
        int n = after(ip);
        if (n < 0) {
            return false;
        }
        int proto = packet.protocol(n);
        return proto != Protocols.IPV6_HOPOPTS && proto != Protocols.IPV6_DSTOPTS && proto != Protocols.IPV6_ROUTING
                && proto != Protocols.IPV6_FRAGHDR && proto != Protocols.AH;
    }

    /** The nearest layer below {@code layer} of {@code protocol}, or -1. */
    int enclosing(int layer, int protocol) {
        for (int i = layer - 1; i >= 0; i--) {
            if (packet.protocol(i) == protocol) {
                return i;
            }
        }
        return -1;
    }

    /** The nearest IPv4 or IPv6 layer below {@code layer}, whatever lies between (UDP, tunnels), or -1. */
    int innermostIp(int layer) {
        for (int i = layer - 1; i >= 0; i--) {
            int proto = packet.protocol(i);
            if (proto == Protocols.IP || proto == Protocols.IPV6) {
                return i;
            }
        }
        return -1;
    }

    /** Whether decode marked layer {@code layer} as cut short by the end of the captured bytes. */
    boolean isTruncated(int layer) {
        return (packet.flags(layer) & LayerFlags.TRUNCATED) != 0;
    }

    /** The number of bytes on the wire from layer {@code layer}'s start to the frame's end. */
    int wireLength(int layer) {
        return Math.max(0, packet.originalLength() - (packet.offset(layer) - packet.start()));
    }

    /** The number of bytes captured from layer {@code layer}'s start to the frame's end. */
    int capturedLength(int layer) {
        return Math.max(0, packet.end() - packet.offset(layer));
    }

    /**
     * Dumps the captured bytes from absolute index {@code from} to the packet's end as tcpdump does for a payload
     * it cannot decode ({@code \n\t0x0000:  4500 0054 ...  E..T}), unless {@code -q}, {@code -x} or {@code -X}
     * (which suppress it).
     */
    void rawDump(int from) {
        rawDump(from, packet.end());
    }

    /** {@link #rawDump(int)} up to absolute index {@code to} (a payload followed by a trailer it excludes). */
    void rawDump(int from, int to) {
        if (options.quiet() || options.hex() > 0) {
            return;
        }
        hexLines(out, packet.buffer(), from, to, true);
    }

    /**
     * Writes bytes {@code from} to {@code to} of {@code b} as tcpdump's hex dump lines, each after {@code \n\t}
     * ({@code 0x0010:  4500 0054 ...}), with the printable characters after them when {@code ascii}.
     */
    static void hexLines(Out out, java.nio.ByteBuffer b, int from, int to, boolean ascii) {
        hexLines(out, b, from, to, ascii, "\n\t");
    }

    /** {@link #hexLines(Out, java.nio.ByteBuffer, int, int, boolean)} with each line after {@code indent}. */
    static void hexLines(Out out, java.nio.ByteBuffer b, int from, int to, boolean ascii, String indent) {
        for (int line = from; line < to; line += 16) {
            out.ascii(indent).ascii("0x").hex(line - from, 4).ascii(": ");
            int n = Math.min(16, to - line);
            int written = 0;
            for (int i = 0; i < n; i += 2) {
                out.ch(' ').hex2(b.get(line + i));
                written += 3;
                if (i + 1 < n) {
                    out.hex2(b.get(line + i + 1));
                    written += 2;
                }
            }
            if (ascii) {
                for (; written < 40; written++) {
                    out.ch(' ');
                }
                out.ascii("  ");
                for (int i = 0; i < n; i++) {
                    int ch = b.get(line + i) & 0xff;
                    out.ch(ch > 0x20 && ch < 0x7f ? (char) ch : '.'); // isgraph: a space prints as a dot too
                }
            }
        }
    }

    /** Writes tcpdump's truncation marker, {@code " [|tcp]"}. */
    void truncated(String protocol) {
        out.ascii(" [|").ascii(protocol).ch(']');
    }

    /**
     * Writes the truncation marker of a read that ran off the captured bytes, where tcpdump's printer gives up
     * by a jump rather than returning: it then takes no link header as printed, so that {@code -x} dumps the
     * frame from its first byte.
     */
    void truncatedRead(String protocol) {
        truncated(protocol);
        hexFrom = packet.start();
        jumped = true;
    }

    /** Writes a TCP or UDP port: its service name without {@code -n} when one is known, else the number. */
    void port(int port, boolean tcp) {
        names.port(out, port, tcp);
    }

    /** Writes an IPv4 address in dotted form. */
    void ipv4(int a) {
        out.num(a >>> 24).ch('.').num((a >>> 16) & 0xff).ch('.').num((a >>> 8) & 0xff).ch('.').num(a & 0xff);
    }

    /** Writes a MAC address as tcpdump does ({@code 00:11:22:33:44:55}). */
    void mac(long a) {
        for (int shift = 40; shift >= 0; shift -= 8) {
            out.hex2((int) (a >>> shift));
            if (shift > 0) {
                out.ch(':');
            }
        }
    }

    /** A scratch array of 16 bytes for an IPv6 address, which {@link #ipv6(byte[])} then writes. */
    byte[] addressScratch() {
        return address;
    }

    /** Writes an IPv6 address as inet_ntop does (RFC 5952 compression, embedded IPv4). */
    void ipv6(byte[] a) {
        int bestBase = -1;
        int bestLen = 0;
        for (int w = 0; w < 8; ) {
            if (word(a, w) == 0) {
                int run = w;
                while (run < 8 && word(a, run) == 0) {
                    run++;
                }
                if (run - w > bestLen) {
                    bestBase = w;
                    bestLen = run - w;
                }
                w = run;
            } else {
                w++;
            }
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        for (int w = 0; w < 8; w++) {
            if (bestBase >= 0 && w >= bestBase && w < bestBase + bestLen) {
                if (w == bestBase) {
                    out.ch(':');
                }
                continue;
            }
            if (w != 0) {
                out.ch(':');
            }
            // glibc prints an embedded IPv4 address for ::a.b.c.d and ::ffff:a.b.c.d
            if (w == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && word(a, 5) == 0xffff))) {
                ipv4((a[12] & 0xff) << 24 | (a[13] & 0xff) << 16 | (a[14] & 0xff) << 8 | (a[15] & 0xff));
                return;
            }
            out.hex(word(a, w));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            out.ch(':');
        }
    }

    private static int word(byte[] a, int w) {
        return (a[2 * w] & 0xff) << 8 | (a[2 * w + 1] & 0xff);
    }

    /** Writes the source address of IP layer {@code ip} (IPv4 or IPv6). */
    void source(int ip) {
        if (packet.protocol(ip) == Protocols.IP) {
            ipv4(packet.ipv4(ip).source());
        } else {
            packet.ipv6(ip).source(address);
            ipv6(address);
        }
    }

    /** Writes the destination address of IP layer {@code ip} (IPv4 or IPv6). */
    void destination(int ip) {
        if (packet.protocol(ip) == Protocols.IP) {
            ipv4(packet.ipv4(ip).destination());
        } else {
            packet.ipv6(ip).destination(address);
            ipv6(address);
        }
    }

    /**
     * The IPv4 or IPv6 layer that carries layer {@code layer}, looking down past IPv6 extension headers, the
     * authentication header and pseudo-layers; -1 when there is none (a transport header under no IP header).
     */
    int network(int layer) {
        DecodedPacket p = packet;
        for (int i = layer - 1; i >= 0; i--) {
            int proto = p.protocol(i);
            if (proto == Protocols.IP || proto == Protocols.IPV6) {
                return i;
            }
            boolean extension = proto == Protocols.IPV6_HOPOPTS
                    || proto == Protocols.IPV6_DSTOPTS
                    || proto == Protocols.IPV6_ROUTING
                    || proto == Protocols.IPV6_FRAGHDR || proto == Protocols.AH;
            if (!extension && (p.flags(i) & LayerFlags.PSEUDO) == 0) {
                return -1;
            }
        }
        return -1;
    }
}
