package dev.trawl.cli.print;

/**
 * The results of NFS replies as tcpdump prints them once it knows the call's procedure: the status (an error by
 * name), then per procedure handles, attributes ({@code -v}: type, mode, owner and size; {@code -vv}: the rest,
 * before and after an operation), counts and verifiers. Stateless.
 */
final class NfsReplies {
    private NfsReplies() {
    }

    static void print(NfsReader r, long procedure, long version, int length) {
        Out out = r.out;
        boolean v3 = version == 3;
        long proc = NfsNames.procedure(procedure, v3);
        out.ch(' ');
        NfsNames.procedure(out, proc);
        int level = r.verbose;
        switch ((int) Math.min(proc, Integer.MAX_VALUE)) {
            case NfsNames.GETATTR -> attrStat(r, results(r, length), r.quiet ? 0 : 1, v3);
            case NfsNames.SETATTR -> {
                long at = results(r, length);
                if (v3) {
                    r.status(at);
                    r.wccData(at + 4, level);
                } else {
                    attrStat(r, at, r.quiet ? 0 : 1, false);
                }
            }
            case NfsNames.LOOKUP -> {
                long at = results(r, length);
                if (v3) {
                    long er = r.status(at);
                    at += 4;
                    if (er == 0) {
                        at = r.fh(at, true);
                        at = r.postOpAttr(at, level);
                    }
                    if (level > 1) {
                        out.ascii(" post dattr:");
                        r.postOpAttr(at, level);
                    }
                } else {
                    dirOpRes(r, at);
                }
            }
            case NfsNames.ACCESS -> {
                long at = results(r, length);
                long er = r.status(at);
                if (level > 0) {
                    out.ascii(" attr:");
                }
                at = r.postOpAttr(at + 4, level);
                if (er == 0) {
                    long c = r.u32(at);
                    out.ascii(" c ").hex(c, 4);
                }
            }
            case NfsNames.READLINK -> {
                long at = results(r, length);
                if (r.status(at) == 0) {
                    at += 4;
                    if (v3) {
                        at = r.postOpAttr(at, level);
                    }
                    out.ch(' ');
                    r.name(at);
                }
            }
            case NfsNames.READ -> {
                long at = results(r, length);
                if (v3) {
                    long er = r.status(at);
                    at = r.postOpAttr(at + 4, level);
                    if (er == 0 && level > 0) {
                        long count = r.u32(at);
                        out.ch(' ').num(count).ascii(" bytes");
                        if (r.u32(at + 4) != 0) {
                            out.ascii(" EOF");
                        }
                    }
                } else {
                    attrStat(r, at, level, false);
                }
            }
            case NfsNames.WRITE -> {
                long at = results(r, length);
                if (v3) {
                    long er = r.status(at);
                    at = r.wccData(at + 4, level);
                    if (er == 0 && level > 0) {
                        long count = r.u32(at);
                        out.ch(' ').num(count).ascii(" bytes");
                        if (level > 1) {
                            long mode = r.u32(at + 4);
                            out.ascii(" <");
                            NfsNames.writeMode(out, mode);
                            out.ch('>');
                            long verf = r.u64(at + 8);
                            out.ascii(" verf ").ascii(Long.toHexString(verf));
                        }
                    }
                } else {
                    attrStat(r, at, level, false);
                }
            }
            case NfsNames.CREATE, NfsNames.MKDIR -> {
                long at = results(r, length);
                if (v3) {
                    createOpRes(r, at, level);
                } else {
                    dirOpRes(r, at);
                }
            }
            case NfsNames.SYMLINK -> {
                long at = results(r, length);
                if (v3) {
                    createOpRes(r, at, level);
                } else {
                    r.status(at);
                }
            }
            case NfsNames.MKNOD -> createOpRes(r, results(r, length), level);
            case NfsNames.REMOVE, NfsNames.RMDIR -> {
                long at = results(r, length);
                r.status(at);
                if (v3) {
                    r.wccData(at + 4, level);
                }
            }
            case NfsNames.RENAME -> {
                long at = results(r, length);
                r.status(at);
                if (v3 && level > 0) {
                    out.ascii(" from:");
                    at = r.wccData(at + 4, level);
                    out.ascii(" to:");
                    r.wccData(at, level);
                }
            }
            case NfsNames.LINK -> {
                long at = results(r, length);
                r.status(at);
                if (v3 && level > 0) {
                    out.ascii(" file POST:");
                    at = r.postOpAttr(at + 4, level);
                    out.ascii(" dir:");
                    r.wccData(at, level);
                }
            }
            case NfsNames.READDIR -> {
                long at = results(r, length);
                if (v3) {
                    readdir3(r, at, level);
                } else if (r.status(at) == 0 && !r.quiet) {
                    long offset = r.u32(at + 4);
                    long size = r.u32(at + 8);
                    out.ascii(" offset 0x").hex(offset).ascii(" size ").num(size).ch(' ');
                    if (r.u32(at + 12) != 0) {
                        out.ascii(" eof");
                    }
                }
            }
            case NfsNames.READDIRPLUS -> readdir3(r, results(r, length), level);
            case NfsNames.FSSTAT -> fsstat(r, results(r, length), v3, level);
            case NfsNames.FSINFO -> fsinfo(r, results(r, length), level);
            case NfsNames.PATHCONF -> pathconf(r, results(r, length), level);
            case NfsNames.COMMIT -> {
                long at = results(r, length);
                r.status(at);
                at = r.wccData(at + 4, level);
                if (level > 1) {
                    long verf = r.u64(at);
                    out.ascii(" verf ").ascii(Long.toHexString(verf));
                }
            }
            default -> { }
        }
    }

