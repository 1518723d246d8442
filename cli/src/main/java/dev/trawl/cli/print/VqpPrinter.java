package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Vqp;

/**
 * The VLAN Query Protocol as tcpdump prints it: {@code VQPv1 Request, Join Port Message, error-code No error (0),
 * length 60}, and with {@code -v} the sequence number and a line per object (client address, port, VLAN and
 * domain names, MAC addresses; others dumped). Objects that do not fit the message print {@code (invalid)}, a
 * capture that ends early {@code [|vqp]}. Not thread-safe.
 */
final class VqpPrinter implements LayerPrinter {
    private static final int VERSION = 1;
    private static final int IP_ADDRESS = 0x0c01;
    private static final int MAC_NULL = 0x0c06;
    private static final int MAC_ADDRESS = 0x0c08;
    private static final int MAC_LENGTH = 6;

    private final Vqp vqp = new Vqp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Vqp v = vqp.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        // the shorter of what UDP's and IP's lengths leave
        int length = Math.min(ApplicationPrinters.udpPayload(c, layer),
                UdpPrinter.ipPayloadLength(c, layer, c.innermostIp(layer)));
        Out out = c.out();
        if (!v.has(0, Vqp.HEADER_LENGTH)) {
            c.truncated("vqp");
            return;
        }
        if (length < Vqp.HEADER_LENGTH) {
            out.ascii(" (invalid)");
            return;
        }
        if (v.version() != VERSION) {
            out.ascii("VQP version ").num(v.version()).ascii(" packet not supported");
            return;
        }
        int error = v.errorCode();
        if (c.verbose() == 0) {
            out.ascii("VQPv1 ").ascii(messageType(v.messageType())).ascii(" Message, error-code ")
                    .ascii(errorName(error)).ascii(" (").num(error).ascii("), length ").num(length);
            return;
        }
        int items = v.items();
        out.ascii("\n\tVQPv1, ").ascii(messageType(v.messageType())).ascii(" Message, error-code ")
                .ascii(errorName(error)).ascii(" (").num(error).ascii("), seq 0x").hex(v.sequence(), 8)
                .ascii(", items ").num(items).ascii(", length ").num(length);
        objects(c, v, items, length);
    }

    private static void objects(PrintContext c, Vqp v, int items, int length) {
        Out out = c.out();
        int at = Vqp.HEADER_LENGTH;
        int left = length - Vqp.HEADER_LENGTH;
        for (; items != 0 && left != 0; items--) {
            if (!v.has(at, Vqp.OBJECT_HEADER_LENGTH)) {
                c.truncated("vqp");
                return;
            }
            if (left < Vqp.OBJECT_HEADER_LENGTH) {
                out.ascii(" (invalid)");
                return;
            }
            long type = v.intAt(at);
            int n = v.shortAt(at + 4);
            at += Vqp.OBJECT_HEADER_LENGTH;
            left -= Vqp.OBJECT_HEADER_LENGTH;
            out.ascii("\n\t  ").ascii(objectName(type)).ascii(" Object (0x").hex(type, 8).ascii("), length ").num(n)
                    .ascii(", value: ");
            if (type == 0 || n == 0) {
                return;
            }
            if (!v.has(at, n)) {
                c.truncated("vqp");
                return;
            }
            if (n > left) {
                out.ascii(" (invalid)");
                return;
            }
            if (type == IP_ADDRESS) {
                if (n != 4) {
                    out.ascii(" (invalid)");
                    return;
                }
                long a = v.intAt(at);
                c.ipv4((int) a);
                out.ascii(" (0x").hex(a, 8).ch(')');
            } else if (type == MAC_ADDRESS || type == MAC_NULL) {
                if (n != MAC_LENGTH) {
                    out.ascii(" (invalid)");
                    return;
                }
                c.mac(v.macAt(at));
            } else if (type > IP_ADDRESS && type < MAC_NULL) {
                TlvText.textToNul(out, v, at, n);
            } else if (c.verbose() <= 1) {
                TlvText.dump(out, v, at, n, "\n\t    ");
            }
            at += n;
            left -= n;
        }
    }

    private static String messageType(int type) {
        return switch (type) {
            case 1 -> "Request, Join Port";
            case 2 -> "Response, VLAN";
            case 3 -> "Request, Reconfirm";
            case 4 -> "Response, Reconfirm";
            default -> "unknown (" + type + ")";
        };
    }

    private static String errorName(int error) {
        return switch (error) {
            case 0 -> "No error";
            case 3 -> "Access denied";
            case 4 -> "Shutdown port";
            case 5 -> "Wrong VTP domain";
            default -> "unknown";
        };
    }

    private static String objectName(long type) {
        return switch ((int) type) {
            case IP_ADDRESS -> "Client IP Address";
            case 0x0c02 -> "Port Name";
            case 0x0c03 -> "VLAN Name";
            case 0x0c04 -> "VTP Domain";
            case 0x0c05 -> "Ethernet Packet";
            case MAC_NULL -> "MAC Null";
            case MAC_ADDRESS -> "MAC Address";
            default -> "Unknown";
        };
    }
}
