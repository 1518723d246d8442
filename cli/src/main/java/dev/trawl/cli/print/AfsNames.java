package dev.trawl.cli.print;

/**
 * The names tcpdump gives the operations of the AFS services over Rx (file server, callbacks, protection,
 * volume location, authentication, volume server, basic overseer, ubik), each a table of one or two runs of
 * consecutive opcodes. Immutable; thread-safe.
 */
final class AfsNames {
    private final long base;
    private final String[] names;
    private final long base2;
    private final String[] names2;

    private AfsNames(long base, String[] names, long base2, String[] names2) {
        this.base = base;
        this.names = names;
        this.base2 = base2;
        this.names2 = names2;
    }

    static final AfsNames FS = new AfsNames(130, new String[] {"fetch-data", "fetch-acl", "fetch-status",
        "store-data", "store-acl", "store-status", "remove-file", "create-file", "rename", "symlink", "link",
        "makedir", "rmdir", "oldsetlock", "oldextlock", "oldrellock", "get-stats", "give-cbs", "get-vlinfo",
        "get-vlstats", "set-vlstats", "get-rootvl", "check-token", "get-time", "nget-vlinfo", "bulk-stat",
        "setlock", "extlock", "rellock", "xstat-ver", "get-xstat", "dfs-lookup", "dfs-flushcps", "dfs-symlink"},
        65536, new String[] {"inline-bulk-status", "fetch-data-64", "store-data-64", "give-up-all-cbs", "get-caps",
            "cb-rx-conn-addr"});
    /** The file server's one opcode outside its two runs. */
    static final long FS_RESIDENCY = 220;

    static final AfsNames CB = new AfsNames(204, new String[] {"callback", "initcb", "probe", "getlock", "getce",
        "xstatver", "getxstat", "initcb2", "whoareyou", "initcb3", "probeuuid", "getsrvprefs", "getcellservdb",
        "getlocalcell", "getcacheconf"}, 65536, new String[] {"getce64", "getcellbynum", "tellmeaboutyourself"});

    static final AfsNames PT = new AfsNames(500, new String[] {"new-user", "where-is-it", "dump-entry",
        "add-to-group", "name-to-id", "id-to-name", "delete", "remove-from-group", "get-cps", "new-entry",
        "list-max", "set-max", "list-entry", "change-entry", "list-elements", "same-mbr-of", "set-fld-sentry",
        "list-owned", "get-cps2", "get-host-cps", "update-entry", "list-entries"}, 530,
        new String[] {"list-super-groups"});

    static final AfsNames VLDB = new AfsNames(501, new String[] {"create-entry", "delete-entry", "get-entry-by-id",
        "get-entry-by-name", "get-new-volume-id", "replace-entry", "update-entry", "setlock", "releaselock",
        "list-entry", "list-attrib", "linked-list", "get-stats", "probe", "get-addrs", "change-addr",
        "create-entry-n", "get-entry-by-id-n", "get-entry-by-name-n", "replace-entry-n", "list-entry-n",
        "list-attrib-n", "linked-list-n", "update-entry-by-name", "create-entry-u", "get-entry-by-id-u",
        "get-entry-by-name-u", "replace-entry-u", "list-entry-u", "list-attrib-u", "linked-list-u", "regaddr",
        "get-addrs-u", "list-attrib-n2"}, -1, new String[0]);

    static final AfsNames KAUTH = new AfsNames(1, new String[] {"auth-old", "change-pw", "get-ticket-old", "set-pw",
        "set-fields", "create-user", "delete-user", "get-entry", "list-entry", "get-stats", "debug", "get-pw",
        "get-random-key", "unlock", "lock-status"}, 21, new String[] {"authenticate", "authenticate-v2",
            "get-ticket"});

    static final AfsNames VOL = new AfsNames(100, new String[] {"create-volume", "delete-volume", "restore",
        "forward", "end-trans", "clone", "set-flags", "get-flags", "trans-create", "dump", "get-nth-volume",
        "set-forwarding", "get-name", "get-status", "sig-restore", "list-partitions", "list-volumes",
        "set-id-types", "monitor", "partition-info", "reclone", "list-one-volume", "nuke", "set-date",
        "x-list-volumes", "x-list-one-volume", "set-info", "x-list-partitions", "forward-multiple"}, 65536,
        new String[] {"convert-ro", "get-size", "dump-v2"});

    static final AfsNames BOS = new AfsNames(80, new String[] {"create-bnode", "delete-bnode", "set-status",
        "get-status", "enumerate-instance", "get-instance-info", "get-instance-parm", "add-superuser",
        "delete-superuser", "list-superusers", "list-keys", "add-key", "delete-key", "set-cell-name",
        "get-cell-name", "get-cell-host", "add-cell-host", "delete-cell-host", "set-t-status", "shutdown-all",
        "restart-all", "startup-all", "set-noauth-flag", "re-bozo", "restart", "start-bozo-install", "uninstall",
        "get-dates", "exec", "prune", "set-restart-time", "get-restart-time", "start-bozo-log", "wait-all",
        "get-instance-strings", "get-restricted", "set-restricted"}, -1, new String[0]);

    static final AfsNames UBIK = new AfsNames(10000, new String[] {"vote-beacon", "vote-debug-old",
        "vote-sdebug-old", "vote-getsyncsite", "vote-debug", "vote-sdebug", "vote-xdebug", "vote-xsdebug"}, 20000,
        new String[] {"disk-begin", "disk-commit", "disk-lock", "disk-write", "disk-getversion", "disk-getfile",
            "disk-sendfile", "disk-abort", "disk-releaselocks", "disk-truncate", "disk-probe", "disk-writev",
            "disk-interfaceaddr", "disk-setversion"});

    /** Writes the name of operation {@code op}, or {@code op#N} as tcpdump does for an unknown one. */
    void write(Out out, long op) {
        String name = name(op);
        if (name != null) {
            out.ascii(name);
        } else {
            out.ascii("op#").num(op);
        }
    }

    private String name(long op) {
        if (op >= base && op < base + names.length) {
            return names[(int) (op - base)];
        }
        if (op >= base2 && op < base2 + names2.length) {
            return names2[(int) (op - base2)];
        }
        return this == FS && op == FS_RESIDENCY ? "residency" : null;
    }

    /** Whether {@code op} is a ubik (replicated database) operation, which the database services share. */
    static boolean ubik(long op) {
        return op >= 10000 && op <= 10007 || op >= 20000 && op <= 20013;
    }
}
