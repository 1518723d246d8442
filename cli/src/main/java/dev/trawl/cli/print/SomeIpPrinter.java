package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.SomeIp;

/**
 * SOME/IP on UDP port 30490 as tcpdump prints it: {@code SOMEIP, service 1, method 2, len 8, client 8, session 5,
 * pver 1, iver 1, msgtype REQUEST_NO_RETURN, retcode E_OK} and the empty line tcpdump's newline after it makes.
 * tcpdump tries the port after every other; decode (as Wireshark) leaves the datagram as data. A datagram
 * shorter than the header prints {@code (invalid)}, one captured short {@code [|someip]} where the bytes end.
 * Not thread-safe.
 */
final class SomeIpPrinter implements LayerPrinter {
    /** The UDP port tcpdump reads as SOME/IP's (its service discovery's). */
    static final int PORT = 30490;

    private final SomeIp view = new SomeIp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        SomeIp m = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        out.ascii("SOMEIP");
        if (ApplicationPrinters.udpPayload(c, layer) < SomeIp.HEADER_LENGTH) {
            out.ascii(" (invalid)");
            return;
        }
        if (!m.has(0, 4)) {
            c.truncatedRead("someip");
            return;
        }
        out.ascii(", service ").num(m.serviceId()).ascii(m.isEvent() ? ", event " : ", method ")
                .num(m.methodOrEventId());
        if (!m.has(4, 4)) {
            c.truncatedRead("someip");
            return;
        }
        out.ascii(", len ").num(m.length());
        if (!m.has(8, 4)) {
            c.truncatedRead("someip");
            return;
        }
        out.ascii(", client ").num(m.clientId()).ascii(", session ").num(m.sessionId());
        if (!m.has(12, 1)) {
            c.truncatedRead("someip");
            return;
        }
        out.ascii(", pver ").num(m.protocolVersion());
        if (!m.has(13, 1)) {
            c.truncatedRead("someip");
            return;
        }
        out.ascii(", iver ").num(m.interfaceVersion());
        if (!m.has(14, 1)) {
            c.truncatedRead("someip");
            return;
        }
        out.ascii(", msgtype ").ascii(messageType(m.messageType()));
        if (!m.has(15, 1)) {
            c.truncatedRead("someip");
            return;
        }
        out.ascii(", retcode ").ascii(returnCode(m.returnCode())).nl();
    }

    private static String messageType(int type) {
        return switch (type) {
            case 0x00 -> "REQUEST";
            case 0x01 -> "REQUEST_NO_RETURN";
            case 0x02 -> "NOTIFICATION";
            case 0x80 -> "RESPONSE";
            case 0x81 -> "ERROR";
            case 0x20 -> "TP_REQUEST";
            case 0x21 -> "TP_REQUEST_NO_RETURN";
            case 0x22 -> "TP_NOTIFICATION";
            case 0xa0 -> "TP_RESPONSE";
            case 0xa1 -> "TP_ERROR";
            default -> "Unknown";
        };
    }

    private static final String[] RETURN_CODES = {"E_OK", "E_NOT_OK", "E_UNKNOWN_SERVICE", "E_UNKNOWN_METHOD",
        "E_NOT_READY", "E_NOT_REACHABLE", "E_TIMEOUT", "E_WRONG_PROTOCOL_VERSION", "E_WRONG_INTERFACE_VERSION",
        "E_MALFORMED_MESSAGE", "E_WRONG_MESSAGE_TYPE", "E_E2E_REPEATED", "E_E2E_WRONG_SEQUENCE", "E_E2E",
        "E_E2E_NOT_AVAILABLE", "E_E2E_NO_NEW_DATA"};

    private static String returnCode(int code) {
        return code < RETURN_CODES.length ? RETURN_CODES[code] : "Unknown";
    }
}
