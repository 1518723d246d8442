package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoders the registry calls leaves ({@link ProtocolRegistry#isLeaf}) live up to it on any bytes: they
 * record no layer of another protocol and end the stack, which is what lets a search for another protocol
 * skip them.
 */
class LeafDecoderTest {
    /** Records what a decoder does. */
    private static final class Recorder implements DecodeContext {
        final List<Integer> protocols = new ArrayList<>();
        final int protocol;

        Recorder(int protocol) {
            this.protocol = protocol;
        }

        @Override
        public int protocol() {
            return protocol;
        }

        @Override
        public int addLayer(int protocol, int offset, int headerLength, int end) {
            protocols.add(protocol);
            return protocols.size() - 1;
        }

        @Override
        public void flag(int layer, int flags) {
        }

        @Override
        public void next(int offset, int end) {
        }

        @Override
        public void nextEvenIfEmpty() {
        }

        @Override
        public int lookup(int table, int key) {
            return ProtocolRegistry.standard().lookup(table, key);
        }

        @Override
        public int lookupPorts(int table, int port1, int port2) {
            int p = lookup(table, Math.min(port1, port2));
            return p >= 0 ? p : lookup(table, Math.max(port1, port2));
        }

        @Override
        public boolean verifyChecksums() {
            return false;
        }

        @Override
        public int layerCount() {
            return protocols.size();
        }

        @Override
        public int protocolAt(int index) {
            return protocols.get(index);
        }

        @Override
        public int flagsAt(int index) {
            return 0;
        }

        @Override
        public int offsetAt(int index) {
            return 0;
        }

        @Override
        public int originalLength() {
            return 1500;
        }
    }

    @Test
    void leafDecodersRecordOnlyTheirOwnLayerAndEndTheStack() {
        ProtocolRegistry registry = ProtocolRegistry.standard();
        Random random = new Random(11);
        int leaves = 0;
        for (int id = 0; id < registry.size(); id++) {
            if (!registry.isLeaf(id)) {
                continue;
            }
            leaves++;
            ProtocolDecoder decoder = registry.decoder(id);
            for (int round = 0; round < 200; round++) {
                byte[] buf = new byte[random.nextInt(300)];
                random.nextBytes(buf);
                int off = buf.length == 0 ? 0 : random.nextInt(buf.length);
                int end = off + random.nextInt(buf.length - off + 1);
                Recorder ctx = new Recorder(id);
                int next = decoder.decode(buf, off, end, ctx);
                String name = registry.name(id);
                assertTrue(next == Protocols.NONE || next == Protocols.DATA || next == ProtocolDecoder.REJECT
                        || next == ProtocolDecoder.INCOMPLETE, name + " leads to " + registry.name(next));
                for (int p : ctx.protocols) {
                    assertTrue(p == id, name + " recorded a layer of " + registry.name(p));
                }
            }
        }
        assertTrue(leaves >= 10, "only " + leaves + " leaf decoders");
    }
}
