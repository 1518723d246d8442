package dev.trawl.cli.print;

import dev.trawl.decode.layer.OncRpc;

/**
 * The arguments of NFS calls as tcpdump prints them after the procedure's name: the file handle, names, offsets
 * and counts, with {@code -v} write modes, verifiers and attributes to set. Stateless.
 */
final class NfsCalls {
    private static final int ACCESS_FULL = 0x3f;
    private static final String[] TYPES = {"NON", "REG", "DIR", "BLK", "CHR", "LNK", null, "FIFO"};
    private static final String[] ACCESS = {"NFS_ACCESS_READ", "NFS_ACCESS_LOOKUP", "NFS_ACCESS_MODIFY",
        "NFS_ACCESS_EXTEND", "NFS_ACCESS_DELETE", "NFS_ACCESS_EXECUTE"};

    private NfsCalls() {
    }

    static void print(NfsReader r, long proc, boolean v3, int length) {
        Out out = r.out;
        int level = r.verbose;
        switch ((int) Math.min(proc, Integer.MAX_VALUE)) {
            case NfsNames.GETATTR, NfsNames.SETATTR, NfsNames.READLINK, NfsNames.FSSTAT, NfsNames.FSINFO,
                NfsNames.PATHCONF -> r.fh(arguments(r, length), v3);
            case NfsNames.LOOKUP, NfsNames.CREATE, NfsNames.MKDIR, NfsNames.REMOVE, NfsNames.RMDIR ->
                r.fhName(arguments(r, length), v3);
            case NfsNames.ACCESS -> {
                long at = r.fh(arguments(r, length), v3);
                long flags = r.u32(at);
                if ((flags & ~ACCESS_FULL) != 0) {
                    out.ch(' ').hex(flags, 4);
                } else if (flags == ACCESS_FULL) {
                    out.ascii(" NFS_ACCESS_FULL");
                } else {
                    char separator = ' ';
                    for (int i = 0; i < ACCESS.length; i++) {
                        if ((flags & 1L << i) != 0) {
                            out.ch(separator).ascii(ACCESS[i]);
                            separator = '|';
                        }
                    }
                }
            }
            case NfsNames.READ -> {
                long at = r.fh(arguments(r, length), v3);
                if (v3) {
                    long count = r.u32(at + 8);
                    long offset = r.u64(at);
                    out.ch(' ').num(count).ascii(" bytes @ ").ascii(Long.toUnsignedString(offset));
                } else {
                    long count = r.u32(at + 4);
                    long offset = r.u32(at);
                    out.ch(' ').num(count).ascii(" bytes @ ").num(offset);
                }
            }
            case NfsNames.WRITE -> {
                long at = r.fh(arguments(r, length), v3);
                if (v3) {
                    long data = r.u32(at + 16);
                    long count = r.u32(at + 8);
                    long offset = r.u64(at);
                    out.ch(' ').num(data).ascii(" (").num(count).ascii(") bytes @ ")
                        .ascii(Long.toUnsignedString(offset));
                    if (level > 0) {
                        long mode = r.u32(at + 12);
                        out.ascii(" <");
                        NfsNames.writeMode(out, mode);
                        out.ch('>');
                    }
                } else {
                    long data = r.u32(at + 12);
                    long total = r.u32(at + 8);
                    long offset = r.u32(at + 4);
                    long begin = r.u32(at);
                    out.ch(' ').num(data).ascii(" (").num(total).ascii(") bytes @ ").num(offset).ascii(" (")
                        .num(begin).ch(')');
                }
            }
            case NfsNames.SYMLINK -> {
                long at = r.fhName(arguments(r, length), v3);
                out.ascii(" ->");
                long[] sattr = null;
                if (v3) {
                    sattr = new long[12];
                    at = sattr3(r, at, sattr);
                }
                r.name(at);
                if (v3 && level > 0) {
                    printSattr3(out, sattr, level);
                }
            }
            case NfsNames.MKNOD -> {
                long at = r.fhName(arguments(r, length), v3);
                long type = r.u32(at);
                long[] sattr = new long[12];
                at = sattr3(r, at + 4, sattr);
                out.ch(' ');
                if (type < TYPES.length && TYPES[(int) type] != null) {
                    out.ascii(TYPES[(int) type]);
                } else {
                    out.ascii("unk-ft ").num(type);
                }
                if (level > 0 && (type == 3 || type == 4)) {
                    long major = r.u32(at);
                    long minor = r.u32(at + 4);
                    out.ch(' ').num(major).ch('/').num(minor);
                }
                if (level > 0) {
                    printSattr3(out, sattr, level);
                }
            }
            case NfsNames.RENAME -> {
                long at = r.fhName(arguments(r, length), v3);
                out.ascii(" ->");
                r.fhName(at, v3);
            }
            case NfsNames.LINK -> {
                long at = r.fh(arguments(r, length), v3);
                out.ascii(" ->");
                r.fhName(at, v3);
            }
            case NfsNames.READDIR -> {
                long at = r.fh(arguments(r, length), v3);
                if (v3) {
                    long count = r.u32(at + 16);
                    long cookie = r.u64(at);
                    out.ch(' ').num(count).ascii(" bytes @ ").num(cookie);
                    if (level > 0) {
                        long a = r.u32(at + 8);
                        long b = r.u32(at + 12);
                        out.ascii(" verf ").hex(a, 8).hex(b, 8);
                    }
                } else {
                    long count = r.u32(at + 4);
                    long cookie = r.u32(at);
                    out.ch(' ').num(count).ascii(" bytes @ ").num(cookie);
                }
            }
            case NfsNames.READDIRPLUS -> {
                long at = r.fh(arguments(r, length), v3);
                long count = r.u32(at + 16);
                long cookie = r.u64(at);
                out.ch(' ').num(count).ascii(" bytes @ ").num(cookie);
                if (level > 0) {
                    long max = r.u32(at + 20);
                    long a = r.u32(at + 8);
                    long b = r.u32(at + 12);
                    out.ascii(" max ").num(max).ascii(" verf ").hex(a, 8).hex(b, 8);
                }
            }
            case NfsNames.COMMIT -> {
                long at = r.fh(arguments(r, length), v3);
                long count = r.u32(at + 8);
                long offset = r.u64(at);
                out.ch(' ').num(count).ascii(" bytes @ ").ascii(Long.toUnsignedString(offset));
            }
            default -> { }
        }
    }

