package dev.trawl.decode.internal;

import static dev.trawl.decode.field.FieldType.BOOLEAN;
import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.HEX32;
import static dev.trawl.decode.field.FieldType.HEX8;
import static dev.trawl.decode.field.FieldType.INT;
import static dev.trawl.decode.field.FieldType.IPV4;
import static dev.trawl.decode.field.FieldType.IPV6;
import static dev.trawl.decode.field.FieldType.MAC;
import static dev.trawl.decode.field.FieldType.STRING;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.byteAt;
import static dev.trawl.decode.internal.FieldSupport.bytesAt;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.intAt;
import static dev.trawl.decode.internal.FieldSupport.needs;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.FieldExtractor;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.field.FieldSink;
import dev.trawl.decode.layer.Dns;

/** Fields of DNS, DHCP, NTP, HTTP and TLS. */
final class AppFields {
    private AppFields() {
    }

    /** The layers in DNS message format whose fields tshark names dns.*. */
    private static final String[] DNS_LAYERS = {"dns", "mdns", "llmnr"};

    static void register(FieldRegistrar r) {
        dns(r);
        dhcp(r);
        ntp(r);
        Http.registerFields(r);
        Tls.registerFields(r);
    }

    private static Dns dns(DecodedPacket p, int i) {
        return new Dns().wrap(p.buffer(), p.offset(i), p.layerEnd(i) - p.offset(i));
    }

    /** Visits the resource records of every section of layer {@code i}. */
    interface RecordVisitor {
        void visit(Dns dns, int rel, FieldSink s);
    }

    static FieldExtractor records(RecordVisitor visitor) {
        return (p, i, s) -> {
            Dns d = dns(p, i);
            int rel = d.firstRecord();
            int n = d.answerCount() + d.authorityCount() + d.additionalCount();
            for (int k = 0; k < n && rel >= 0; k++) {
                if (d.recordFixed(rel) < 0) {
                    return;
                }
                visitor.visit(d, rel, s);
                rel = d.afterRecord(rel);
            }
        };
    }

    private static void dns(FieldRegistrar r) {
        r.field("dns.id", DNS_LAYERS, HEX16, "Transaction ID", needs(4, shortAt(0)));
        r.field("dns.flags", DNS_LAYERS, HEX16, "Flags", shortAt(2));
        r.field("dns.flags.response", DNS_LAYERS, BOOLEAN, "Response", bits(2, 2, 0x8000, 15));
        r.field("dns.flags.opcode", DNS_LAYERS, UINT, "Opcode", bits(2, 2, 0x7800, 11));
        r.field("dns.flags.rcode", DNS_LAYERS, UINT, "Reply code", bits(2, 2, 0x000F, 0));
        r.field("dns.count.queries", DNS_LAYERS, UINT, "Questions", shortAt(4));
        r.field("dns.count.answers", DNS_LAYERS, UINT, "Answer RRs", shortAt(6));
        r.field("dns.count.auth_rr", DNS_LAYERS, UINT, "Authority RRs", shortAt(8));
        r.field("dns.count.add_rr", DNS_LAYERS, UINT, "Additional RRs", shortAt(10));
        r.field("dns.qry.name", DNS_LAYERS, STRING, "Query name", (p, i, s) -> {
            Dns d = dns(p, i);
            int rel = d.firstQuestion();
            StringBuilder sb = new StringBuilder();
            for (int q = d.questionCount(); q > 0 && rel >= 0; q--) {
                sb.setLength(0);
                if (!d.appendName(rel, sb) || d.afterQuestion(rel) < 0) {
                    return;
                }
                s.text(sb);
                rel = d.afterQuestion(rel);
            }
        });
        r.field("dns.qry.type", DNS_LAYERS, UINT, "Query type", (p, i, s) -> {
            Dns d = dns(p, i);
            int rel = d.firstQuestion();
            for (int q = d.questionCount(); q > 0 && rel >= 0 && d.afterQuestion(rel) >= 0; q--) {
                s.integer(d.questionType(rel));
                rel = d.afterQuestion(rel);
            }
        });
        r.field("dns.resp.name", DNS_LAYERS, STRING, "Record name", records((d, rel, s) -> {
            StringBuilder sb = new StringBuilder();
            if (d.appendName(rel, sb)) {
                s.text(sb);
            }
        }));
        r.field("dns.resp.type", DNS_LAYERS, UINT, "Record type", records((d, rel, s) -> s.integer(d.recordType(rel))));
        r.field("dns.resp.ttl", DNS_LAYERS, UINT, "Time to live", records((d, rel, s) -> s.integer(d.recordTtl(rel))));
        r.field("dns.a", DNS_LAYERS, IPV4, "Address", records((d, rel, s) -> {
            if (d.recordType(rel) == 1 && d.recordDataLength(rel) == 4 && d.afterRecord(rel) >= 0) {
                s.bytes(d.buffer(), d.offset() + d.recordData(rel), 4);
            }
        }));
        r.field("dns.aaaa", DNS_LAYERS, IPV6, "AAAA address", records((d, rel, s) -> {
            if (d.recordType(rel) == 28 && d.recordDataLength(rel) == 16 && d.afterRecord(rel) >= 0) {
                s.bytes(d.buffer(), d.offset() + d.recordData(rel), 16);
            }
        }));
        r.field("dns.cname", DNS_LAYERS, STRING, "Canonical name", records((d, rel, s) -> {
            if (d.recordType(rel) == 5 && d.afterRecord(rel) >= 0) {
                StringBuilder sb = new StringBuilder();
                if (d.appendName(d.recordData(rel), sb)) {
                    s.text(sb);
                }
            }
        }));
        r.field("dns.ptr.domain_name", DNS_LAYERS, STRING, "Domain name", records((d, rel, s) -> {
            if (d.recordType(rel) == 12 && d.afterRecord(rel) >= 0) {
                StringBuilder sb = new StringBuilder();
                if (d.appendName(d.recordData(rel), sb)) {
                    s.text(sb);
                }
            }
        }));
    }

