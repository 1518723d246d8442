package dev.trawl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames that end where tcpdump's printers read past them, and the protocols on their way, against tcpdump's
 * text on frames built here: Q.933 LMI messages after Frame Relay and after OSI's protocol id (codeset shifts,
 * report type, link verification, PVC status, a call reference, messages cut in their header and in an
 * element), Classical IP over ATM (with and without its LLC/SNAP header, and too short for one), Cisco HDLC's
 * OSI payload cut before its protocol id, PPP inside OSI over Ethernet cut before its OSI PDU, EAP-SIM's
 * subtype, an RPKI-RTR PDU of an unknown version, and the information elements of Multilink Frame Relay's
 * control frames. Every line must be tcpdump's with {@code -n}, {@code -nv}, {@code -nvv}, {@code -ne} and {@code -nx}.
 */
class OutOfBoundsTextTest {
    private static final String[] FLAGS = {"-n", "-nv", "-nvv", "-ne", "-nx"};
    private static final int DLT_EN10MB = 1;
    private static final int LINKTYPE_ATM_CLIP = 106;
    private static final int DLT_C_HDLC = 104;
    private static final int DLT_FRELAY = 107;
    private static final int LINKTYPE_MFR = 182;
    /** An IPv4 header and UDP datagram, 10.0.0.1.1000 to 10.0.0.2.1001 with no payload. */
    private static final String IP_UDP = "4500001c00004000401100000a0000010a000002" + "03e803e900080000";

    @Test
    void q933AfterFrameRelayPrintsAsTcpdumpPrintsIt(@TempDir Path dir) throws Exception {
        List<byte[]> frames = List.of(
                // ANSI status enquiry: locking shift to codeset 5, report type link verify, link verification
                hex("00010308" + "00" + "75" + "95" + "010101" + "03020500"),
                // ANSI full status with the PVC status of DLCI 100, new and active
                hex("00010308" + "00" + "7d" + "95" + "010100" + "03020605" + "0703" + "06a08a"),
                // CCITT status enquiry, no shift; then an element of an unknown identifier
                hex("00010308" + "00" + "75" + "510100" + "53020100" + "04021234"),
                // a setup with a one-byte call reference and a non-locking shift
                hex("00010308" + "01" + "12" + "05" + "9d" + "0102aabb" + "0703" + "06a082"),
                // a PVC status whose DLCI octets are not closed
                hex("00010308" + "00" + "7d" + "0703" + "062082"),
                // cut inside an element, inside the header, and before the octet after the message type
                hex("00010308" + "00" + "75" + "95" + "010101" + "03020500"),
                hex("00010308" + "02" + "1234" + "75"),
                hex("00010308" + "01" + "12" + "75" + "95"));
        List<Integer> captured = List.of(frames.get(0).length, frames.get(1).length, frames.get(2).length,
                frames.get(3).length, frames.get(4).length, frames.get(5).length - 2, 6, 7);
        compareAll(dir, "fr.pcap", DLT_FRELAY, frames, captured);
    }

    @Test
    void multilinkFrameRelayControlElementsPrintAsTcpdumpPrintsThem(@TempDir Path dir) throws Exception {
        // a hello with a bundle id and a magic number; a magic number of the wrong length; one cut inside it
        List<byte[]> frames = List.of(hex("e10004" + "01076275" + "6e6400" + "030612345678"),
                hex("e10004" + "0305123456" + "0700"), hex("e10004" + "030612345678"));
        compareAll(dir, "mfr.pcap", LINKTYPE_MFR, frames, List.of(frames.get(0).length, frames.get(1).length, 7));
    }

    @Test
    void linkFramesCutShortEndAsTcpdumpEndsThem(@TempDir Path dir) throws Exception {
        compareAll(dir, "clip.pcap", LINKTYPE_ATM_CLIP, List.of(hex(IP_UDP), hex("aaaa030000000800" + IP_UDP),
                hex(IP_UDP)), List.of(28, 36, 1));
        // Cisco HDLC carrying OSI, cut after its header
        List<byte[]> chdlc = List.of(hex("0f00fefe" + "00830000"), hex("0f00fefe" + "0083"));
        compareAll(dir, "chdlc.pcap", DLT_C_HDLC, chdlc, List.of(4, 5));
        List<byte[]> ethernet = List.of(
                // OSI over Ethernet: PPP after the protocol id, its protocol OSI, the OSI PDU not captured
                ethernet("fefe", "30cfff0323" + "8300"),
                // Q.933 after OSI's protocol id, and cut inside its first element
                ethernet("fefe", "0008" + "00" + "75" + "95" + "010101" + "03020500"),
                ethernet("fefe", "0008" + "00" + "30" + "30" + "30303030"),
                // EAP-SIM start and challenge requests
                ethernet("888e", "0100000c" + "0101000c" + "120a0000" + "0d000000"),
                ethernet("888e", "01000008" + "02020008" + "170b0000"),
                // RPKI-RTR from its port: a PDU of version 1, which tcpdump reads no further than its version
                ethernet("0800", "45000030000040004006" + "0000" + "0a000001" + "0a000002" + "01430400"
                        + "0000000100000000" + "50180100" + "00000000" + "0100000000000008"));
        compareAll(dir, "osi.pcap", DLT_EN10MB, ethernet, List.of(14 + 5, ethernet.get(1).length,
                ethernet.get(2).length - 3, ethernet.get(3).length, ethernet.get(4).length, ethernet.get(5).length));
    }

    private static void compareAll(Path dir, String name, int linkType, List<byte[]> frames, List<Integer> captured)
            throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, pcap(linkType, frames, captured));
        for (String flags : FLAGS) {
            assertTrue(BgpTextTest.compare(file, flags) >= frames.size(), "tcpdump printed every frame");
        }
    }

    private static byte[] pcap(int linkType, List<byte[]> frames, List<Integer> captured) {
        int size = 24;
        for (int i = 0; i < frames.size(); i++) {
            size += 16 + captured.get(i);
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(linkType);
        for (int i = 0; i < frames.size(); i++) {
            b.putInt(1_700_000_000 + i).putInt(0).putInt(captured.get(i)).putInt(frames.get(i).length)
                    .put(frames.get(i), 0, captured.get(i));
        }
        return b.array();
    }

    private static byte[] ethernet(String type, String rest) {
        return hex("000000000002" + "000000000001" + type + rest);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
