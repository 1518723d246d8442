package dev.trawl.cli.print;

/**
 * The arguments of AFS calls as tcpdump prints them after {@code fs call fetch-data}, {@code vldb call
 * get-entry-by-name} and the like: per service and opcode, the words of the call's body after the opcode.
 * Stateless.
 */
final class AfsCalls {
    private static final int AFSNAMEMAX = 256;
    private static final int PRNAMEMAX = 64;
    private static final int VLNAMEMAX = 65;
    private static final int KANAMEMAX = 64;
    private static final int BOSNAMEMAX = 256;
    private static final String[] VOLUME_TYPES = {"read-write", "read-only", "backup"};

    private AfsCalls() {
    }

    static void fs(AfsReader r, int op) {
        switch (op) {
            case 130 -> {
                r.fid();
                r.label(" offset");
                r.unsigned();
                r.label(" length");
                r.unsigned();
            }
            case 131, 132, 143, 144, 145, 156, 157, 158 -> r.fid();
            case 135 -> {
                r.fid();
                r.storeStatus();
            }
            case 133 -> {
                r.fid();
                r.storeStatus();
                r.label(" offset");
                r.unsigned();
                r.label(" length");
                r.unsigned();
                r.label(" flen");
                r.unsigned();
            }
            case 134 -> {
                r.fid();
                AfsAcl.print(r);
            }
            case 137, 141 -> {
                r.fid();
                r.string(AFSNAMEMAX);
                r.storeStatus();
            }
            case 136, 142 -> {
                r.fid();
                r.string(AFSNAMEMAX);
            }
            case 138 -> {
                r.label(" old");
                r.fid();
                r.string(AFSNAMEMAX);
                r.label(" new");
                r.fid();
                r.string(AFSNAMEMAX);
            }
            case 139 -> {
                r.fid();
                r.string(AFSNAMEMAX);
                r.label(" link to");
                r.string(AFSNAMEMAX);
            }
            case 140 -> {
                r.fid();
                r.string(AFSNAMEMAX);
                r.label(" link to");
                r.fid();
            }
            case 148 -> r.string(AFSNAMEMAX);
            case 149, 150 -> {
                r.label(" volid");
                r.unsigned();
            }
            case 154 -> {
                r.label(" volname");
                r.string(AFSNAMEMAX);
            }
            case 155, 65536 -> r.fids();
            case 65537 -> {
                r.fid();
                r.label(" offset");
                r.unsigned64();
                r.label(" length");
                r.unsigned64();
            }
            case 65538 -> {
                r.fid();
                r.storeStatus();
                r.label(" offset");
                r.unsigned64();
                r.label(" length");
                r.unsigned64();
                r.label(" flen");
                r.unsigned64();
            }
            case 65541 -> {
                r.label(" addr");
                r.unsigned();
            }
            default -> { }
        }
    }

    static void cb(AfsReader r, int op) {
        if (op == 204) {
            r.fids();
            long j = r.word();
            if (j != 0) {
                r.label(";");
            }
            for (long i = 0; i < j; i++) {
                r.label(" ver");
                r.integer();
                r.label(" expires");
                r.date();
                r.word(); // the callback's type, which tcpdump reads without printing
            }
        } else if (op == 214) {
            r.label(" afsuuid");
            r.uuid();
        }
    }

    static void pt(AfsReader r, int op) {
        switch (op) {
            case 500 -> {
                r.string(PRNAMEMAX);
                r.label(" id");
                r.integer();
                r.label(" oldid");
                r.integer();
            }
            case 501, 506, 508, 512, 514, 517, 518, 519, 530 -> {
                r.label(" id");
                r.integer();
            }
            case 502 -> {
                r.label(" pos");
                r.integer();
            }
            case 503, 507, 515 -> {
                r.label(" uid");
                r.integer();
                r.label(" gid");
                r.integer();
            }
            case 504 -> r.vectors(PRNAMEMAX);
            case 505 -> {
                r.label(" ids:");
                r.integers();
            }
            case 509 -> {
                r.string(PRNAMEMAX);
                r.label(" flag");
                r.integer();
                r.label(" oid");
                r.integer();
            }
            case 511 -> {
                r.label(" id");
                r.integer();
                r.label(" gflag");
                r.integer();
            }
            case 513 -> {
                r.label(" id");
                r.integer();
                r.string(PRNAMEMAX);
                r.label(" oldid");
                r.integer();
                r.label(" newid");
                r.integer();
            }
            case 520 -> {
                r.label(" id");
                r.integer();
                r.string(PRNAMEMAX);
            }
            default -> { }
        }
    }

