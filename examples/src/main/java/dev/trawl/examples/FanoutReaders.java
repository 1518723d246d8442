package dev.trawl.examples;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ipv4;
import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Fanout;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Spreads one interface's packets over several reader threads with a fanout group: each reader has a handle
 * of its own in the group, decodes what it gets and counts packets, bytes and IPv4 flows. After a while it
 * prints what each reader received and how many flows reached more than one reader (none in hash mode, where
 * the kernel keeps both directions of a flow with one member).
 *
 * <pre>./trawl example FanoutReaders DEVICE [READERS] [SECONDS] [MODE]</pre>
 *
 * Needs a backend with {@link Capability#FANOUT} ({@code afpacket}, Linux), and root or CAP_NET_RAW.
 */
public final class FanoutReaders {
    /** The most flows a reader remembers; more are counted, not kept. */
    private static final int MAX_FLOWS = 100_000;

    private FanoutReaders() {
    }

    /** One reader's counts. Used by its own thread only, and read by main after that thread ended. */
    static final class Reader implements PacketHandler {
        // One decoder per thread: decoders are not thread-safe, and reusing one allocates nothing per packet.
        private final PacketDecoder decoder = new PacketDecoder();
        private final LinkType linkType;
        final Set<Flow> flows = new HashSet<>();
        long packets;
        long bytes;
        long flowsNotKept;

        Reader(LinkType linkType) {
            this.linkType = linkType;
        }

        @Override
        public void onPacket(Packet packet) {
            packets++;
            bytes += packet.originalLength();
            DecodedPacket decoded = decoder.decode(linkType, packet);
            int ip = decoded.find(Protocols.IP);
            if (ip < 0) {
                return;
            }
            Ipv4 header = decoded.ipv4(ip);
            int tcp = decoded.find(Protocols.TCP);
            int udp = decoded.find(Protocols.UDP);
            int sourcePort = tcp >= 0 ? decoded.tcp(tcp).sourcePort() : udp >= 0 ? decoded.udp(udp).sourcePort() : 0;
            int destinationPort = tcp >= 0 ? decoded.tcp(tcp).destinationPort()
                    : udp >= 0 ? decoded.udp(udp).destinationPort() : 0;
            Flow flow = Flow.of(header.source(), sourcePort, header.destination(), destinationPort, header.protocol());
            if (flows.size() < MAX_FLOWS) {
                flows.add(flow);
            } else if (!flows.contains(flow)) {
                flowsNotKept++;
            }
        }
    }

    /** An IPv4 flow, the same whichever way its packets go. */
    record Flow(long low, long high, int protocol) {
        static Flow of(int address, int port, int otherAddress, int otherPort, int protocol) {
            long a = (Integer.toUnsignedLong(address) << 16) | port;
            long b = (Integer.toUnsignedLong(otherAddress) << 16) | otherPort;
            return new Flow(Math.min(a, b), Math.max(a, b), protocol);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FanoutReaders DEVICE [READERS] [SECONDS] [hash|lb|cpu|rollover|random|qm]");
            System.exit(2);
        }
        String device = args[0];
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Fanout.Mode mode = args.length > 3 ? Fanout.Mode.of(args[3]) : Fanout.Mode.HASH;

        Backend backend = Pcap.backendFor(Capability.FANOUT);
        // Group ids are shared by every process in the network namespace: a random one is unlikely to be taken.
        Fanout group = Fanout.of(ThreadLocalRandom.current().nextInt(1, Fanout.MAX_GROUP_ID + 1), mode);
        LiveOptions options = LiveOptions.builder().timeout(Duration.ofMillis(200)).fanout(group).build();
        System.out.println("backend " + backend.name() + ", " + readers + " readers in fanout group " + group + " on "
                + device + " for " + seconds + " s");

        List<LiveHandle> handles = new ArrayList<>();
        List<Reader> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < readers; i++) {
                LiveHandle handle = backend.openLive(device, options);
                handles.add(handle);
                Reader reader = new Reader(handle.linkType());
                counts.add(reader);
                Thread thread = new Thread(() -> {
                    try {
                        handle.loop(0, reader); // until breakLoop; the packets are views, valid in onPacket only
                    } catch (PcapException e) {
                        System.err.println(Thread.currentThread().getName() + ": " + e.getMessage());
                    }
                }, "reader-" + (i + 1));
                thread.start();
                threads.add(thread);
            }
            Thread.sleep(seconds * 1000L);
            handles.forEach(LiveHandle::breakLoop); // from another thread: wakes a reader blocked in the kernel
            for (Thread thread : threads) {
                thread.join();
            }
            Map<Flow, Integer> readersOfFlow = new HashMap<>();
            for (int i = 0; i < readers; i++) {
                Reader r = counts.get(i);
                System.out.printf("reader %d: %d packets, %d bytes, %d IPv4 flows%s; %s%n", i + 1, r.packets, r.bytes,
                        r.flows.size(), r.flowsNotKept > 0 ? " (" + r.flowsNotKept + " more not kept)" : "",
                        handles.get(i).stats());
                r.flows.forEach(flow -> readersOfFlow.merge(flow, 1, Integer::sum));
            }
            long shared = readersOfFlow.values().stream().filter(n -> n > 1).count();
            System.out.println(readersOfFlow.size() + " flows, " + shared + " of them seen by more than one reader");
        } finally {
            handles.forEach(LiveHandle::close);
        }
    }
}
