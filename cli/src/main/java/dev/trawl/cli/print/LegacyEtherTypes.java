package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Isis;

/**
 * Payloads of Ethernet types that tcpdump decodes and decode leaves as data, as Wireshark does: the OSI type
 * 0xfefe, whose first byte tcpdump skips before the network layer protocol id. The Ethernet printer hands such a
 * payload here instead of dumping it. Not thread-safe.
 */
final class LegacyEtherTypes {
    static final int OSI = 0xfefe;
    private static final int NLPID_NULLNS = 0x00;
    private static final int NLPID_CLNP = 0x81;

    /** Reads the network layer protocol id, the one byte every OSI PDU starts with. */
    private final Isis nlpid = new Isis();
    private final ClnpPrinter clnp = new ClnpPrinter();

    /**
     * Whether {@link #print} prints the payload of Ethernet type {@code type} at absolute index {@code from}: of the
     * OSI type, one cut before its protocol id, or a CLNP PDU, or one of a protocol tcpdump does not decode.
     */
    boolean prints(PrintContext c, int type, int from) {
        if (type != OSI) {
            return false;
        }
        DecodedPacket p = c.packet();
        if (from + 2 > p.end()) {
            return true;
        }
        int id = nlpid.wrap(p.buffer(), from + 1, 1).byteAt(0);
        return id == NLPID_CLNP || id == NLPID_NULLNS || OsiPrinter.nlpidName(id, null) == null;
    }

    /**
     * Prints the payload of Ethernet type {@code type} that starts at absolute index {@code from} and is
     * {@code length} bytes long on the wire.
     */
    void print(PrintContext c, int type, int from, int length) {
        DecodedPacket p = c.packet();
        if (length <= 0 || from >= p.end()) {
            c.truncated("isoclns");
            return;
        }
        osi(c, from + 1, length - 1);
    }

    /** tcpdump's {@code isoclns_print}: the protocol id, then the PDU it names, at {@code from}. */
    private void osi(PrintContext c, int from, int length) {
        DecodedPacket p = c.packet();
        Isis m = nlpid.wrap(p.buffer(), from, Math.max(0, p.end() - from));
        if (!m.has(0, 1)) {
            c.truncated("isoclns");
            return;
        }
        int id = m.byteAt(0);
        Out out = c.out();
        if (c.linkHeader()) {
            out.ascii("OSI NLPID ").ascii(OsiPrinter.nlpidName(id, "Unknown")).ascii(" (0x").hex2(id).ascii("): ");
        }
        switch (id) {
            case NLPID_CLNP -> clnp.printAt(c, from, length);
            case NLPID_NULLNS -> out.ascii(c.linkHeader() ? "" : ", ").ascii("length: ").num(length);
            default -> {
                if (!c.linkHeader()) {
                    out.ascii("OSI NLPID 0x").hex2(id).ascii(" unknown");
                }
                out.ascii(c.linkHeader() ? "" : ", ").ascii("length: ").num(length);
                if (length > 1) {
                    TlvText.dump(out, m, 0, length, "\n\t");
                }
            }
        }
    }
}
