package dev.trawl.cli.print;

/**
 * The names tcpdump prints for NFS: procedures (NFS version 2 numbers mapped onto version 3's), error statuses,
 * stable-write modes, and the RPC layer's accept and authentication statuses. Stateless.
 */
final class NfsNames {
    static final int NULL = 0;
    static final int GETATTR = 1;
    static final int SETATTR = 2;
    static final int LOOKUP = 3;
    static final int ACCESS = 4;
    static final int READLINK = 5;
    static final int READ = 6;
    static final int WRITE = 7;
    static final int CREATE = 8;
    static final int MKDIR = 9;
    static final int SYMLINK = 10;
    static final int MKNOD = 11;
    static final int REMOVE = 12;
    static final int RMDIR = 13;
    static final int RENAME = 14;
    static final int LINK = 15;
    static final int READDIR = 16;
    static final int READDIRPLUS = 17;
    static final int FSSTAT = 18;
    static final int FSINFO = 19;
    static final int PATHCONF = 20;
    static final int COMMIT = 21;
    static final int NOOP = 25;
    private static final int PROCEDURES = 26;

    private static final String[] PROCS = {"null", "getattr", "setattr", "lookup", "access", "readlink", "read",
        "write", "create", "mkdir", "symlink", "mknod", "remove", "rmdir", "rename", "link", "readdir",
        "readdirplus", "fsstat", "fsinfo", "pathconf", "commit"};
    /** Version 2's procedure numbers, as version 3's. */
    private static final int[] V2 = {NULL, GETATTR, SETATTR, NOOP, LOOKUP, READLINK, READ, NOOP, WRITE, CREATE,
        REMOVE, RENAME, LINK, SYMLINK, MKDIR, RMDIR, READDIR, FSSTAT, NOOP, NOOP, NOOP, NOOP, NOOP, NOOP, NOOP,
        NOOP};
    private static final String[] WRITE_MODES = {"unstable", "datasync", "filesync"};
    private static final String[] ACCEPT = {null, "PROG_UNAVAIL", "PROG_MISMATCH", "PROC_UNAVAIL", "GARBAGE_ARGS",
        "SYSTEM_ERR"};
    private static final String[] AUTH = {"OK", "Bogus Credentials (seal broken)",
        "Rejected Credentials (client should begin new session)", "Bogus Verifier (seal broken)",
        "Verifier expired or was replayed", "Credentials are too weak", "Bogus response verifier",
        "Unknown failure"};

    private NfsNames() {
    }

    /** The procedure as version 3 numbers it. */
    static long procedure(long proc, boolean v3) {
        return !v3 && proc < PROCEDURES ? V2[(int) proc] : proc;
    }

    static void procedure(Out out, long proc) {
        if (proc < PROCS.length) {
            out.ascii(PROCS[(int) proc]);
        } else if (proc == NOOP) {
            out.ascii("nop");
        } else {
            out.ascii("proc-").num(proc);
        }
    }

    /** A stable-write mode, or {@code #N} (signed) as tcpdump's table lookup without a format gives. */
    static void writeMode(Out out, long mode) {
        if (mode < WRITE_MODES.length) {
            out.ascii(WRITE_MODES[(int) mode]);
        } else {
            out.ch('#').num((int) mode);
        }
    }

    static void accept(Out out, long status) {
        if (status > 0 && status < ACCEPT.length) {
            out.ascii(ACCEPT[(int) status]);
        } else {
            out.ascii("ar_stat ").num(status);
        }
    }

    static void auth(Out out, long why) {
        if (why < AUTH.length) {
            out.ascii(AUTH[(int) why]);
        } else {
            out.ascii("Invalid failure code ").num(why);
        }
    }

    static String status(long e) {
        return switch ((int) Math.min(e, Integer.MAX_VALUE)) {
            case 1 -> "Operation not permitted";
            case 2 -> "No such file or directory";
            case 5 -> "Input/output error";
            case 6 -> "Device not configured";
            case 11 -> "Resource deadlock avoided";
            case 12 -> "Cannot allocate memory";
            case 13 -> "Permission denied";
            case 17 -> "File exists";
            case 18 -> "Cross-device link";
            case 19 -> "Operation not supported by device";
            case 20 -> "Not a directory";
            case 21 -> "Is a directory";
            case 22 -> "Invalid argument";
            case 26 -> "Text file busy";
            case 27 -> "File too large";
            case 28 -> "No space left on device";
            case 30 -> "Read-only file system";
            case 31 -> "Too many links";
            case 45 -> "Operation not supported";
            case 62 -> "Too many levels of symbolic links";
            case 63 -> "File name too long";
            case 66 -> "Directory not empty";
            case 69 -> "Disc quota exceeded";
            case 70 -> "Stale NFS file handle";
            case 71 -> "Too many levels of remote in path";
            case 99 -> "Write cache flushed to disk";
            case 10001 -> "Illegal NFS file handle";
            case 10002 -> "Update synchronization mismatch";
            case 10003 -> "READDIR/READDIRPLUS cookie is stale";
            case 10004 -> "Operation not supported";
            case 10005 -> "Buffer or request is too small";
            case 10006 -> "Unspecified error on server";
            case 10007 -> "Object of that type not supported";
            case 10008 -> "Request couldn't be completed in time";
            default -> null;
        };
    }
}
