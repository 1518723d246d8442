package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.eth;
import static dev.trawl.decode.TestPackets.hex;
import static dev.trawl.decode.TestPackets.ipv4;
import static dev.trawl.decode.TestPackets.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The conversations a decoder follows (a TFTP request makes the server's answers from any port TFTP): found
 * whatever the other conversations' ports, kept up to their bound, and forgotten least recently used first.
 */
class ConversationFollowingTest {
    private static final byte[] CLIENT = {10, 0, 0, 1};
    private static final byte[] SERVER = {10, 0, 0, 2};
    /** A TFTP read request for "f" in octet mode. */
    private static final byte[] READ_REQUEST = hex("000166006f6374657400");
    /** A TFTP data block: block 1, two bytes. */
    private static final byte[] DATA = hex("000300016869");
    /** The conversations a decoder keeps. */
    private static final int BOUND = 4_096;

    private static int decode(PacketDecoder decoder, byte[] src, byte[] dst, int sport, int dport, byte[] payload) {
        byte[] frame = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, src, dst, udp(sport, dport, payload)));
        DecodedPacket p = decoder.decode(1, ByteBuffer.wrap(frame), 0, frame.length);
        return p.find(Protocols.TFTP);
    }

    /** Whether the server's answer from port 40000 to the client's {@code port} is decoded as TFTP. */
    private static boolean answerIsTftp(PacketDecoder decoder, int port) {
        return decode(decoder, SERVER, CLIENT, 40_000, port, DATA) >= 0;
    }

    @Test
    void aRequestMakesTheServersAnswersFromAnyPortTftpUntilItIsTheLeastRecentlyUsedOfTooMany() {
        PacketDecoder decoder = new PacketDecoder().followConversations(true);
        assertEquals(false, answerIsTftp(decoder, 1_000), "an answer with no request before it is not TFTP");
        decode(decoder, CLIENT, SERVER, 1_000, 69, READ_REQUEST);
        decode(decoder, CLIENT, SERVER, 1_001, 69, READ_REQUEST);
        assertEquals(true, answerIsTftp(decoder, 1_000));
        assertEquals(true, answerIsTftp(decoder, 1_001));
        assertEquals(false, answerIsTftp(decoder, 1_002), "no request came from port 1002");

        // As many more requests as the bound, with port 1001's conversation used after each half of them: the
        // conversation of port 1000 is then the least recently used, and goes; 1001's stays.
        for (int i = 0; i < BOUND; i++) {
            decode(decoder, CLIENT, SERVER, 2_000 + i, 69, READ_REQUEST);
            if (i == BOUND / 2 || i == BOUND - 2) {
                assertEquals(true, answerIsTftp(decoder, 1_001));
            }
        }
        assertEquals(false, answerIsTftp(decoder, 1_000), "the least recently used conversation is forgotten");
        assertEquals(true, answerIsTftp(decoder, 1_001));
        assertEquals(true, answerIsTftp(decoder, 2_000 + BOUND - 1));

        // Forgotten conversations no longer count where their ports fall: their answers are data again, while
        // every kept one is still found.
        for (int i = 0; i < BOUND; i++) {
            decode(decoder, CLIENT, SERVER, 20_000 + i, 69, READ_REQUEST);
        }
        for (int i = 0; i < BOUND; i++) {
            assertEquals(false, answerIsTftp(decoder, 2_000 + i), "port " + (2_000 + i));
        }
        for (int i = 0; i < BOUND; i += 97) {
            assertEquals(true, answerIsTftp(decoder, 20_000 + i), "port " + (20_000 + i));
        }
    }
}
