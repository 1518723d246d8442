package dev.trawl.cli.print;

/**
 * What tcpdump prints of AFS replies, whose opcode it knows from the call it saw: per service and opcode, the
 * words of a data packet's body, or the error code an abort carries. Stateless.
 */
final class AfsReplies {
    private static final int AFSNAMEMAX = 256;
    private static final int VLNAMEMAX = 65;
    private static final String[] STATUS_NUMBERS = {" volid", " nextuniq", " type", " parentid", " clone",
        " backup", " restore", " maxquota", " minquota", " owner"};
    private static final String[] STATUS_DATES = {" create", " access", " update", " expire", " backup", " copy"};

    private AfsReplies() {
    }

    static void fs(AfsReader r, int op, boolean data, int type) {
        if (data) {
            switch (op) {
                case 131 -> AfsAcl.print(r);
                case 137, 141 -> {
                    r.label(" new");
                    r.fid();
                }
                case 151 -> {
                    r.label(" root volume");
                    r.string(AFSNAMEMAX);
                }
                case 153 -> r.date();
                default -> { }
            }
        } else if (type == dev.trawl.decode.layer.Rx.ABORT) {
            int code = (int) r.word();
            r.label(" error ");
            String name = switch (code) {
                case 101 -> "salvage volume";
                case 102 -> "no such vnode";
                case 103 -> "no such volume";
                case 104 -> "volume exist";
                case 105 -> "no service";
                case 106 -> "volume offline";
                case 107 -> "voline online";
                case 108 -> "diskfull";
                case 109 -> "diskquota exceeded";
                case 110 -> "volume busy";
                case 111 -> "volume moved";
                case 112 -> "AFS IO error";
                case -100 -> "restarting fileserver";
                default -> null;
            };
            if (name != null) {
                r.label(name);
            } else {
                r.out.ch('#').num(code);
            }
        } else {
            r.out.ascii(" strange fs reply of type ").num(type);
        }
    }

    static void cb(AfsReader r, int op, boolean data) {
        if (!data) {
            errorCode(r);
        } else if (op == 213) {
            r.uuid();
        }
    }

    static void pt(AfsReader r, int op, boolean data) {
        if (!data) {
            errorCode(r);
            return;
        }
        switch (op) {
            case 504 -> {
                r.label(" ids:");
                r.integers();
            }
            case 505 -> r.vectors(64);
            case 508, 514, 517, 518, 519 -> r.integers();
            case 510 -> {
                r.label(" maxuid");
                r.integer();
                r.label(" maxgid");
                r.integer();
            }
            default -> { }
        }
    }

    static void vldb(AfsReader r, int op, boolean data) {
        if (!data) {
            errorCode(r);
            return;
        }
        switch (op) {
            case 510 -> {
                listHeader(r);
                entry(r, 8, true);
            }
            case 503, 504 -> entry(r, 8, true);
            case 505 -> {
                r.label(" newvol");
                r.unsigned();
            }
            case 521, 529 -> {
                listHeader(r);
                entry(r, 13, false);
            }
            case 518, 519 -> entry(r, 13, false);
            case 526, 527 -> uuidEntry(r);
            default -> { }
        }
    }

    private static void listHeader(AfsReader r) {
        r.label(" count");
        r.integer();
        r.label(" nextindex");
        r.integer();
    }

    /** A volume location entry: name, servers and their partitions, the volume ids. */
    private static void entry(AfsReader r, int servers, boolean typed) {
        r.vector(VLNAMEMAX);
        if (typed) {
            r.check(4);
            r.skip(4);
        }
        r.label(" numservers");
        long n = r.word();
        r.out.ch(' ').num(n);
        r.label(" servers");
        for (int i = 0; i < servers; i++) {
            r.check(4);
            if (i < n) {
                r.address();
            } else {
                r.skip(4);
            }
        }
        partitions(r, servers, n);
        volumes(r, servers);
    }

    private static void uuidEntry(AfsReader r) {
        r.vector(VLNAMEMAX);
        r.label(" numservers");
        long n = r.word();
        r.out.ch(' ').num(n);
        r.label(" servers");
        for (int i = 0; i < 13; i++) {
            if (i < n) {
                r.label(" afsuuid");
                r.uuid();
            } else {
                r.check(44);
                r.skip(44);
            }
        }
        r.check(4 * 13);
        r.skip(4 * 13);
        partitions(r, 13, n);
        volumes(r, 13);
    }

    private static void partitions(AfsReader r, int servers, long n) {
        r.label(" partitions");
        for (int i = 0; i < servers; i++) {
            long j = r.word();
            if (i < n && j <= 26) {
                r.out.ch(' ').ch((char) ('a' + j));
            } else if (i < n) {
                r.out.ch(' ').num(j);
            }
        }
    }

    private static void volumes(AfsReader r, int servers) {
        r.check(4L * servers);
        r.skip(4L * servers);
        r.label(" rwvol");
        r.unsigned();
        r.label(" rovol");
        r.unsigned();
        r.label(" backup");
        r.unsigned();
    }

    static void kauth(AfsReader r, boolean data) {
        if (!data) {
            errorCode(r);
        }
    }

    static void vol(AfsReader r, int op, boolean data) {
        if (!data) {
            errorCode(r);
            return;
        }
        switch (op) {
            case 100 -> {
                r.label(" volid");
                r.unsigned();
                r.label(" trans");
                r.unsigned();
            }
            case 104, 107 -> r.unsigned();
            case 105 -> {
                r.label(" newvol");
                r.unsigned();
            }
            case 108 -> {
                r.label(" trans");
                r.unsigned();
            }
            case 110 -> {
                r.label(" volume");
                r.unsigned();
                r.label(" partition");
                r.unsigned();
            }
            case 112 -> r.string(AFSNAMEMAX);
            case 113 -> status(r);
            case 116, 121 -> {
                long j = r.word();
                for (long i = 0; i < j; i++) {
                    r.label(" name");
                    r.vector(32);
                    r.label(" volid");
                    r.unsigned();
                    r.label(" type");
                    r.skip(4 * 21);
                    if (i != j - 1) {
                        r.label(",");
                    }
                }
                if (j == 0) {
                    r.label(" <none!>");
                }
            }
            default -> { }
        }
    }

    private static void status(AfsReader r) {
        for (String label : STATUS_NUMBERS) {
            r.label(label);
            r.unsigned();
        }
        for (String label : STATUS_DATES) {
            r.label(label);
            r.date();
        }
    }

    static void bos(AfsReader r, boolean data) {
        if (!data) {
            errorCode(r);
        }
    }

    static void ubik(AfsReader r, int op, boolean data) {
        if (data) {
            if (op == 10000) {
                r.label(" vote no");
            } else if (op == 20004) {
                r.label(" dbversion");
                r.ubikVersion();
            }
        } else if (op == 10000) {
            r.label(" vote yes until");
            r.date();
        } else {
            errorCode(r);
        }
    }

    private static void errorCode(AfsReader r) {
        r.label(" errcode");
        r.integer();
    }
}
