package dev.trawl.decode.internal.application;

import static dev.trawl.decode.field.FieldType.BOOLEAN;
import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.IPV4;
import static dev.trawl.decode.field.FieldType.IPV6;
import static dev.trawl.decode.field.FieldType.STRING;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.needs;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u16;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.FieldExtractor;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.field.FieldSink;
import dev.trawl.decode.layer.Dns;

/** Fields of DNS messages (of DNS, mDNS and LLMNR), named as Wireshark names them. Stateless. */
public final class DnsFields {
    private DnsFields() {
    }

    /** The layers in DNS message format whose fields tshark names dns.*. */
    private static final String[] DNS_LAYERS = {"dns", "mdns", "llmnr"};

    private static Dns dns(DecodedPacket p, int i) {
        return new Dns().wrap(p.buffer(), p.offset(i), p.layerEnd(i) - p.offset(i));
    }

    /**
     * Reports the name of each question of {@code d}, as {@code dns.qry.name}, through {@code sb} (cleared for
     * each); for callers that read a message without a decoded packet and keep their own buffers.
     */
    public static void questionNames(Dns d, StringBuilder sb, FieldSink s) {
        int rel = d.firstQuestion();
        for (int q = d.questionCount(); q > 0 && rel >= 0; q--) {
            sb.setLength(0);
            int next = d.afterQuestion(rel); // a walk of the name: once per question
            if (next < 0 || !d.appendName(rel, sb)) {
                return;
            }
            s.text(sb);
            rel = next;
        }
    }

    /** Reports the type of each question of {@code d}, as {@code dns.qry.type}. */
    public static void questionTypes(Dns d, FieldSink s) {
        int rel = d.firstQuestion();
        for (int q = d.questionCount(); q > 0 && rel >= 0; q--) {
            int next = d.afterQuestion(rel);
            if (next < 0) {
                return;
            }
            s.integer(d.questionType(rel));
            rel = next;
        }
    }

    /** Visits the resource records of every section of layer {@code i}. */
    private interface RecordVisitor {
        void visit(Dns dns, int rel, FieldSink s);
    }

    /** A flag that only a response carries (a query's bit is not shown). */
    private static FieldExtractor responseBit(int mask, int shift) {
        return (p, i, s) -> {
            if (has(p, i, 2, 2) && (u16(p, i, 2) & 0x8000) != 0) {
                s.integer((u16(p, i, 2) & mask) >>> shift);
            }
        };
    }

    private static FieldExtractor records(RecordVisitor visitor) {
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

    /** Registers the {@code dns.*} fields, which the layers of mDNS and LLMNR carry too. */
    public static void register(FieldRegistrar r) {
        r.field("dns.id", DNS_LAYERS, HEX16, "Transaction ID", needs(4, shortAt(0)));
        r.field("dns.flags", DNS_LAYERS, HEX16, "Flags", shortAt(2));
        r.field("dns.flags.response", DNS_LAYERS, BOOLEAN, "Response", bits(2, 2, 0x8000, 15));
        r.field("dns.flags.opcode", DNS_LAYERS, UINT, "Opcode", bits(2, 2, 0x7800, 11));
        r.field("dns.flags.authoritative", DNS_LAYERS, BOOLEAN, "Authoritative", responseBit(0x0400, 10));
        r.field("dns.flags.truncated", DNS_LAYERS, BOOLEAN, "Truncated", bits(2, 2, 0x0200, 9));
        r.field("dns.flags.recdesired", DNS_LAYERS, BOOLEAN, "Recursion desired", bits(2, 2, 0x0100, 8));
        r.field("dns.flags.recavail", DNS_LAYERS, BOOLEAN, "Recursion available", responseBit(0x0080, 7));
        r.field("dns.flags.z", DNS_LAYERS, BOOLEAN, "Z", bits(2, 2, 0x0040, 6));
        r.field("dns.flags.authenticated", DNS_LAYERS, BOOLEAN, "Answer authenticated", bits(2, 2, 0x0020, 5));
        r.field("dns.flags.checkdisable", DNS_LAYERS, BOOLEAN, "Non-authenticated data", bits(2, 2, 0x0010, 4));
        // tshark shows the reply code of responses only
        r.field("dns.flags.rcode", DNS_LAYERS, UINT, "Reply code", (p, i, s) -> {
            if (has(p, i, 2, 2) && (u16(p, i, 2) & 0x8000) != 0) {
                s.integer(u16(p, i, 2) & 0x000F);
            }
        });
        r.field("dns.count.queries", DNS_LAYERS, UINT, "Questions", shortAt(4));
        r.field("dns.count.answers", DNS_LAYERS, UINT, "Answer RRs", shortAt(6));
        r.field("dns.count.auth_rr", DNS_LAYERS, UINT, "Authority RRs", shortAt(8));
        r.field("dns.count.add_rr", DNS_LAYERS, UINT, "Additional RRs", shortAt(10));
        r.field("dns.qry.name", DNS_LAYERS, STRING, "Query name",
                (p, i, s) -> questionNames(dns(p, i), new StringBuilder(), s));
        r.field("dns.qry.type", DNS_LAYERS, UINT, "Query type", (p, i, s) -> questionTypes(dns(p, i), s));
        r.field("dns.qry.class", DNS_LAYERS, HEX16, "Query class", (p, i, s) -> {
            Dns d = dns(p, i);
            int rel = d.firstQuestion();
            for (int q = d.questionCount(); q > 0 && rel >= 0 && d.afterQuestion(rel) >= 0; q--) {
                s.integer(d.questionClass(rel));
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
        r.field("dns.resp.ttl", DNS_LAYERS, UINT, "Time to live", records((d, rel, s) -> {
            if (d.recordType(rel) != 41) { // an OPT record's TTL holds flags, which tshark shows as such
                s.integer(d.recordTtl(rel));
            }
        }));
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
}