    /**
     * Where a call's arguments start, past its credentials and verifier, when the message holds both whole;
     * throws {@link NfsReader#STOP} otherwise.
     */
    static long arguments(NfsReader r, int length) {
        long left = Integer.toUnsignedLong(length);
        long at = OncRpc.CREDENTIALS;
        for (int auth = 0; auth < 2; auth++) {
            if (left < 8) {
                throw NfsReader.STOP;
            }
            long len = r.u32(at + 4);
            long rounded = (len + 3) & 0xFFFF_FFFCL; // tcpdump rounds in 32 bits
            r.check(at + 8, rounded);
            boolean whole = auth == 0 ? 8 + rounded <= left : 8 + rounded < left;
            if (!whole) {
                throw NfsReader.STOP;
            }
            at += (len + 11) / 4 * 4;
            left -= 8 + rounded;
        }
        return at;
    }

    /** Reads NFS version 3 attributes to set into {@code sa} (set flag and value pairs); returns the offset after. */
    static long sattr3(NfsReader r, long at, long[] sa) {
        for (int i = 0; i < 4; i++) {
            sa[2 * i] = r.u32(at);
            at += 4;
            if (sa[2 * i] != 0) {
                sa[2 * i + 1] = r.u32(at);
                at += 4;
            }
        }
        for (int i = 0; i < 2; i++) {
            long how = r.u32(at);
            at += 4;
            sa[8 + 2 * i] = how == 2 ? 1 : 0;
            if (how == 2) { // set to the client's time
                sa[8 + 2 * i + 1] = r.u32(at) << 32 | r.u32(at + 4);
                at += 8;
            }
        }
        return at;
    }

    static void printSattr3(Out out, long[] sa, int level) {
        if (sa[0] != 0) {
            out.ascii(" mode ").ascii(Long.toOctalString(sa[1]));
        }
        if (sa[2] != 0) {
            out.ascii(" uid ").num(sa[3]);
        }
        if (sa[4] != 0) {
            out.ascii(" gid ").num(sa[5]);
        }
        if (level > 1) {
            if (sa[8] != 0) {
                out.ascii(" atime ").num(sa[9] >>> 32).ch('.').num(sa[9] & 0xFFFF_FFFFL, 6);
            }
            if (sa[10] != 0) {
                out.ascii(" mtime ").num(sa[11] >>> 32).ch('.').num(sa[11] & 0xFFFF_FFFFL, 6);
            }
        }
    }
}