    /** Where an accepted reply's results start, past its verifier and a successful accept status. */
    private static long results(NfsReader r, int length) {
        long at = 12;
        long len = r.u32(at + 4);
        if (len >= Integer.toUnsignedLong(length)) {
            throw NfsReader.STOP;
        }
        at += (len + 11) / 4 * 4;
        long accept = r.u32(at);
        if (accept != 0) {
            r.out.ch(' ');
            NfsNames.accept(r.out, accept);
            r.error = true;
            throw NfsReader.STOP;
        }
        return at + 4;
    }

    private static void attrStat(NfsReader r, long at, int level, boolean v3) {
        if (r.status(at) == 0) {
            r.fattr(at + 4, level, v3);
        }
    }

    private static void dirOpRes(NfsReader r, long at) {
        if (r.status(at) == 0) {
            at = r.fh(at + 4, false);
            r.fattr(at, r.verbose, false);
        }
    }

    private static void createOpRes(NfsReader r, long at, int level) {
        long er = r.status(at);
        at += 4;
        if (er != 0) {
            r.wccData(at, level);
            return;
        }
        if (r.u32(at) == 0) {
            return;
        }
        at = r.fh(at + 4, true);
        if (level > 0) {
            at = r.postOpAttr(at, level);
            if (r.verbose > 1) {
                r.out.ascii(" dir attr:");
                r.wccData(at, level);
            }
        }
    }

    private static void readdir3(NfsReader r, long at, int level) {
        long er = r.status(at);
        if (r.verbose > 0) {
            r.out.ascii(" POST:");
        }
        at = r.postOpAttr(at + 4, level);
        if (er == 0 && r.verbose > 0) {
            long a = r.u32(at);
            long b = r.u32(at + 4);
            r.out.ascii(" verf ").hex(a, 8).hex(b, 8);
        }
    }

    private static void fsstat(NfsReader r, long at, boolean v3, int level) {
        Out out = r.out;
        long er = r.status(at);
        at += 4;
        if (!v3 && er != 0 || r.quiet) {
            return;
        }
        if (v3) {
            if (level > 0) {
                out.ascii(" POST:");
            }
            at = r.postOpAttr(at, level);
        }
        r.check(at, v3 ? 52 : 20);
        if (v3) {
            out.ascii(" tbytes ").ascii(Long.toUnsignedString(r.u64(at))).ascii(" fbytes ")
                .ascii(Long.toUnsignedString(r.u64(at + 8))).ascii(" abytes ")
                .ascii(Long.toUnsignedString(r.u64(at + 16)));
            if (level > 0) {
                out.ascii(" tfiles ").ascii(Long.toUnsignedString(r.u64(at + 24))).ascii(" ffiles ")
                    .ascii(Long.toUnsignedString(r.u64(at + 32))).ascii(" afiles ")
                    .ascii(Long.toUnsignedString(r.u64(at + 40))).ascii(" invar ").num(r.u32(at + 48));
            }
        } else {
            out.ascii(" tsize ").num(r.u32(at)).ascii(" bsize ").num(r.u32(at + 4)).ascii(" blocks ")
                .num(r.u32(at + 8)).ascii(" bfree ").num(r.u32(at + 12)).ascii(" bavail ").num(r.u32(at + 16));
        }
    }

    private static void fsinfo(NfsReader r, long at, int level) {
        Out out = r.out;
        long er = r.status(at);
        if (level > 0) {
            out.ascii(" POST:");
        }
        at = r.postOpAttr(at + 4, level);
        if (er != 0) {
            return;
        }
        r.check(at, 48);
        out.ascii(" rtmax ").num(r.u32(at)).ascii(" rtpref ").num(r.u32(at + 4)).ascii(" wtmax ")
            .num(r.u32(at + 12)).ascii(" wtpref ").num(r.u32(at + 16)).ascii(" dtpref ").num(r.u32(at + 24));
        if (level > 0) {
            out.ascii(" rtmult ").num(r.u32(at + 8)).ascii(" wtmult ").num(r.u32(at + 20)).ascii(" maxfsz ")
                .ascii(Long.toUnsignedString(r.u64(at + 28)));
            out.ascii(" delta ").num(r.u32(at + 36)).ch('.').num(r.u32(at + 40), 6).ch(' ');
        }
    }

    private static void pathconf(NfsReader r, long at, int level) {
        Out out = r.out;
        long er = r.status(at);
        if (level > 0) {
            out.ascii(" POST:");
        }
        at = r.postOpAttr(at + 4, level);
        if (er != 0) {
            return;
        }
        r.check(at, 24);
        out.ascii(" linkmax ").num(r.u32(at)).ascii(" namemax ").num(r.u32(at + 4))
            .ascii(r.u32(at + 8) != 0 ? " notrunc" : " ").ascii(r.u32(at + 12) != 0 ? " chownres" : " ")
            .ascii(r.u32(at + 16) != 0 ? " igncase" : " ").ascii(r.u32(at + 20) != 0 ? " keepcase" : " ");
    }
}
