package dev.trawl.pcap;

import java.util.Locale;
import java.util.Objects;

/**
 * Membership of a live capture in a fanout group: several captures on one device that share its traffic, each
 * packet delivered to exactly one of them (Linux's {@code PACKET_FANOUT}). Captures join a group by opening
 * the same device with the same group id and mode, in one process or in several; the kernel then spreads
 * packets over the members as the mode says. A backend without {@link Capability#FANOUT} refuses options that
 * carry a fanout with {@link UnsupportedCapabilityException}.
 *
 * <p>Immutable.
 *
 * @param groupId the group, 0 to 65535; ids are shared by every process in the network namespace
 * @param mode how packets are spread over the group's members
 * @param defrag whether the kernel puts IP fragments back together before choosing a member, so that all the
 *     fragments of a datagram reach the same one ({@code PACKET_FANOUT_FLAG_DEFRAG})
 */
public record Fanout(int groupId, Mode mode, boolean defrag) {
    /** The largest group id. */
    public static final int MAX_GROUP_ID = 0xffff;

    /** How a fanout group spreads packets over its members ({@code PACKET_FANOUT_*}). */
    public enum Mode {
        /** By a hash of the packet's flow, so one flow stays with one member (the default). */
        HASH("hash"),
        /** Round robin. */
        LOAD_BALANCE("lb"),
        /** By the CPU that received the packet. */
        CPU("cpu"),
        /** All to one member until its buffer is full, then to the next. */
        ROLLOVER("rollover"),
        /** At random. */
        RANDOM("random"),
        /** By the device's receive queue that the packet came from. */
        QUEUE_MAPPING("qm");

        private final String shortName;

        Mode(String shortName) {
            this.shortName = shortName;
        }

        /** The short name: {@code hash}, {@code lb}, {@code cpu}, {@code rollover}, {@code random}, {@code qm}. */
        public String shortName() {
            return shortName;
        }

        /**
         * The mode with this short name or constant name, in any case.
         *
         * @throws IllegalArgumentException naming the modes there are
         */
        public static Mode of(String name) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (Mode mode : values()) {
                if (mode.shortName.equals(wanted) || mode.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("unknown fanout mode '" + name
                    + "'; one of hash, lb, cpu, rollover, random, qm");
        }
    }

    public Fanout {
        if (groupId < 0 || groupId > MAX_GROUP_ID) {
            throw new IllegalArgumentException("fanout group id must be 0 to " + MAX_GROUP_ID + ": " + groupId);
        }
        Objects.requireNonNull(mode, "mode");
    }

    /** A group with this id and mode, without defragmentation. */
    public static Fanout of(int groupId, Mode mode) {
        return new Fanout(groupId, mode, false);
    }

    /**
     * Parses {@code ID[:MODE]}, as the {@code trawl} tool's {@code --fanout} takes it: {@code 7}, {@code 7:lb},
     * {@code 7:hash:defrag}. The mode is {@link Mode#HASH} when none is given.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Fanout parse(String spec) {
        String[] parts = spec.trim().split(":", -1);
        if (parts.length > 3 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("fanout must be ID[:MODE[:defrag]], e.g. 7 or 7:lb: '" + spec + "'");
        }
        int id;
        try {
            id = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fanout group id must be a number from 0 to " + MAX_GROUP_ID + ": '"
                    + parts[0] + "'");
        }
        Mode mode = parts.length > 1 && !parts[1].isEmpty() ? Mode.of(parts[1]) : Mode.HASH;
        boolean defrag = false;
        if (parts.length == 3) {
            if (!parts[2].equalsIgnoreCase("defrag")) {
                throw new IllegalArgumentException("the third part of a fanout can only be 'defrag': '" + spec + "'");
            }
            defrag = true;
        }
        return new Fanout(id, mode, defrag);
    }

    @Override
    public String toString() {
        return groupId + ":" + mode.shortName + (defrag ? ":defrag" : "");
    }
}
