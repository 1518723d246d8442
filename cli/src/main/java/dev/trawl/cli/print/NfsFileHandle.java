package dev.trawl.cli.print;

import dev.trawl.decode.layer.TlvMessage;

/**
 * An NFS file handle as tcpdump prints it, {@code fh MAJOR,MINOR/INODE}: it guesses which server operating system
 * made the handle from the pattern of its first bytes (Auspex, 4.4BSD, OSF/1, IRIX, SunOS 4 and 5, Ultrix,
 * HP-UX, VMS UCX) and takes the device and inode from where that system keeps them; a VMS handle prints its
 * device name, one it cannot place {@code fh Unknown/} and up to 32 of its bytes in hex. The caller has checked
 * that the handle was captured. Not thread-safe.
 */
final class NfsFileHandle {
    private enum Kind { UNKNOWN, AUSPEX, BSD44, DECOSF, IRIX4, SUNOS4, SUNOS5, ULTRIX, HPUX9, VMSUCX }

    private static final int UNKNOWN_DEVICE = 257;

    private TlvMessage m;
    private int at;

    /** Prints the handle of {@code words} 32-bit words at {@code at}. */
    void print(Out out, TlvMessage message, int offset, int words) {
        this.m = message;
        this.at = offset;
        Kind kind = kind(words);
        long major = 0;
        long minor = 0;
        long inode = 0;
        switch (kind) {
            case AUSPEX -> {
                minor = b(7);
                major = b(6);
                inode = be32(12);
            }
            case BSD44 -> {
                minor = b(0);
                major = b(1);
                inode = le32(12);
            }
            case DECOSF -> {
                long t = le32(0);
                minor = t & 0xFFFFF;
                major = t >> 20 & 0xFFF;
                inode = le32(12);
            }
            case IRIX4 -> {
                minor = b(3);
                major = b(2);
                inode = be32(8);
            }
            case SUNOS4 -> {
                minor = b(3);
                major = b(2);
                inode = be32(12);
            }
            case SUNOS5 -> {
                major = (b(0) << 8 | b(1)) >> 2 & 0x3FFF;
                minor = (b(1) << 16 | b(2) << 8 | b(3)) & 0x3FFFF;
                inode = be32(12);
            }
            case ULTRIX -> {
                minor = b(0);
                major = b(1);
                inode = le32(4);
            }
            case HPUX9 -> {
                major = b(0);
                minor = b(1) << 16 | b(2) << 8 | b(3);
                inode = be32(12);
            }
            case VMSUCX -> {
                // tcpdump copies the handle's first bytes over its device numbers, read in the host's order
                minor = le32(0);
                major = le32(4);
                inode = (long) b(26) << 24 | b(27) << 16 | b(23) << 8 | b(22);
            }
            default -> {
                minor = UNKNOWN_DEVICE;
                major = UNKNOWN_DEVICE;
                inode = 1;
            }
        }
        int nameLength = Math.min(words, 64);
        if (kind == Kind.VMSUCX) {
            out.ascii(" fh ");
            for (int i = 0; i < nameLength; i++) {
                int c = b(1 + i);
                if (c == 0 || c == ' ') {
                    break;
                }
                out.ch((char) c);
            }
            out.ch('/');
        } else if (kind == Kind.UNKNOWN) {
            out.ascii(" fh ").ascii("Unknown".substring(0, Math.min(nameLength, 7))).ch('/');
        } else {
            out.ascii(" fh ").num(major).ch(',').num(minor).ch('/');
        }
        if (minor == UNKNOWN_DEVICE) {
            if (kind == Kind.UNKNOWN) {
                for (int i = 0; i < words * 4 && i < 32; i++) {
                    int v = b(i);
                    out.ch(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
                        .ch(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
                }
            }
        } else {
            out.num(inode);
        }
    }

    private Kind kind(int words) {
        if (words < 4) {
            return Kind.UNKNOWN;
        }
        if (b(0) == 0 && b(1) == 0) {
            if (b(2) == 0 && b(3) == 0) {
                return Kind.AUSPEX;
            }
            if (b(4) != 0 && b(5) == 0 && b(8) == 12 && b(9) == 0) {
                return Kind.DECOSF;
            }
            if (b(4) == 0 && b(5) == 8 && b(6) == 0 && b(7) == 0) {
                return Kind.IRIX4;
            }
            return Kind.SUNOS4;
        }
        if (b(2) == 0 && b(3) == 0) {
            if (b(6) == 0 && b(7) == 0) {
                return Kind.BSD44;
            }
            if (words >= 6 && b(21) == 0 && b(23) == 0) {
                return Kind.ULTRIX;
            }
            return b(9) == 10 ? Kind.SUNOS5 : Kind.UNKNOWN;
        }
        if (b(8) == 12 && b(9) == 0) {
            return Kind.DECOSF;
        }
        if (b(8) == 0 && b(9) == 10) {
            return b(4) == 0 && b(5) == 0 && b(6) == 0 && b(7) == 0 ? Kind.HPUX9 : Kind.SUNOS5;
        }
        return ucx(words) ? Kind.VMSUCX : Kind.UNKNOWN;
    }

    /** Whether bytes 1 to 13 are printable text, NUL-padded: VMS UCX's device name. */
    private boolean ucx(int words) {
        if (words < 7) {
            return false;
        }
        boolean nul = false;
        for (int i = 1; i < 14; i++) {
            int c = b(i);
            if (c >= 0x20 && c < 0x7F) {
                if (nul) {
                    return false;
                }
            } else if (c == 0) {
                nul = true;
            } else {
                return false;
            }
        }
        return true;
    }

    private int b(int i) {
        return m.byteAt(at + i);
    }

    private long be32(int i) {
        return m.intAt(at + i);
    }

    private long le32(int i) {
        return (long) b(i + 3) << 24 | b(i + 2) << 16 | b(i + 1) << 8 | b(i);
    }
}