    static void vldb(AfsReader r, int op) {
        switch (op) {
            case 501, 517 -> r.vector(VLNAMEMAX);
            case 502, 503, 507, 508, 509, 518 -> {
                r.label(" volid");
                r.integer();
                volumeType(r);
            }
            case 504, 519, 524, 527 -> r.string(VLNAMEMAX);
            case 505 -> {
                r.label(" bump");
                r.integer();
            }
            case 506, 520 -> {
                r.label(" volid");
                r.integer();
                volumeType(r);
                r.vector(VLNAMEMAX);
            }
            case 510, 521 -> {
                r.label(" index");
                r.integer();
            }
            default -> { }
        }
    }

    private static void volumeType(AfsReader r) {
        long i = r.word();
        if (i <= 2) {
            r.out.ascii(" type ").ascii(VOLUME_TYPES[(int) i]);
        }
    }

    static void kauth(AfsReader r, int op) {
        switch (op) {
            case 1, 21, 22, 2, 5, 6, 7, 8, 14, 15 -> {
                r.label(" principal");
                r.string(KANAMEMAX);
                r.string(KANAMEMAX);
            }
            case 3, 23 -> {
                r.label(" kvno");
                r.integer();
                r.label(" domain");
                r.string(KANAMEMAX);
                long n = r.word();
                r.check(n);
                r.skip(n);
                r.label(" principal");
                r.string(KANAMEMAX);
                r.string(KANAMEMAX);
            }
            case 4 -> {
                r.label(" principal");
                r.string(KANAMEMAX);
                r.string(KANAMEMAX);
                r.label(" kvno");
                r.integer();
            }
            case 12 -> {
                r.label(" name");
                r.string(KANAMEMAX);
            }
            default -> { }
        }
    }

    static void vol(AfsReader r, int op) {
        switch (op) {
            case 100 -> {
                r.label(" partition");
                r.unsigned();
                r.label(" name");
                r.string(AFSNAMEMAX);
                r.label(" type");
                r.unsigned();
                r.label(" parent");
                r.unsigned();
            }
            case 101, 107, 104 -> {
                r.label(" trans");
                r.unsigned();
            }
            case 102 -> {
                r.label(" totrans");
                r.unsigned();
                r.label(" flags");
                r.unsigned();
            }
            case 103 -> {
                r.label(" fromtrans");
                r.unsigned();
                r.label(" fromdate");
                r.date();
                r.destinationServer();
                r.label(" desttrans");
                r.integer();
            }
            case 105 -> {
                r.label(" trans");
                r.unsigned();
                r.label(" purgevol");
                r.unsigned();
                r.label(" newtype");
                r.unsigned();
                r.label(" newname");
                r.string(AFSNAMEMAX);
            }
            case 106 -> {
                r.label(" trans");
                r.unsigned();
                r.label(" flags");
                r.unsigned();
            }
            case 108 -> {
                r.label(" vol");
                r.unsigned();
                r.label(" partition");
                r.unsigned();
                r.label(" flags");
                r.unsigned();
            }
            case 109, 655537 -> { // tcpdump's number for get-size, sic
                r.label(" fromtrans");
                r.unsigned();
                r.label(" fromdate");
                r.date();
            }
            case 110 -> {
                r.label(" index");
                r.unsigned();
            }
            case 111 -> {
                r.label(" tid");
                r.unsigned();
                r.label(" newsite");
                r.unsigned();
            }
            case 112, 113 -> r.label(" tid");
            case 114 -> {
                r.label(" name");
                r.string(AFSNAMEMAX);
                r.label(" type");
                r.unsigned();
                r.label(" pid");
                r.unsigned();
                r.label(" cloneid");
                r.unsigned();
            }
            case 116 -> {
                r.label(" partition");
                r.unsigned();
                r.label(" flags");
                r.unsigned();
            }
            case 117 -> {
                r.label(" tid");
                r.unsigned();
                r.label(" name");
                r.string(AFSNAMEMAX);
                r.label(" type");
                r.unsigned();
                r.label(" pid");
                r.unsigned();
                r.label(" clone");
                r.unsigned();
                r.label(" backup");
                r.unsigned();
            }
            case 119 -> {
                r.label(" name");
                r.string(AFSNAMEMAX);
            }
            case 120, 126 -> {
                r.label(" tid");
                r.unsigned();
            }
            case 121, 122, 124, 125, 65536 -> {
                r.label(" partid");
                r.unsigned();
                r.label(" volid");
                r.unsigned();
            }
            case 123 -> {
                r.label(" tid");
                r.unsigned();
                r.label(" date");
                r.date();
            }
            case 128 -> {
                r.label(" fromtrans");
                r.unsigned();
                r.label(" fromdate");
                r.date();
                long j = r.word();
                for (long i = 0; i < j; i++) {
                    r.destinationServer();
                    if (i != j - 1) {
                        r.label(",");
                    }
                }
                if (j == 0) {
                    r.label(" <none!>");
                }
            }
            case 65538 -> {
                r.label(" fromtrans");
                r.unsigned();
                r.label(" fromdate");
                r.date();
                r.label(" flags");
                r.unsigned();
            }
            default -> { }
        }
    }

