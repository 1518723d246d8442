package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.pcap.tck.TestCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compares fields beyond the 34 of the expected files with what the installed tshark prints for the same
 * captures, run at test time: IP, TCP option, UDP, ARP (of every hardware type), LLC, DNS, DHCP, NTP, HTTP, TLS,
 * VLAN, GRE, MPLS and SCTP fields over captures chosen to contain them (none of which involve tshark's cross-frame reassembly).
 * Skipped when tshark is not installed.
 */
class TsharkExtraFieldsTest {
    static final List<String> FIELDS = List.of("ip.id", "ip.hdr_len", "ip.dsfield", "ip.checksum", "ip.flags",
            "ip.flags.df", "ipv6.plen", "ipv6.hlim", "ipv6.flow", "tcp.hdr_len", "tcp.window_size_value",
            "tcp.checksum", "tcp.urgent_pointer", "tcp.options.mss_val", "tcp.options.wscale.shift",
            "tcp.options.timestamp.tsval", "tcp.options.sack_le", "udp.checksum", "arp.opcode",
            "arp.src.proto_ipv4", "arp.dst.hw_mac", "dns.flags", "dns.count.answers", "dns.a", "dns.resp.name",
            "dns.aaaa", "dns.qry.type", "icmp.seq", "vlan.priority", "gre.key", "eth.len",
            "http.request.method", "http.request.uri", "http.response.code", "dhcp.option.dhcp", "dhcp.id",
            "ntp.stratum", "ntp.flags.mode", "sctp.verification_tag", "mpls.label", "wlan.fc.type", "tcp.payload",
            "tcp.options", "udp.payload", "ip.opt.type", "ip.opt.len", "ip.opt.type.number", "http.request",
            "http.response", "data.data", "data.len", "frame.ignored", "frame.time", "llc.dsap", "llc.dsap.sap",
            "llc.dsap.ig", "llc.ssap", "llc.ssap.sap", "llc.ssap.cr", "llc.control", "llc.control.ftype",
            "llc.control.u_modifier_cmd", "llc.oui", "llc.type", "llc.cisco_pid", "arp.hw.type", "arp.src.hw_mac",
            "arp.dst.proto_ipv4", "arp.isgratuitous");

    static final List<String> CAPTURES = List.of("802.1ad_QinQ.pcap", "dns-badcookie.pcap", "edns-opts.pcap",
            "various_gre.pcap", "mpls-over-udp.pcap", "isup.pcap", "forces1.pcap", "pptp.pcap", "eapon1.pcap",
            "dhcp-rfc4388.pcap", "ntp.pcap", "LINKTYPE_IPV6.pcap", "ipv4_tcp_http_xml.pcap", "arista_ether.pcap",
            "rpvstp-trunk-native-vid5.pcap", "mptcp-v0.pcap", "ptp_corrections.pcap", "espudp1.pcap",
            "802.1D_spanning_tree.pcap", "LLDP_and_CDP.pcap", "llc-xid-heapoverflow.pcap", "ipx.pcap", "arp-oobr.pcap");

    @Test
    void extraFieldsAgreeWithTheInstalledTshark() throws Exception {
        assumeTrue(tsharkAvailable(), "tshark is not installed");
        assertEquals(List.of(), disagreements("extra fields", CAPTURES, FIELDS));
    }

    /**
     * Decodes each of {@code captures} (those the corpus holds) and compares {@code fields} with what the
     * installed tshark prints for them; returns the first disagreements, one line each, and prints a summary.
     */
    static List<String> disagreements(String what, List<String> captures, List<String> fields) throws Exception {
        return disagreements(what, captures, fields, PacketDecoder::new);
    }

    /** As {@link #disagreements(String, List, List)}, decoding each capture with a decoder from {@code decoders}. */
    static List<String> disagreements(String what, List<String> captures, List<String> fields,
            java.util.function.Supplier<PacketDecoder> decoders) throws Exception {
        Path dir = TestCorpus.file("captures");
        FieldRegistry registry = FieldRegistry.standard();
        FieldPrinter printer = new FieldPrinter();
        List<String> disagreements = new ArrayList<>();
        long compared = 0;
        for (String capture : captures) {
            Path file = dir.resolve(capture);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> tshark = runTshark(file, fields);
            List<CaptureFile.Frame> frames = CaptureFile.read(file);
            PacketDecoder decoder = decoders.get();
            for (int n = 0; n < Math.min(frames.size(), tshark.size()); n++) {
                CaptureFile.Frame f = frames.get(n);
                DecodedPacket p = decoder.decode(f.linkType(), f.data(), 0, f.data().length, f.originalLength(),
                        f.seconds(), f.nanos());
                String[] want = tshark.get(n).split("\t", -1);
                for (int c = 0; c < fields.size(); c++) {
                    String expected = c < want.length ? want[c] : "";
                    String got = printer.toString(registry.require(fields.get(c)), p);
                    compared++;
                    if (!expected.equals(got)) {
                        disagreements.add(capture + " #" + (n + 1) + " " + fields.get(c) + ": tshark=[" + expected
                                + "] trawl=[" + got + "]");
                    }
                }
            }
            assertEquals(frames.size(), tshark.size(), capture + ": frame count");
        }
        System.out.println(what + ": " + (compared - disagreements.size()) + " of " + compared + " agree");
        disagreements.stream().limit(30).forEach(d -> System.out.println("  " + d));
        return disagreements.stream().limit(20).toList();
    }

    static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<String> runTshark(Path file) throws IOException, InterruptedException {
        return runTshark(file, FIELDS);
    }

    /** tshark's values of {@code fields} for each frame of {@code file}, tab-separated, one line per frame. */
    static List<String> runTshark(Path file, List<String> fields) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("-n", "-r", file.toString(), "-o",
                "tcp.relative_sequence_numbers:FALSE", "-o", "tcp.analyze_sequence_numbers:FALSE", "-T", "fields",
                "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,", "-E", "quote=n"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        String out = Tshark.output(cmd);
        List<String> lines = new ArrayList<>(List.of(out.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
