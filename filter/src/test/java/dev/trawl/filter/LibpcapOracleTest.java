package dev.trawl.filter;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.LinkType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares this compiler with the installed libpcap on thousands of generated expressions over several link
 * types (Ethernet, cooked, raw, loopback, PPP, 802.11 with its radio headers, FDDI, Token Ring, ...): the same valid/invalid verdict, and, where the programs differ, the same verdict on every packet of a
 * corpus capture. The oracle is a small C program compiled at test time with gcc and -lpcap.
 */
@Tag("native")
class LibpcapOracleTest {
    private static final String[] HOSTS = {"10.99.0.1", "10.99.0.2", "192.168.1.1", "localhost", "127.0.0.1",
        "1.2.3.4.5", "256.1.1.1", "10.1"};
    private static final String[] PROTOS = {"tcp", "udp", "icmp", "icmp6", "ip", "ip6", "arp", "rarp", "igmp", "pim",
        "vrrp", "ah", "esp", "sctp", "stp", "ipx", "iso", "l1", "l2", "isis", "clnp", "esis", "atalk", "decnet",
        "netbeui", "lat", "sca", "mopdl", "moprc", "aarp", "igrp", "carp", "iih", "lsp", "snp", "csnp", "psnp"};
    private static final String[] PORTS = {"80", "53", "443", "22", "8080", "0", "65535", "65536", "http", "domain",
        "ssh", "ntp", "bootpc", "https", "smtp", "nosuch"};
    private static final String[] LOADS = {"ip", "tcp", "udp", "icmp", "ether", "link", "ip6", "igmp", "arp",
        "icmp6", "sctp", "pim", "vrrp"};