    static void bos(AfsReader r, int op) {
        switch (op) {
            case 80 -> {
                r.label(" type");
                r.string(BOSNAMEMAX);
                r.label(" instance");
                r.string(BOSNAMEMAX);
            }
            case 81, 83, 85, 87, 88, 93, 96, 97, 104, 106, 108, 112, 114 -> r.string(BOSNAMEMAX);
            case 82, 98 -> {
                r.string(BOSNAMEMAX);
                r.label(" status");
                r.integer();
            }
            case 86 -> {
                r.string(BOSNAMEMAX);
                r.label(" num");
                r.integer();
            }
            case 84, 89, 90, 91, 92, 95 -> r.integer();
            case 105 -> {
                r.string(BOSNAMEMAX);
                r.label(" size");
                r.integer();
                r.label(" flags");
                r.integer();
                r.label(" date");
                r.integer();
            }
            default -> { }
        }
    }

    static void ubik(AfsReader r, int op) {
        switch (op) {
            case 10000 -> {
                long site = r.word();
                r.label(site != 0 ? " syncsite yes" : " syncsite no");
                r.label(" votestart");
                r.date();
                r.label(" dbversion");
                r.ubikVersion();
                r.label(" tid");
                r.ubikVersion();
            }
            case 10003 -> {
                r.label(" site");
                r.unsigned();
            }
            case 20000, 20001, 20007, 20008, 20010 -> {
                r.label(" tid");
                r.ubikVersion();
            }
            case 20002 -> {
                r.label(" tid");
                r.ubikVersion();
                r.label(" file");
                r.integer();
                r.label(" pos");
                r.integer();
                r.label(" length");
                r.integer();
                r.word(); // the lock's type, read but not printed
            }
            case 20003 -> {
                r.label(" tid");
                r.ubikVersion();
                r.label(" file");
                r.integer();
                r.label(" pos");
                r.integer();
            }
            case 20005 -> {
                r.label(" file");
                r.integer();
            }
            case 20006 -> {
                r.label(" file");
                r.integer();
                r.label(" length");
                r.integer();
                r.label(" dbversion");
                r.ubikVersion();
            }
            case 20009 -> {
                r.label(" tid");
                r.ubikVersion();
                r.label(" file");
                r.integer();
                r.label(" length");
                r.integer();
            }
            case 20012 -> {
                r.label(" tid");
                r.ubikVersion();
                r.label(" oldversion");
                r.ubikVersion();
                r.label(" newversion");
                r.ubikVersion();
            }
            default -> { }
        }
    }
}
