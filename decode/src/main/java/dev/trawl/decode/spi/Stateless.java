package dev.trawl.decode.spi;

import dev.trawl.decode.Protocols;

/**
 * The services of a {@link DecodeContext} that keeps no state across packets: nothing is followed, kept or
 * reassembled. Immutable singletons; thread-safe.
 */
final class Stateless {
    private Stateless() {
    }

    static final Conversations CONVERSATIONS = new Conversations() {
        @Override
        public void expectDatagrams(byte[] buf, int udp, int protocol) {
        }

        @Override
        public void expectStream(byte[] buf, int tcp, int protocol) {
        }

        @Override
        public int datagramProtocol(byte[] buf, int udp) {
            return Protocols.NONE;
        }

        @Override
        public int streamProtocol(byte[] buf, int tcp) {
            return Protocols.NONE;
        }
    };

    static final StreamReassembly STREAMS = new StreamReassembly() {
        @Override
        public boolean assembled() {
            return false;
        }

        @Override
        public void begin(byte[] buf, int offset, int end) {
        }

        @Override
        public void append(byte[] buf, int offset, int end, MessageLength length) {
        }

        @Override
        public void expectRecordEnd(byte[] buf, long length) {
        }

        @Override
        public boolean endsRecord(byte[] buf, int offset, int end) {
            return false;
        }
    };

    static final FragmentReassembly FRAGMENTS = new FragmentReassembly() {
        @Override
        public int payloadLength(int headerOffset) {
            return -1;
        }

        @Override
        public int nextHeader() {
            return -1;
        }
    };
}
