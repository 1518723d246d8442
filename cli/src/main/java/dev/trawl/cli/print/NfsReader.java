package dev.trawl.cli.print;

import dev.trawl.decode.layer.OncRpc;

/**
 * A cursor over the XDR words of an ONC RPC message carrying NFS, with what NFS calls and replies share as
 * tcpdump prints them: file handles, file names, attributes. A word that was not captured throws
 * {@link Truncated} (tcpdump's jump to {@code [|nfs]}); a run of bytes not captured, or lengths that do not add
 * up, throw {@link #STOP} (tcpdump's printer returning to write {@code [|nfs]} itself, which an NFS error
 * status already printed suppresses in a reply). Values are read before anything of them is written, as tcpdump
 * reads a line's values before printing it. Not thread-safe.
 */
final class NfsReader {
    static final RuntimeException STOP = new RuntimeException("stop", null, false, false) {
        private static final long serialVersionUID = 1L;
    };
    private static final String[] TYPES = {"NON", "REG", "DIR", "BLK", "CHR", "LNK", null, "FIFO"};

    OncRpc m;
    Out out;
    int verbose;
    boolean quiet;
    /** An NFS or RPC error status was printed: a reply cut short after it prints no marker. */
    boolean error;
    private final NfsFileHandle handle = new NfsFileHandle();

    NfsReader reset(OncRpc m, Out out, int verbose, boolean quiet) {
        this.m = m;
        this.out = out;
        this.verbose = verbose;
        this.quiet = quiet;
        this.error = false;
        return this;
    }

    long u32(long at) {
        if (at < 0 || at > Integer.MAX_VALUE - 8 || !m.has((int) at, 4)) {
            throw Truncated.INSTANCE;
        }
        return m.intAt((int) at);
    }

    long u64(long at) {
        long hi = u32(at);
        return hi << 32 | u32(at + 4);
    }

    /** Throws {@link #STOP} unless {@code n} bytes at {@code at} were captured. */
    void check(long at, long n) {
        if (at < 0 || n < 0 || at + n > m.regionLength()) {
            throw STOP;
        }
    }

    boolean captured(long at, long n) {
        return at >= 0 && n >= 0 && at + n <= m.regionLength();
    }

    /** A file handle (v3: counted; v2: 32 bytes) as {@code " fh ..."}; returns the offset after it. */
    long fh(long at, boolean v3) {
        long words;
        if (v3) {
            words = u32(at) / 4;
            at += 4;
        } else {
            words = 8;
        }
        if (!captured(at, words * 4)) {
            throw STOP;
        }
        handle.print(out, m, (int) at, (int) words);
        return at + words * 4;
    }

    /** A counted file name, quoted; returns the offset after it. */
    long name(long at) {
        long len = u32(at);
        at += 4;
        if (0xFFFF_FFFFL - len < 3) {
            out.ascii("[cannot pad to 32-bit boundaries] (invalid)");
            throw STOP;
        }
        long rounded = (len + 3) & ~3L;
        check(at, rounded);
        out.ch('"');
        for (long i = 0; i < len; i++) {
            if (!captured(at + i, 1)) {
                out.ch('"');
                throw STOP;
            }
            VrrpPrinter.printable(out, m.byteAt((int) (at + i)));
        }
        out.ch('"');
        return at + rounded;
    }

    /** A file handle, a space and a file name. */
    long fhName(long at, boolean v3) {
        at = fh(at, v3);
        out.ch(' ');
        return name(at);
    }

    /** An NFS status word: {@code ERROR: ...} unless it is 0; returns it. */
    long status(long at) {
        long e = u32(at);
        if (e != 0) {
            if (!quiet) {
                out.ascii(" ERROR: ");
                String s = NfsNames.status(e);
                if (s != null) {
                    out.ascii(s);
                } else {
                    out.ascii("unk ").num(e);
                }
            }
            error = true;
        }
        return e;
    }

    /** File attributes (v3 84 bytes, v2 68); returns the offset after them. */
    long fattr(long at, int level, boolean v3) {
        check(at + 16, 4);
        if (level > 0) {
            long type = u32(at);
            long mode = u32(at + 4);
            int uid = (int) u32(at + 12);
            int gid = (int) u32(at + 16);
            out.ch(' ');
            String t = type < TYPES.length ? TYPES[(int) type] : null;
            if (t != null) {
                out.ascii(t);
            } else {
                out.ascii("unk-ft ").num(type).ch(' ');
            }
            out.ch(' ').ascii(Long.toOctalString(mode)).ascii(" ids ").num(uid).ch('/').num(gid);
            long size = v3 ? u64(at + 20) : u32(at + 20);
            if (v3) {
                out.ascii(" sz ").ascii(Long.toUnsignedString(size));
            } else {
                out.ascii(" sz ").num(size);
            }
        }
        if (level > 1) {
            if (v3) {
                check(at + 76, 8);
                long nlink = u32(at + 8);
                long rdev1 = u32(at + 36);
                long rdev2 = u32(at + 40);
                out.ascii(" nlink ").num(nlink).ascii(" rdev ").num(rdev1).ch('/').num(rdev2);
                long fsid = u64(at + 44);
                out.ascii(" fsid ").ascii(Long.toHexString(fsid));
                long fileid = u64(at + 52);
                out.ascii(" fileid ").ascii(Long.toHexString(fileid));
                out.ascii(" a/m/ctime");
                times(at + 60, 3);
            } else {
                check(at + 60, 8);
                long nlink = u32(at + 8);
                long rdev = u32(at + 28);
                long fsid = u32(at + 36);
                long fileid = u32(at + 40);
                out.ascii(" nlink ").num(nlink).ascii(" rdev 0x").hex(rdev).ascii(" fsid 0x").hex(fsid)
                    .ascii(" nodeid 0x").hex(fileid).ascii(" a/m/ctime");
                times(at + 44, 3);
            }
        }
        return at + (v3 ? 84 : 68);
    }

    /** {@code n} times of two words each, as {@code " sec.usec"}. */
    void times(long at, int n) {
        for (int i = 0; i < n; i++) {
            time(at + 8L * i);
        }
    }

    void time(long at) {
        long sec = u32(at);
        long frac = u32(at + 4);
        out.ch(' ').num(sec).ch('.').num(frac, 6);
    }

    /** Optional attributes after a status: printed at {@code level} 1 and up. */
    long postOpAttr(long at, int level) {
        if (u32(at) == 0) {
            return at + 4;
        }
        at += 4;
        return level > 0 ? fattr(at, level, true) : at + 84;
    }

    long preOpAttr(long at, int level) {
        if (u32(at) == 0) {
            return at + 4;
        }
        at += 4;
        check(at, 24);
        if (level > 1) {
            long size = u64(at);
            out.ascii(" sz ").ascii(Long.toUnsignedString(size));
            long ms = u32(at + 8);
            long mn = u32(at + 12);
            long cs = u32(at + 16);
            long cn = u32(at + 20);
            out.ascii(" mtime ").num(ms).ch('.').num(mn, 6).ascii(" ctime ").num(cs).ch('.').num(cn, 6);
        }
        return at + 24;
    }

    long wccData(long at, int level) {
        if (level > 1) {
            out.ascii(" PRE:");
        }
        at = preOpAttr(at, level);
        if (level > 0) {
            out.ascii(" POST:");
        }
        return postOpAttr(at, level);
    }
}