    /** DHCP options, walked from the magic cookie; calls {@code visitor} with (code, relative offset, length). */
    interface OptionVisitor {
        void visit(DecodedPacket p, int i, int code, int rel, int len, FieldSink s);
    }

    static FieldExtractor dhcpOptions(OptionVisitor visitor) {
        return (p, i, s) -> {
            if (!has(p, i, 236, 4) || FieldSupport.u32(p, i, 236) != 0x63825363L) {
                return;
            }
            for (int o = 240; has(p, i, o, 1);) {
                int code = u8(p, i, o);
                if (code == 255) {
                    return;
                }
                if (code == 0) {
                    o++;
                    continue;
                }
                if (!has(p, i, o + 1, 1)) {
                    return;
                }
                int len = u8(p, i, o + 1);
                if (!has(p, i, o + 2, len)) {
                    return;
                }
                visitor.visit(p, i, code, o + 2, len, s);
                o += 2 + len;
            }
        };
    }

    private static void dhcp(FieldRegistrar r) {
        r.field("dhcp.type", "dhcp", UINT, "Message type (op)", byteAt(0));
        r.field("dhcp.hw.type", "dhcp", HEX8, "Hardware type", byteAt(1));
        r.field("dhcp.hw.len", "dhcp", UINT, "Hardware address length", byteAt(2));
        r.field("dhcp.hops", "dhcp", UINT, "Hops", byteAt(3));
        r.field("dhcp.id", "dhcp", HEX32, "Transaction ID", intAt(4));
        r.field("dhcp.secs", "dhcp", UINT, "Seconds elapsed", shortAt(8));
        r.field("dhcp.flags", "dhcp", HEX16, "Flags", shortAt(10));
        r.field("dhcp.ip.client", "dhcp", IPV4, "Client IP address", bytesAt(12, 4));
        r.field("dhcp.ip.your", "dhcp", IPV4, "Your IP address", bytesAt(16, 4));
        r.field("dhcp.ip.server", "dhcp", IPV4, "Next server IP address", bytesAt(20, 4));
        r.field("dhcp.ip.relay", "dhcp", IPV4, "Relay agent IP address", bytesAt(24, 4));
        r.field("dhcp.hw.mac_addr", "dhcp", MAC, "Client MAC address", (p, i, s) -> {
            if (has(p, i, 1, 2) && u8(p, i, 1) == 1 && u8(p, i, 2) == 6) {
                FieldSupport.emitBytes(p, i, 28, 6, s);
            }
        });
        r.field("dhcp.option.type", "dhcp", UINT, "Option", dhcpOptions((p, i, code, o, len, s) -> s.integer(code)));
        r.field("dhcp.option.dhcp", "dhcp", UINT, "DHCP message type", dhcpOptions((p, i, code, o, len, s) -> {
            if (code == 53 && len == 1) {
                s.integer(u8(p, i, o));
            }
        }));
        r.field("dhcp.option.hostname", "dhcp", STRING, "Host name", dhcpOptions((p, i, code, o, len, s) -> {
            if (code == 12) {
                s.text(Http.ascii(p, i, o, len));
            }
        }));
        r.field("dhcp.option.requested_ip_address", "dhcp", IPV4, "Requested IP address",
                dhcpOptions((p, i, code, o, len, s) -> {
                    if (code == 50 && len == 4) {
                        s.bytes(p.buffer(), p.offset(i) + o, 4);
                    }
                }));
    }

    private static void ntp(FieldRegistrar r) {
        r.field("ntp.flags", "ntp", HEX8, "Flags", byteAt(0));
        r.field("ntp.flags.li", "ntp", UINT, "Leap indicator", bits(0, 1, 0xC0, 6));
        r.field("ntp.flags.vn", "ntp", UINT, "Version", bits(0, 1, 0x38, 3));
        r.field("ntp.flags.mode", "ntp", UINT, "Mode", bits(0, 1, 0x07, 0));
        r.field("ntp.stratum", "ntp", UINT, "Peer clock stratum", byteAt(1));
        r.field("ntp.ppoll", "ntp", UINT, "Peer polling interval", byteAt(2));
        r.field("ntp.precision", "ntp", INT, "Peer clock precision", (p, i, s) -> {
            if (has(p, i, 3, 1)) {
                s.integer((byte) u8(p, i, 3));
            }
        });
        r.field("ntp.refid", "ntp", HEX32, "Reference ID", intAt(12));
    }
}
