package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trawl.pcap.tck.TestCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * QUIC version 1 Initial packets are opened as Wireshark opens them, to say whether they carry TLS: the corpus's
 * handshake (a client's Initial with its hello, the server's Initial, then a client Initial that only acknowledges,
 * whose keys come from the client's first connection ID) against tshark's {@code frame.protocols}.
 */
class QuicInitialTest {
    private static final String CAPTURE = "quic_handshake.pcap";
    /** The column of frame.protocols in the corpus's expected files. */
    private static final int PROTOCOLS = 4;

    @Test
    void initialPacketsCarryTlsExactlyWhenTsharkSaysSo() throws IOException {
        assertEquals(expected(), protocols(frames(), new PacketDecoder().followConversations(true)));
    }

    @Test
    void aDamagedInitialDoesNotOpen() throws IOException {
        List<CaptureFile.Frame> frames = new ArrayList<>(frames());
        // frame 2: the server's Initial with its hello, opened with the keys of the client's first connection ID
        CaptureFile.Frame f = frames.get(1);
        byte[] data = f.data().clone();
        data[data.length - 20] ^= 0x01; // a byte of the encrypted payload: the authentication fails
        frames.set(1, new CaptureFile.Frame(f.linkType(), f.seconds(), f.nanos(), f.originalLength(), data));
        List<String> got = protocols(frames, new PacketDecoder().followConversations(true));
        assertEquals("null:ipv6:udp:quic:tls", expected().get(1));
        assertEquals("null:ipv6:udp:quic", got.get(1)); // as tshark shows a packet it cannot decrypt
        assertEquals(expected().subList(2, frames.size()), got.subList(2, frames.size()));
    }

    @Test
    void withoutConversationsTheFirstInitialStillOpens() throws IOException {
        List<String> got = protocols(frames(), new PacketDecoder());
        assertEquals(expected().get(0), got.get(0));
        assertEquals("null:ipv6:udp:quic:tls", got.get(0));
    }

    private static List<CaptureFile.Frame> frames() throws IOException {
        return CaptureFile.read(TestCorpus.root().resolve("captures").resolve(CAPTURE));
    }

    private static List<String> expected() throws IOException {
        List<String> lines = Files.readAllLines(TestCorpus.root().resolve("expected").resolve(CAPTURE + ".tsv"));
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) { // after the header
            out.add(line.split("\t", -1)[PROTOCOLS]);
        }
        return out;
    }

    private static List<String> protocols(List<CaptureFile.Frame> frames, PacketDecoder decoder) {
        List<String> out = new ArrayList<>();
        for (CaptureFile.Frame f : frames) {
            out.add(decoder.decode(f.linkType(), f.data(), 0, f.data().length, f.originalLength(), f.seconds(),
                    f.nanos()).appendProtocols(new StringBuilder()).toString());
        }
        return out;
    }
}
