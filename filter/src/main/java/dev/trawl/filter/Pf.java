package dev.trawl.filter;

import java.util.Set;

/** Names of OpenBSD pf log reasons and actions, as libpcap accepts them. */
final class Pf {
    static final Set<String> REASONS = Set.of("match", "bad-offset", "fragment", "short", "normalize", "memory",
            "bad-timestamp", "congestion", "ip-option", "proto-cksum", "state-mismatch", "state-insert",
            "state-limit", "src-limit", "synproxy", "map-failed");
    static final Set<String> ACTIONS = Set.of("pass", "accept", "drop", "block", "scrub", "noscrub", "nat", "nonat",
            "binat", "nobinat", "rdr", "nordr", "synproxy-drop", "defer", "match", "divert", "rt", "afrt");

    private Pf() {
    }
}
