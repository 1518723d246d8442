package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An ATA over Ethernet message (EtherType 0x88A2), version 1's common header:
 *
 * <pre>
 * +-----+-------+-------+-------+-------+---------+-------+----------------
 * | ver | flags | error | major | minor | command |  tag  | argument ...
 * +-----+-------+-------+-------+-------+---------+-------+----------------
 *   4 b    4 b      1       2       1        1        4
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Aoe extends Flyweight {
    /** The length of version 1's common header. */
    public static final int COMMON_HEADER_LENGTH = 10;
    /** Flag: a response. */
    public static final int FLAG_RESPONSE = 0x08;
    /** Flag: an error, named by the error byte. */
    public static final int FLAG_ERROR = 0x04;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Aoe() {
    }

    /** Points this view at an AoE message. */
    public Aoe wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The version ({@code aoe.version}). */
    public int version() {
        return u8(0) >> 4;
    }

    /** The flags, the first byte's low nibble ({@code aoe.flags}). */
    public int flags() {
        return u8(0) & 0x0f;
    }

    /** The error code ({@code aoe.error}). */
    public int error() {
        return u8(1);
    }

    /** The shelf, or major address ({@code aoe.major}). */
    public int major() {
        return u16(2);
    }

    /** The slot, or minor address ({@code aoe.minor}). */
    public int minor() {
        return u8(4);
    }

    /** The command ({@code aoe.cmd}). */
    public int command() {
        return u8(5);
    }

    /** The tag ({@code aoe.tag}). */
    public long tag() {
        return u32(6);
    }
}
