package dev.trawl.decode.conversation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes crafted TCP captures, one per situation Wireshark's sequence analysis names, so that each
 * {@code tcp.analysis} flag fires on traffic made for it: retransmissions (plain, fast, spurious), lost and
 * out-of-order segments, ACKs of segments never seen, duplicate ACKs, zero windows with their probes and ACKs,
 * keep-alives and their ACKs, window updates, full windows, reused ports, and a header whose data offset is
 * below 20 bytes. Run {@link #main} to write them into a directory; the tests write them into their own.
 */
final class TcpScenarios {
    private static final byte[] CLIENT = {10, 0, 0, 1};
    private static final byte[] SERVER = {10, 0, 0, 2};
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int PSH = 0x08;
    private static final int FIN = 0x01;
    private static final int RST = 0x04;

    private TcpScenarios() {
    }

    /** One capture being written: segments between a client (port 40000) and a server (port 80). */
    private static final class Capture {
        private final List<byte[]> frames = new ArrayList<>();
        private final List<long[]> times = new ArrayList<>();
        private long micros = 1_700_000_000_000_000L;
        private int clientPort = 40000;

        /** A segment from the client ({@code fromClient}) or the server, 10 ms after the previous one. */
        Capture seg(boolean fromClient, long seq, long ack, int flags, int window, int payload, byte[]... options) {
            return segAfter(10_000, fromClient, seq, ack, flags, window, payload, options);
        }

        Capture segAfter(long delayMicros, boolean fromClient, long seq, long ack, int flags, int window,
                int payload, byte[]... options) {
            micros += delayMicros;
            int optionBytes = 0;
            for (byte[] o : options) {
                optionBytes += o.length;
            }
            int tcpLength = 20 + (optionBytes + 3) / 4 * 4;
            ByteBuffer b = ByteBuffer.allocate(14 + 20 + tcpLength + payload);
            b.put(new byte[] {0, 0, 0, 0, 0, (byte) (fromClient ? 2 : 1), 0, 0, 0, 0, 0, (byte) (fromClient ? 1 : 2)});
            b.putShort((short) 0x0800);
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + tcpLength + payload)).putShort((short) 1)
                    .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
            b.put(fromClient ? CLIENT : SERVER).put(fromClient ? SERVER : CLIENT);
            b.putShort((short) (fromClient ? clientPort : 80)).putShort((short) (fromClient ? 80 : clientPort));
            b.putInt((int) seq).putInt((int) ack);
            b.put((byte) (tcpLength / 4 << 4)).put((byte) flags).putShort((short) window).putInt(0);
            for (byte[] o : options) {
                b.put(o);
            }
            while (b.position() < 14 + 20 + tcpLength) {
                b.put((byte) 1); // NOP padding
            }
            for (int i = 0; i < payload; i++) {
                b.put((byte) ('a' + i % 26));
            }
            frames.add(b.array());
            times.add(new long[] {micros / 1_000_000, micros % 1_000_000});
            return this;
        }

        /** A handshake with window scaling (shift 7 both ways) and SACK permitted; sequence numbers 1000 and 5000. */
        Capture handshake() {
            seg(true, 1000, 0, SYN, 64240, 0, mss(), sackPermitted(), wscale(7));
            seg(false, 5000, 1001, SYN | ACK, 65160, 0, mss(), sackPermitted(), wscale(7));
            return seg(true, 1001, 5001, ACK, 502, 0);
        }

        Capture port(int port) {
            clientPort = port;
            return this;
        }

        byte[] pcap() {
            ByteBuffer b = ByteBuffer.allocate(24 + frames.stream().mapToInt(f -> 16 + f.length).sum())
                    .order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
            for (int i = 0; i < frames.size(); i++) {
                byte[] f = frames.get(i);
                b.putInt((int) times.get(i)[0]).putInt((int) times.get(i)[1]).putInt(f.length).putInt(f.length).put(f);
            }
            return b.array();
        }
    }

    private static byte[] mss() {
        return new byte[] {2, 4, 0x05, (byte) 0xb4};
    }

    private static byte[] sackPermitted() {
        return new byte[] {4, 2};
    }

    private static byte[] wscale(int shift) {
        return new byte[] {1, 3, 3, (byte) shift};
    }

    private static byte[] sack(long left, long right) {
        ByteBuffer b = ByteBuffer.allocate(10).put((byte) 5).put((byte) 10).putInt((int) left).putInt((int) right);
        return b.array();
    }

    /** Every scenario by name. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("retransmission", new Capture().handshake()
                .seg(true, 1001, 5001, ACK | PSH, 502, 100)
                .segAfter(300_000, true, 1001, 5001, ACK | PSH, 502, 100)
                .seg(false, 5001, 1101, ACK, 509, 0).pcap());
        out.put("fast-retransmission", new Capture().handshake()
                .seg(true, 1001, 5001, ACK, 502, 100)
                .seg(true, 1101, 5001, ACK, 502, 100)
                .seg(true, 1201, 5001, ACK, 502, 100)
                .seg(false, 5001, 1001, ACK, 509, 0)
                .seg(false, 5001, 1001, ACK, 509, 0, sack(1101, 1201))
                .seg(false, 5001, 1001, ACK, 509, 0, sack(1101, 1301))
                .seg(false, 5001, 1001, ACK, 509, 0, sack(1101, 1301))
                .segAfter(1_000, true, 1001, 5001, ACK, 502, 100)
                .seg(false, 5001, 1301, ACK, 509, 0).pcap());
        out.put("spurious-retransmission", new Capture().handshake()
                .seg(true, 1001, 5001, ACK | PSH, 502, 100)
                .seg(false, 5001, 1101, ACK, 509, 0)
                .segAfter(500_000, true, 1001, 5001, ACK | PSH, 502, 100).pcap());
        out.put("out-of-order-and-lost", new Capture().handshake()
                .seg(true, 1101, 5001, ACK, 502, 100)
                .segAfter(500, true, 1001, 5001, ACK, 502, 100)
                .seg(true, 1401, 5001, ACK, 502, 100)
                .seg(false, 5001, 1201, ACK, 509, 0).pcap());
        out.put("ack-of-unseen", new Capture().handshake()
                .seg(false, 5001, 9001, ACK, 509, 0)
                .seg(true, 1001, 5001, ACK, 502, 10).pcap());
        out.put("zero-window", new Capture().handshake()
                .seg(true, 1001, 5001, ACK | PSH, 502, 1000)
                .seg(false, 5001, 2001, ACK, 0, 0)
                .segAfter(200_000, true, 2001, 5001, ACK, 502, 1)
                .seg(false, 5001, 2001, ACK, 0, 0)
                .segAfter(400_000, true, 2001, 5001, ACK, 502, 1)
                .seg(false, 5001, 2001, ACK, 0, 0)
                .segAfter(100_000, false, 5001, 2001, ACK, 509, 0)
                .seg(true, 2001, 5001, ACK | PSH, 502, 100).pcap());
        out.put("keep-alive", new Capture().handshake()
                .seg(true, 1001, 5001, ACK | PSH, 502, 10)
                .seg(false, 5001, 1011, ACK, 509, 0)
                .segAfter(60_000_000, true, 1010, 5001, ACK, 502, 0)
                .seg(false, 5001, 1011, ACK, 509, 0)
                .segAfter(60_000_000, true, 1010, 5001, ACK, 502, 1)
                .seg(false, 5001, 1011, ACK, 509, 0).pcap());
        out.put("window-update-and-full", new Capture().handshake()
                .seg(false, 5001, 1001, ACK, 2, 0) // 2 << 7 = 256 bytes of window
                .seg(true, 1001, 5001, ACK | PSH, 502, 256)
                .seg(false, 5001, 1257, ACK, 2, 0)
                .seg(false, 5001, 1257, ACK, 509, 0)
                .seg(true, 1257, 5001, ACK | PSH, 502, 100)
                .seg(false, 5001, 1357, ACK, 509, 0).pcap());
        out.put("reused-ports", new Capture().handshake()
                .seg(true, 1001, 5001, ACK | PSH | FIN, 502, 10)
                .seg(false, 5001, 1012, ACK | FIN, 509, 0)
                .seg(true, 1012, 5002, ACK, 502, 0)
                .segAfter(1_000_000, true, 77000, 0, SYN, 64240, 0, mss())
                .seg(false, 99000, 77001, SYN | ACK, 65160, 0, mss())
                .seg(true, 77001, 99001, ACK | RST, 0, 0).pcap());
        // the segment with the bad data offset is the fourth; the connection goes on after it
        out.put("bad-data-offset", new Capture().handshake()
                .seg(true, 1001, 5001, ACK | PSH, 502, 10)
                .seg(false, 5001, 1011, ACK, 509, 0)
                .seg(true, 1011, 5001, ACK | PSH, 502, 20)
                .seg(false, 5001, 1031, ACK | PSH, 509, 30)
                .seg(true, 1031, 5031, ACK | FIN, 502, 0)
                .seg(false, 5031, 1032, ACK | FIN, 509, 0)
                .seg(true, 1032, 5032, ACK, 502, 0).pcap());
        return out;
    }

    /** Writes every scenario as {@code NAME.pcap} into {@code dir}, returning the files. */
    static List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : all().entrySet()) {
            byte[] bytes = e.getValue();
            if (e.getKey().equals("bad-data-offset")) {
                // the client's data segment says its header is 16 bytes long
                int at = 24 + 16;
                for (int frame = 0; frame < 3; frame++) {
                    at += 16 + ByteBuffer.wrap(bytes, at - 16 + 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                }
                bytes[at + 14 + 20 + 12] = 0x40;
            }
            files.add(Files.write(dir.resolve(e.getKey() + ".pcap"), bytes));
        }
        return files;
    }

    /** Writes the scenarios into the directory named by the first argument. */
    public static void main(String[] args) throws IOException {
        for (Path p : write(Path.of(args.length > 0 ? args[0] : "tcp-scenarios"))) {
            System.out.println(p);
        }
    }
}
