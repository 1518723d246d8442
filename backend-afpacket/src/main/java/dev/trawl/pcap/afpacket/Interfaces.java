package dev.trawl.pcap.afpacket;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the kernel says about a network interface, read from {@code /sys/class/net/NAME} and
 * {@code if_nametoindex}. Stateless.
 */
final class Interfaces {
    private static final Path SYS = Path.of("/sys/class/net");

    private Interfaces() {
    }

    /** Whether a name can be an interface name: 1 to 15 bytes, no slash, not a dot path. */
    static boolean plausibleName(String name) {
        return !name.isEmpty() && name.getBytes(StandardCharsets.UTF_8).length < Tpacket.IFNAMSIZ
                && name.indexOf('/') < 0 && name.indexOf('\0') < 0 && !name.equals(".") && !name.equals("..");
    }

    /** The interface's index, or 0 when there is no such interface. */
    static int index(String name) {
        if (!plausibleName(name)) {
            return 0;
        }
        try (Arena scratch = Arena.ofConfined()) {
            return Libc.ifNameToIndex(Libc.newCallState(scratch), scratch.allocateFrom(name));
        }
    }

    /** The name of the interface with this index, or null when there is none. */
    static String name(int index) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment buffer = scratch.allocate(Tpacket.IFNAMSIZ);
            MemorySegment found = Libc.ifIndexToName(index, buffer);
            return found.equals(MemorySegment.NULL) ? null : buffer.getString(0);
        }
    }

    /** Whether the interface a capture was bound to still exists under its name. */
    static boolean stillThere(String name, int index) {
        return name.equals(name(index));
    }

    /** The {@code ARPHRD_} hardware type, or -1 when it cannot be read. */
    static int hardwareType(String name) {
        return (int) readNumber(name, "type", -1);
    }

    /** The MTU, or -1 when it cannot be read. */
    static int mtu(String name) {
        return (int) readNumber(name, "mtu", -1);
    }

    /** A counter of {@code /sys/class/net/NAME/statistics}, or 0 when it cannot be read. */
    static long statistic(String name, String counter) {
        return readNumber(name, "statistics/" + counter, 0);
    }

    /** Whether {@code /sys/class/net/NAME/wireless} exists (wireless extensions). */
    static boolean hasWirelessDirectory(String name) {
        return plausibleName(name) && Files.isDirectory(SYS.resolve(name).resolve("wireless"));
    }

    private static long readNumber(String name, String file, long absent) {
        if (!plausibleName(name)) {
            return absent;
        }
        try {
            String text = Files.readString(SYS.resolve(name).resolve(file), StandardCharsets.US_ASCII).trim();
            return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return absent; // no such interface, or a kernel without the file
        }
    }
}
