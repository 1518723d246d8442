package dev.trawl.filter;

import dev.trawl.filter.Gen.Rel;
import dev.trawl.filter.Ir.Block;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.trawl.pcap.Bpf.B;
import static dev.trawl.pcap.Bpf.W;

/** OpenBSD pf log primitives ({@code ifname}, {@code ruleset}, {@code rnr}, {@code reason}, {@code action}). */
final class Pf {
    static final List<String> REASONS = List.of("match", "bad-offset", "fragment", "short", "normalize", "memory",
            "bad-timestamp", "congestion", "ip-option", "proto-cksum", "state-mismatch", "state-insert",
            "state-limit", "src-limit", "synproxy");
    static final Map<String, Integer> ACTIONS = Map.ofEntries(Map.entry("pass", 0), Map.entry("accept", 0),
            Map.entry("drop", 1), Map.entry("block", 1), Map.entry("scrub", 2), Map.entry("noscrub", 3),
            Map.entry("nat", 4), Map.entry("nonat", 5), Map.entry("binat", 6), Map.entry("nobinat", 7),
            Map.entry("rdr", 8), Map.entry("nordr", 9), Map.entry("synproxy-drop", 10));
    private static final int IFNAME = 4, RULESET = 20, NAME_SIZE = 16, RULENR = 36, SUBRULENR = 40, REASON = 3,
            ACTION = 2;

    private Pf() {
    }

    private static void requirePflog(Gen g, String what) throws FilterSyntaxException {
        if (g.linktype != LinkLayers.PFLOG) {
            throw g.error(what + " supported only on PF linktype");
        }
    }

    static Block gen(Gen g, Ast.Special s) throws FilterSyntaxException {
        switch (s.kind()) {
            case PF_IFNAME, PF_RSET -> {
                boolean ifname = s.kind() == Tok.PF_IFNAME;
                requirePflog(g, ifname ? "ifname" : "ruleset");
                byte[] name = s.text().getBytes(StandardCharsets.ISO_8859_1);
                if (name.length >= NAME_SIZE) {
                    throw g.error(ifname ? "ifname interface names can only be 15 characters"
                            : "ruleset names can only be 15 characters");
                }
                return g.bcmp(Rel.LINKHDR, ifname ? IFNAME : RULESET, name);
            }
            case PF_RNR, PF_SRNR -> {
                requirePflog(g, s.kind() == Tok.PF_RNR ? "rnr" : "srnr");
                return g.cmp(Rel.LINKHDR, s.kind() == Tok.PF_RNR ? RULENR : SUBRULENR, W, (int) s.number());
            }
            case PF_REASON -> {
                int reason;
                if (s.hasNumber()) {
                    reason = (int) s.number();
                } else {
                    reason = REASONS.indexOf(s.text());
                    if (reason < 0) {
                        throw g.error("unknown PF reason \"" + s.text() + "\"");
                    }
                }
                requirePflog(g, "reason");
                return g.cmp(Rel.LINKHDR, REASON, B, reason);
            }
            default -> {
                Integer action = ACTIONS.get(s.text());
                if (action == null) {
                    throw g.error("unknown PF action \"" + s.text() + "\"");
                }
                requirePflog(g, "action");
                return g.cmp(Rel.LINKHDR, ACTION, B, action);
            }
        }
    }
}
