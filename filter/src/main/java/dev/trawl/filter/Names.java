package dev.trawl.filter;

import dev.trawl.pcap.EtherType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Built-in name tables (services, IP protocols, Ethernet types, LLC SAPs), so results do not depend on the
 * machine's /etc files. The service and protocol tables are those of a standard Debian netbase installation.
 */
final class Names {
    private static final Map<String, Integer> TCP = new HashMap<>();
    private static final Map<String, Integer> UDP = new HashMap<>();
    private static final Map<String, Integer> PROTOCOLS = new HashMap<>();
    /** libpcap's names for 'ether proto', with their EtherTypes. */
    private static final Map<String, EtherType> ETHER = Map.ofEntries(Map.entry("aarp", EtherType.AARP),
            Map.entry("arp", EtherType.ARP), Map.entry("atalk", EtherType.APPLETALK),
            Map.entry("decnet", EtherType.DECNET), Map.entry("ip", EtherType.IPV4), Map.entry("ip6", EtherType.IPV6),
            Map.entry("lat", EtherType.DEC_LAT), Map.entry("loopback", EtherType.LOOPBACK),
            Map.entry("mopdl", EtherType.DEC_MOP_DUMP_LOAD), Map.entry("moprc", EtherType.DEC_MOP_REMOTE_CONSOLE),
            Map.entry("rarp", EtherType.RARP), Map.entry("sca", EtherType.DEC_SCA));
    /** ... and for the 802.2 SAPs it accepts there. */
    private static final Map<String, Integer> LLC = Map.of("iso", LinkLayers.LLCSAP_ISONS, "stp",
            LinkLayers.LLCSAP_8021D, "ipx", LinkLayers.LLCSAP_IPX, "netbeui", LinkLayers.LLCSAP_NETBEUI);

    static {
        load("services.txt", (parts) -> {
            int port = Integer.parseInt(parts[1]);
            if (parts[2].equals("tcp")) {
                TCP.putIfAbsent(parts[0], port);
            } else if (parts[2].equals("udp")) {
                UDP.putIfAbsent(parts[0], port);
            }
        });
        load("protocols.txt", (parts) -> PROTOCOLS.putIfAbsent(parts[0], Integer.parseInt(parts[1])));
    }

    private interface LineHandler {
        void accept(String[] parts);
    }

    private static void load(String resource, LineHandler handler) {
        try (InputStream in = Names.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 2) {
                    handler.accept(parts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Names() {
    }

    /** A port and the transport protocol it belongs to (TCP, UDP, or {@link Primitives#PROTO_UNDEF} for both). */
    record Port(int port, int proto) {
    }

    private static int numericService(String name) {
        if (name.isEmpty() || name.length() > 9) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(name);
    }

    /** libpcap's pcap_nametoport, with getaddrinfo's acceptance of numeric service names. */
    static Port port(String name) {
        int n = numericService(name);
        if (n >= 0) {
            return n <= 65535 ? new Port(n, Primitives.PROTO_UNDEF) : null;
        }
        Integer t = TCP.get(name);
        Integer u = UDP.get(name);
        if (t != null) {
            if (u != null && u.equals(t)) {
                return new Port(t, Primitives.PROTO_UNDEF);
            }
            return new Port(t, Primitives.TCP);
        }
        if (u != null) {
            return new Port(u, Primitives.UDP);
        }
        return null;
    }

    /** libpcap's pcap_nametoportrange: "a-b" with numbers or service names. */
    static int[] portRange(String name) {
        int[] scanned = scanRange(name);
        if (scanned != null) {
            return new int[] {scanned[0], scanned[1], Primitives.PROTO_UNDEF};
        }
        int dash = name.indexOf('-');
        if (dash < 0) {
            return null;
        }
        Port a = port(name.substring(0, dash));
        if (a == null) {
            return null;
        }
        Port b = port(name.substring(dash + 1));
        if (b == null) {
            return null;
        }
        int proto = a.proto() == b.proto() ? b.proto() : Primitives.PROTO_UNDEF;
        return new int[] {a.port(), b.port(), proto};
    }

    /** sscanf("%d-%d"): two decimal numbers separated by '-', trailing text ignored. */
    private static int[] scanRange(String s) {
        int i = 0;
        long[] v = new long[2];
        for (int k = 0; k < 2; k++) {
            if (k == 1) {
                if (i >= s.length() || s.charAt(i) != '-') {
                    return null;
                }
                i++;
            }
            int start = i;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int digits = i;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && i - digits < 12) {
                i++;
            }
            if (i == digits) {
                return null;
            }
            v[k] = Long.parseLong(s.substring(start, i));
        }
        return new int[] {(int) v[0], (int) v[1]};
    }

    static Integer ipProtocol(String name) {
        return PROTOCOLS.get(name);
    }

    static Integer etherProtocol(String name) {
        EtherType type = ETHER.get(name);
        return type != null ? Integer.valueOf(type.value()) : LLC.get(name);
    }
}
