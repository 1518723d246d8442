package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/** MGCP (RFC 3435): a text message that starts with a command verb or a three-digit response code. Stateless. */
final class MgcpDecoder {
    private MgcpDecoder() {
    }

    /** The MGCP commands (RFC 3435), each four capital letters followed by a space. */
    private static final String[] VERBS = {"EPCF", "CRCX", "MDCX", "DLCX", "RQNT", "NTFY", "AUEP", "AUCX",
        "RSIP", "MESG"};

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end) {
            return ProtocolDecoder.REJECT;
        }
        boolean response = off + 4 <= end && isDigit(u8(buf, off)) && isDigit(u8(buf, off + 1))
                && isDigit(u8(buf, off + 2)) && (off + 3 == end || u8(buf, off + 3) == ' ');
        boolean command = false;
        for (String verb : VERBS) {
            boolean match = off + 5 <= end && u8(buf, off + 4) == ' ';
            for (int i = 0; i < 4 && match; i++) {
                match = u8(buf, off + i) == verb.charAt(i);
            }
            command |= match;
        }
        if (!response && !command) {
            return ProtocolDecoder.REJECT;
        }
        ctx.addLayer(ctx.protocol(), off, end - off, end);
        return Protocols.NONE;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
