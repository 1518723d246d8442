package dev.trawl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where tcpdump stops on packets cut short or malformed, against its text, on packets built here: an ICMP
 * message too short for its checksum, BFD datagrams whose payload was not captured (one from Broadcom's
 * lawful-intercept port), an IPv6 routing header cut before its length, an ICMPv6 error quoting a fragment, a
 * PPP frame whose protocol field starts with HDLC flag bytes, and IGRP updates whose counts and entries agree or
 * not. Every line must be tcpdump's with {@code -n}, {@code -nv} and {@code -nvv}.
 */
class TruncationMarkerTextTest {
    private static final String SRC6 = "20010db8000000000000000000000001";
    private static final String DST6 = "20010db8000000000000000000000002";

    @Test
    void cutAndMalformedPacketsEndAsTcpdumpEndsThem(@TempDir Path dir) throws Exception {
        List<byte[]> frames = List.of(
                // ICMP of 3 bytes: the checksum field is cut, and what there is does not sum to zero
                ethernet("0800", "45000017000040004001" + "0000" + "0a000001" + "0a000002" + "3180bc"),
                // UDP to the BFD echo and control ports, the IP header stating 12 payload bytes, none captured
                udp("04d20ec9"),
                udp("04d20ec8"),
                // the same from the port tcpdump takes for Broadcom's lawful-intercept shim before BFD's
                udp("c0000ec9"),
                // an IPv6 routing header of which one byte was captured
                ethernet("86dd", "60000000" + "00082b40" + SRC6 + DST6 + "3a02000100000000"),
                // an ICMPv6 parameter problem quoting an IPv6 packet with a fragment header
                ethernet("86dd", "60000000" + "00303a40" + SRC6 + DST6 + "0403" + "0000" + "00000030"
                        + "60000000" + "00182c40" + DST6 + SRC6),
                // PPP over Ethernet whose protocol field and payload start with flag bytes
                ethernet("880b", "7e7e7e7e7e0800450000000000"),
                // IGRP updates: one interior, one system and one exterior route; then counts the entries
                // disagree with, and a capture that ends inside an entry
                igrp("1103" + "0064" + "000100010001" + "0000", igrpEntry("0a0102") + igrpEntry("0a0200")
                        + igrpEntry("c0a800")),
                igrp("1203" + "0064" + "000200000000" + "abcd", igrpEntry("0a0102")),
                igrp("1103" + "0064" + "000000000000" + "abcd", igrpEntry("0a0102")),
                igrp("1103" + "0064" + "000100000000" + "abcd", igrpEntry("0a0102")));
        List<Integer> captured = List.of(frames.get(0).length, 14 + 28, 14 + 28, 14 + 28, 14 + 41,
                frames.get(5).length, frames.get(6).length, frames.get(7).length, frames.get(8).length,
                frames.get(9).length, frames.get(10).length - 5);
        Path file = dir.resolve("cut.pcap");
        Files.write(file, OpenFlowTextTest.pcap(frames, captured));
        BgpTextTest.compare(file, "-n");
        assertTrue(BgpTextTest.compare(file, "-nv") >= frames.size(), "tcpdump printed every frame");
        BgpTextTest.compare(file, "-nvv");
    }

    /** UDP between {@code ports} stating 48 bytes where the IP header states 20. */
    private static byte[] udp(String ports) {
        return ethernet("0800", "45000028000040004011" + "0000" + "0a000001" + "0a000002" + ports + "00300000"
                + "000000000000000000000000");
    }

    private static byte[] igrp(String header, String entries) {
        String payload = header + entries;
        return ethernet("0800", "4500%04x000040004009".formatted(20 + payload.length() / 2) + "0000" + "0a000001"
                + "0a000002" + payload);
    }

    /** A route entry: delay 2000, bandwidth 1544, MTU 1500, reliability 255, load 1, one hop. */
    private static String igrpEntry(String network) {
        return network + "0007d0" + "000608" + "05dc" + "ff" + "01" + "01";
    }

    private static byte[] ethernet(String type, String rest) {
        return HexFormat.of().parseHex("000000000002" + "000000000001" + type + rest);
    }
}