    private static Path oracle() throws Exception {
        Path src = Path.of("src/test/c/bpf_oracle.c").toAbsolutePath();
        Path bin = Path.of("target/bpf_oracle").toAbsolutePath();
        Files.createDirectories(bin.getParent());
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-O1", "-o", bin.toString(), src.toString(), "-lpcap")
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.assumeTrue(false, "gcc is not installed: " + e.getMessage());
            return null;
        }
        String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = gcc.waitFor();
        Assumptions.assumeTrue(rc == 0, "could not build the libpcap oracle (libpcap-dev missing?): " + out);
        return bin;
    }

    private static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    private static String primitive(Random r) {
        return switch (r.nextInt(22)) {
            case 0 -> pick(r, new String[] {"", "src ", "dst ", "src or dst ", "src and dst "}) + "host "
                    + pick(r, HOSTS);
            case 1 -> pick(r, new String[] {"ip ", "arp ", "rarp ", "tcp ", ""}) + "host " + pick(r, HOSTS);
            case 2 -> pick(r, new String[] {"", "src ", "dst "}) + "net " + pick(r, new String[] {"10.0.0.0/8",
                "192.168.0.0/16", "10.0.0.1/8", "172.16", "10.99.0.0 mask 255.255.255.0", "10/8", "0.0.0.0/0",
                "10.0.0.0/33"});
            case 3 -> pick(r, new String[] {"ether host ", "ether src ", "ether dst "})
                    + pick(r, new String[] {"00:11:22:33:44:55", "ff:ff:ff:ff:ff:ff", "0:1:2:3:4:5", "00:11:22"});
            case 4 -> pick(r, new String[] {"ip6 host ", "ip6 net ", "ip6 src ", "host ", "ip6 dst net "})
                    + pick(r, new String[] {"fe80::1", "::1", "fd00::/8", "fe80::/10", "2001:db8::1/64", "::"});
            case 5 -> pick(r, new String[] {"", "tcp ", "udp ", "sctp ", "ip ", "src ", "dst ", "tcp dst ", "udp src "})
                    + "port " + pick(r, PORTS);
            case 6 -> pick(r, new String[] {"", "tcp ", "udp "}) + "portrange "
                    + pick(r, new String[] {"1-1023", "8000-8100", "53-domain", "ssh-http", "100-1", "1-70000"});
            case 7 -> pick(r, PROTOS);
            case 8 -> pick(r, new String[] {"ip proto ", "ip6 proto ", "proto ", "ether proto "})
                    + pick(r, new String[] {"6", "17", "47", "\\tcp", "\\udp", "\\icmp", "0x800", "\\ip", "\\arp",
                        "300"});
            case 9 -> pick(r, new String[] {"less ", "greater ", "len > ", "len <= ", "len = "}) + r.nextInt(2000);
            case 10 -> pick(r, new String[] {"broadcast", "multicast", "ip multicast", "ip6 multicast",
                "ether broadcast", "ether multicast", "ip broadcast"});
            case 11 -> pick(r, new String[] {"vlan", "vlan 100", "vlan 4095", "mpls", "mpls 100", "pppoed",
                "pppoes", "pppoes 7", "vlan 5000"});
            case 12 -> pick(r, LOADS) + "[" + r.nextInt(40) + "] " + pick(r, new String[] {"=", "!=", ">", "<",
                ">=", "<="}) + " " + r.nextInt(300);
            case 13 -> pick(r, LOADS) + "[" + r.nextInt(40) + ":" + pick(r, new String[] {"1", "2", "4", "3"})
                    + "] & 0x" + Integer.toHexString(r.nextInt(0x10000)) + " != 0";
            case 14 -> pick(r, new String[] {"tcp[tcpflags] & (tcp-syn|tcp-ack) != 0",
                "icmp[icmptype] = icmp-echo", "tcp[13] & 2 != 0", "ip[0] & 0xf > 5", "ip6[6] == 58",
                "udp[8:2] = 0x1000", "tcp[((tcp[12:1] & 0xf0) >> 2):4] = 0x47455420"});
            case 15 -> pick(r, new String[] {"inbound", "outbound", "ifindex 3", "llc", "llc i", "llc ui",
                "llc s", "llc rr"});
            case 16 -> "host " + pick(r, HOSTS) + " or " + pick(r, HOSTS);
            case 17 -> "port " + pick(r, PORTS) + " or " + pick(r, PORTS) + " and " + pick(r, PORTS);
            case 18 -> (1 + r.nextInt(5)) + " " + pick(r, new String[] {"+", "-", "*", "/", "%", "&", "|", "^",
                "<<", ">>"}) + " " + r.nextInt(40) + " " + pick(r, new String[] {"=", ">", "<"}) + " " + r.nextInt(9);
            case 19 -> "ip[" + r.nextInt(20) + ":2] " + pick(r, new String[] {"+", "-", "*", "/", "&", "|", "^",
                ">>"}) + " " + r.nextInt(16) + " > " + r.nextInt(2000);
            case 20 -> pick(r, new String[] {"ip[2:2] % 3 + 1 > 2", "ip[0] * 2 % 3 ^ 1 = 0", "geneve and multicast",
                "geneve 7 and ether broadcast", "geneve and tcp port 80", "vlan and tcp port 80", "mpls and udp",
                "pppoes 3 and tcp", "-ip[0] < 5", "protochain 6", "ip6 protochain \\udp", "protochain nosuch", "ifname eth0", "reason memory",
                "action block", "rnr 3", "ruleset abc", "vpi 5", "vci > 7", "vci (1 or 2)", "metac", "oam",
                "connectmsg", "lane and ip", "lane and ether host 0:1:2:3:4:5", "sio 3", "hopc 100", "dpc (1 or 2)",
                "sls > 2", "lssu", "hmsu", "fisu or msu", "tcp[tcp[0]] = 1", "ether[len - 1] = 0", "gateway 10.1.1.1", "host", "port", "tcp and", "(tcp", "tcp)",
                "ip6 and arp", "udp port http", "tcp port domain", "ether proto foo", "net 10.0.0.1/8"});
            default -> "byte " + r.nextInt(20) + " " + pick(r, new String[] {"=", "<", ">", "&", "|"}) + " "
                    + r.nextInt(256);
        };
    }

    private static String expression(Random r, int depth) {
        if (depth == 0 || r.nextInt(3) == 0) {
            return primitive(r);
        }
        return switch (r.nextInt(4)) {
            case 0 -> expression(r, depth - 1) + " and " + expression(r, depth - 1);
            case 1 -> expression(r, depth - 1) + " or " + expression(r, depth - 1);
            case 2 -> "not " + expression(r, depth - 1);
            default -> "(" + expression(r, depth - 1) + ")";
        };
    }

    @Test
    void agreesWithLibpcapOnGeneratedExpressions() throws Exception {
        Path bin = oracle();
        LinkType[] types = {LinkType.ETHERNET, LinkType.ETHERNET, LinkType.ETHERNET, LinkType.LINUX_SLL,
            LinkType.LINUX_SLL2, LinkType.RAW, LinkType.NULL, LinkType.PPP, LinkType.C_HDLC, LinkType.IPV4,
            LinkType.IPV6, LinkType.LOOP, LinkType.IEEE802_11, LinkType.IEEE802_11_RADIOTAP,
            LinkType.IEEE802_11_PRISM, LinkType.IEEE802_11_AVS, LinkType.PPI, LinkType.FDDI, LinkType.IEEE802_5,
            LinkType.ARCNET_LINUX, LinkType.PFLOG, LinkType.IPNET, LinkType.FRELAY, LinkType.JUNIPER_ETHER,
            LinkType.SUNATM, LinkType.PPP_HDLC, LinkType.SLIP, LinkType.ATM_RFC1483, LinkType.PPP_ETHER,
            LinkType.NFLOG, LinkType.IEEE802_15_4_NOFCS, LinkType.MTP2_WITH_PHDR, LinkType.valueOf(140),
            LinkType.valueOf(197), LinkType.SUNATM};
        Random r = new Random(20261126);
        List<String> exprs = new ArrayList<>();
        List<LinkType> links = new ArrayList<>();
        List<int[]> options = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            exprs.add(expression(r, 3));
            links.add(types[r.nextInt(types.length)]);
            // snaplen, optimize (mostly on), netmask (mostly unknown, sometimes a /24 for 'ip broadcast')
            options.add(new int[] {r.nextInt(4) == 0 ? 96 : 262144, r.nextInt(5) == 0 ? 0 : 1,
                r.nextInt(4) == 0 ? 0xffffff00 : Handle.NETMASK_UNKNOWN});
        }
        Process p = new ProcessBuilder(bin.toString()).start();
        List<String> answers = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(),
                    StandardCharsets.UTF_8))) {
                for (int i = 0; i < exprs.size(); i++) {
                    int[] o = options.get(i);
                    w.write(links.get(i).toDlt() + "\t" + o[0] + "\t" + o[1] + "\t" + Integer.toUnsignedString(o[2])
                            + "\t" + exprs.get(i) + "\n");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        try (BufferedReader rd = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = rd.readLine()) != null) {
                answers.add(line);
            }
        }
        writer.join();
        assertEquals(0, p.waitFor());
        assertEquals(exprs.size(), answers.size());

        TinyPcap eth = new TinyPcap(Corpus.root().resolve("captures/local-netns-eth-veth.pcap"));
        int verdictAgree = 0;
        int bothValid = 0;
        int identical = 0;
        List<String> verdictDiffs = new ArrayList<>();
        List<String> matchDiffs = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            String expr = exprs.get(i);
            String answer = answers.get(i);
            BpfProgram ours = null;
            String ourError = null;
            try {
                int[] o = options.get(i);
                ours = Filter.compile(new FilterSpec(expr, links.get(i), o[0], o[1] == 1, o[2]),
                        EtcHosts.INSTANCE);
            } catch (FilterSyntaxException e) {
                ourError = e.description();
            }
            boolean theirsValid = answer.startsWith("OK");
            if (theirsValid == (ours != null)) {
                verdictAgree++;
            } else {
                verdictDiffs.add(links.get(i) + " [" + expr + "] libpcap: " + answer.substring(0,
                        Math.min(answer.length(), 80)) + " / ours: " + (ours != null ? "valid" : ourError));
                continue;
            }
            if (ours == null) {
                continue;
            }
            bothValid++;
            List<BpfInstruction> theirs = new ArrayList<>();
            for (String insn : answer.substring(2).trim().split(" ")) {
                String[] f = insn.split(":");
                theirs.add(new BpfInstruction(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
                        Integer.parseInt(f[2]), Integer.parseUnsignedInt(f[3])));
            }
            if (theirs.equals(ours.instructions())) {
                identical++;
                continue;
            }
            System.out.println("oracle program differs: " + links.get(i) + " [" + expr + "] ours "
                    + ours.length() + " libpcap " + theirs.size());
            if (links.get(i) == LinkType.ETHERNET && !expr.contains("protochain")) {
                // libpcap's protochain loops backwards, which BpfProgram rejects; ProtochainTest covers it.
                BpfProgram lib = new BpfProgram(theirs);
                for (TinyPcap.Packet pk : eth.packets) {
                    if ((lib.run(pk.data().duplicate(), pk.originalLength()) != 0)
                            != (ours.run(pk.data().duplicate(), pk.originalLength()) != 0)) {
                        matchDiffs.add(expr);
                        break;
                    }
                }
            }
        }
        verdictDiffs.forEach(d -> System.out.println("oracle verdict disagreement: " + d));
        matchDiffs.forEach(d -> System.out.println("oracle match disagreement: " + d));
        System.out.printf("oracle: %d expressions, verdicts agree %d (%.2f%%), both valid %d, identical programs %d%n",
                exprs.size(), verdictAgree, 100.0 * verdictAgree / exprs.size(), bothValid, identical);
        assertTrue(verdictAgree >= 0.99 * exprs.size(), "verdict agreement");
        assertEquals(List.of(), matchDiffs);
    }
}
