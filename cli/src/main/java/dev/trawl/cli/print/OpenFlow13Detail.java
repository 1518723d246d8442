package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.need;
import static dev.trawl.cli.print.CheckedReads.u16;
import static dev.trawl.cli.print.CheckedReads.u32;
import static dev.trawl.cli.print.CheckedReads.u8;
import static dev.trawl.cli.print.OpenFlow10Detail.bitmap;
import static dev.trawl.cli.print.OpenFlow10Detail.data;
import static dev.trawl.cli.print.OpenFlow10Detail.mac;
import static dev.trawl.cli.print.OpenFlow10Detail.u64;

import dev.trawl.decode.layer.OpenFlow;

/**
 * The body of an OpenFlow 1.3 message as tcpdump 4.99 prints it with {@code -v}: hello elements, errors,
 * experimenter messages, switch features and configuration, port status and port and table changes, roles,
 * asynchronous-message masks and queue configuration requests (tcpdump prints no body for the other types, flow
 * changes and multipart messages among them). Offsets are relative to the segment's payload (the {@link OpenFlow}
 * view); a read of a byte the capture lacks throws {@link Truncated}, which the caller turns into
 * {@code [|openflow]}. Stateless.
 */
final class OpenFlow13Detail {
    private static final String[] CAPABILITIES = {"FLOW_STATS", "TABLE_STATS", "PORT_STATS", "GROUP_STATS", null,
        "IP_REASM", "QUEUE_STATS", null, "PORT_BLOCKED"};
    private static final long CAPABILITIES_ASSIGNED = 0x16f;
    private static final String[] PORT_CONFIG = {"PORT_DOWN", null, "NO_RECV", null, null, "NO_FWD",
        "NO_PACKET_IN"};
    private static final long PORT_CONFIG_ASSIGNED = 0x65;
    private static final String[] PORT_STATE = {"LINK_DOWN", "BLOCKED", "LIVE"};
    private static final String[] PORT_FEATURES = {"10MB_HD", "10MB_FD", "100MB_HD", "100MB_FD", "1GB_HD", "1GB_FD",
        "10GB_FD", "40GB_FD", "100GB_FD", "1TB_FD", "OTHER", "COPPER", "FIBER", "AUTONEG", "PAUSE", "PAUSE_ASYM"};
    private static final String[] VERSIONS = {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5"};
    private static final String[] PACKET_IN_REASONS = {"NO_MATCH", "ACTION", "INVALID_TTL"};
    private static final String[] PORT_REASONS = {"ADD", "DELETE", "MODIFY"};
    private static final String[] ROLES = {"NOCHANGE", "EQUAL", "MASTER", "SLAVE"};
    private static final String[] CONFIG_FLAGS = {"FRAG_NORMAL", "FRAG_DROP", "FRAG_REASM"};
    private static final String[] ERROR_TYPES = {"HELLO_FAILED", "BAD_REQUEST", "BAD_ACTION", "BAD_INSTRUCTION",
        "BAD_MATCH", "FLOW_MOD_FAILED", "GROUP_MOD_FAILED", "PORT_MOD_FAILED", "TABLE_MOD_FAILED", "QUEUE_OP_FAILED",
        "SWITCH_CONFIG_FAILED", "ROLE_REQUEST_FAILED", "METER_MOD_FAILED", "TABLE_FEATURES_FAILED"};
    private static final int ERROR_EXPERIMENTER = 0xffff;
    private static final String[][] ERROR_CODES = {
        {"INCOMPATIBLE", "EPERM"},
        {"BAD_VERSION", "BAD_TYPE", "BAD_MULTIPART", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "EPERM", "BAD_LEN",
            "BUFFER_EMPTY", "BUFFER_UNKNOWN", "BAD_TABLE_ID", "IS_SLAVE", "BAD_PORT", "BAD_PACKET",
            "MULTIPART_BUFFER_OVERFLOW"},
        {"BAD_TYPE", "BAD_LEN", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "BAD_OUT_PORT", "BAD_ARGUMENT", "EPERM",
            "TOO_MANY", "BAD_QUEUE", "BAD_OUT_GROUP", "MATCH_INCONSISTENT", "UNSUPPORTED_ORDER", "BAD_TAG",
            "BAD_SET_TYPE", "BAD_SET_LEN", "BAD_SET_ARGUMENT"},
        {"UNKNOWN_INST", "UNSUP_INST", "BAD_TABLE_ID", "UNSUP_METADATA", "UNSUP_METADATA_MASK", "BAD_EXPERIMENTER",
            "BAD_EXP_TYPE", "BAD_LEN", "EPERM"},
        {"BAD_TYPE", "BAD_LEN", "BAD_TAG", "BAD_DL_ADDR_MASK", "BAD_NW_ADDR_MASK", "BAD_WILDCARDS", "BAD_FIELD",
            "BAD_VALUE", "BAD_MASK", "BAD_PREREQ", "DUP_FIELD", "EPERM"},
        {"UNKNOWN", "TABLE_FULL", "BAD_TABLE_ID", "OVERLAP", "EPERM", "BAD_TIMEOUT", "BAD_COMMAND", "BAD_FLAGS"},
        {"GROUP_EXISTS", "INVALID_GROUP", "WEIGHT_UNSUPPORTED", "OUT_OF_GROUPS", "OUT_OF_BUCKETS",
            "CHAINING_UNSUPPORTED", "WATCH_UNSUPPORTED", "LOOP", "UNKNOWN_GROUP", "CHAINED_GROUP", "BAD_TYPE",
            "BAD_COMMAND", "BAD_BUCKET", "BAD_MATCH", "EPERM"},
        {"BAD_PORT", "BAD_HW_ADDR", "BAD_CONFIG", "BAD_ADVERTISE", "EPERM"},
        {"BAD_TABLE", "BAD_CONFIG", "EPERM"},
        {"BAD_PORT", "BAD_QUEUE", "EPERM"},
        {"BAD_FLAGS", "BAD_LEN", "EPERM"},
        {"STALE", "UNSUP", "BAD_ROLE"},
        {"UNKNOWN", "METER_EXISTS", "INVALID_METER", "UNKNOWN_METER", "BAD_COMMAND", "BAD_FLAGS", "BAD_RATE",
            "BAD_BURST", "BAD_BAND", "BAD_BAND_VALUE", "OUT_OF_METERS", "OUT_OF_BANDS"},
        {"BAD_TABLE", "BAD_METADATA", "BAD_TYPE", "BAD_LEN", "BAD_ARGUMENT", "EPERM"}};
    private static final String[] ASYNC_LABELS = {"\n\t packet_in_mask[EM] 0x", "\n\t packet_in_mask[S] 0x",
        "\n\t port_status_mask[EM] 0x", "\n\t port_status_mask[S] 0x", "\n\t flow_removed_mask[EM] 0x",
        "\n\t flow_removed_mask[S] 0x"};
    private static final int HELLO_ELEMENT_HEADER = 4;
    private static final int PORT_NAME_LENGTH = 16;

    private OpenFlow13Detail() {
    }

    /**
     * Prints the body of a message of {@code type} whose header declared {@code len} body bytes starting at
     * {@code at}, the body's length already checked against what the type allows. Returns false for the types
     * tcpdump has no body printer for.
     */
    static boolean body(PrintContext c, OpenFlow m, int type, int at, int len) {
        switch (type) {
            case 0 -> hello(c, m, at, len);
            case 1 -> error(c, m, at, len);
            case 2, 3 -> data(c, m, at, len);
            case 4 -> experimenter(c, m, at, len);
            case 6 -> featuresReply(c, m, at);
            case 8, 9 -> switchConfig(c, m, at);
            case 12 -> portStatus(c, m, at);
            case 16 -> portMod(c, m, at);
            case 17 -> tableMod(c, m, at);
            case 22 -> {
                port(c.out().ascii("\n\t port "), u32(m, at));
                need(m, at + 4, 4);
            }
            case 24, 25 -> role(c, m, at);
            case 27, 28 -> async(c, m, at);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void port(Out out, long port) {
        String name = switch ((int) port) {
            case 0xffffff00 -> "MAX";
            case 0xfffffff8 -> "IN_PORT";
            case 0xfffffff9 -> "TABLE";
            case 0xfffffffa -> "NORMAL";
            case 0xfffffffb -> "FLOOD";
            case 0xfffffffc -> "ALL";
            case 0xfffffffd -> "CONTROLLER";
            case 0xfffffffe -> "LOCAL";
            case 0xffffffff -> "ANY";
            default -> null;
        };
        if (name != null) {
            out.ascii(name);
        } else {
            out.num(port);
        }
    }

    private static void hello(PrintContext c, OpenFlow m, int at, int len) {
        Out out = c.out();
        while (len != 0) {
            if (len < HELLO_ELEMENT_HEADER) {
                helloInvalid(out, m, at, len);
                return;
            }
            int type = u16(m, at);
            int elementLength = u16(m, at + 2);
            at += 4;
            len -= 4;
            out.ascii("\n\t type ");
            if (type == 1) {
                out.ascii("VERSIONBITMAP");
            } else {
                out.ascii("unknown (0x").hex(type, 4).ch(')');
            }
            out.ascii(", length ").num(elementLength);
            if (elementLength < HELLO_ELEMENT_HEADER || elementLength > HELLO_ELEMENT_HEADER + len) {
                helloInvalid(out, m, at, len);
                return;
            }
            int value = elementLength - HELLO_ELEMENT_HEADER;
            if (type == 1 && elementLength == HELLO_ELEMENT_HEADER + 4) {
                long bitmap = u32(m, at);
                out.ascii(", bitmap 0x").hex(bitmap, 8);
                bitmap(out, VERSIONS, bitmap, 0x3f);
            } else {
                if (type == 1) {
                    out.ascii(" (bogus)");
                }
                need(m, at, value);
            }
            at += value;
            len -= value;
        }
    }

    private static void helloInvalid(Out out, OpenFlow m, int at, int len) {
        out.ascii(" (invalid)");
        need(m, at, len);
    }

    private static void error(PrintContext c, OpenFlow m, int at, int len) {
        OpenFlow10Detail.error(c, m, at, len, ERROR_TYPES, ERROR_CODES, ERROR_EXPERIMENTER);
    }

    private static void experimenter(PrintContext c, OpenFlow m, int at, int len) {
        long experimenter = u32(m, at);
        c.out().ascii("\n\t experimenter 0x").hex(experimenter, 8).ascii(" (")
                .ascii(OpenFlow10Detail.vendorName(experimenter)).ch(')');
        c.out().ascii(", exp_type 0x").hex(u32(m, at + 4), 8);
        data(c, m, at + 8, len - 8);
    }

    private static void featuresReply(PrintContext c, OpenFlow m, int at) {
        Out out = c.out();
        out.ascii("\n\t dpid 0x").hex(u64(m, at), 16);
        out.ascii(", n_buffers ").num(u32(m, at + 8));
        out.ascii(", n_tables ").num(u8(m, at + 12));
        out.ascii(", auxiliary_id ").num(u8(m, at + 13));
        long capabilities = u32(m, at + 16);
        out.ascii("\n\t capabilities 0x").hex(capabilities, 8);
        bitmap(out, CAPABILITIES, capabilities, CAPABILITIES_ASSIGNED);
        need(m, at + 20, 4);
    }

    private static void switchConfig(PrintContext c, OpenFlow m, int at) {
        Out out = c.out();
        int flags = u16(m, at);
        out.ascii("\n\t flags ");
        if (flags < CONFIG_FLAGS.length) {
            out.ascii(CONFIG_FLAGS[flags]);
        } else {
            out.ascii("invalid (0x").hex(flags, 4).ch(')');
        }
        int missSendLength = u16(m, at + 2);
        out.ascii(", miss_send_len ");
        if (missSendLength == 0xffe5) {
            out.ascii("MAX");
        } else if (missSendLength == 0xffff) {
            out.ascii("NO_BUFFER");
        } else {
            out.num(missSendLength);
        }
    }

    private static void tableId(Out out, int id) {
        if (id == 0xfe) {
            out.ascii("MAX");
        } else if (id == 0xff) {
            out.ascii("ALL");
        } else {
            out.num(id);
        }
    }

    private static void tableMod(PrintContext c, OpenFlow m, int at) {
        Out out = c.out().ascii("\n\t table_id ");
        tableId(out, u8(m, at));
        out.ascii(", config 0x").hex(u32(m, at + 4), 8);
    }

    private static void role(PrintContext c, OpenFlow m, int at) {
        long role = u32(m, at);
        Out out = c.out().ascii("\n\t role ");
        if (role < ROLES.length) {
            out.ascii(ROLES[(int) role]);
        } else {
            out.ascii("invalid (0x").hex(role, 8).ch(')');
        }
        out.ascii(", generation_id 0x").hex(u64(m, at + 8), 16);
    }

    private static void async(PrintContext c, OpenFlow m, int at) {
        Out out = c.out();
        for (int i = 0; i < ASYNC_LABELS.length; i++) {
            long mask = u32(m, at + 4 * i);
            out.ascii(ASYNC_LABELS[i]).hex(mask, 8);
            bitmap(out, i < 2 ? PACKET_IN_REASONS : PORT_REASONS, mask, 7);
        }
    }

    private static void portMod(PrintContext c, OpenFlow m, int at) {
        Out out = c.out().ascii("\n\t port_no ");
        port(out, u32(m, at));
        long mac = mac(m, at + 8);
        out.ascii(", hw_addr ");
        c.mac(mac);
        long config = u32(m, at + 16);
        out.ascii("\n\t  config 0x").hex(config, 8);
        bitmap(out, PORT_CONFIG, config, PORT_CONFIG_ASSIGNED);
        long mask = u32(m, at + 20);
        out.ascii("\n\t  mask 0x").hex(mask, 8);
        bitmap(out, PORT_CONFIG, mask, PORT_CONFIG_ASSIGNED);
        long advertise = u32(m, at + 24);
        out.ascii("\n\t  advertise 0x").hex(advertise, 8);
        bitmap(out, PORT_FEATURES, advertise, 0xffff);
        need(m, at + 28, 4);
    }

    private static void portStatus(PrintContext c, OpenFlow m, int at) {
        int reason = u8(m, at);
        // tcpdump's format for an unknown reason has no conversion, so it prints as written
        c.out().ascii("\n\t reason ").ascii(reason < PORT_REASONS.length ? PORT_REASONS[reason] : "invalid (0x02x)");
        port(c, m, at + 8);
    }

    /** A port's description: number, address and name, and with {@code -vv} its configuration, state and speeds. */
    private static void port(PrintContext c, OpenFlow m, int at) {
        Out out = c.out().ascii("\n\t  port_no ");
        port(out, u32(m, at));
        long mac = mac(m, at + 8);
        out.ascii(", hw_addr ");
        c.mac(mac);
        out.ascii(", name '");
        CheckedReads.textToNul(out, m, at + 16, PORT_NAME_LENGTH);
        out.ch('\'');
        int rest = at + 16 + PORT_NAME_LENGTH;
        if (c.verbose() < 2) {
            need(m, rest, 32);
            return;
        }
        long config = u32(m, rest);
        out.ascii("\n\t   config 0x").hex(config, 8);
        bitmap(out, PORT_CONFIG, config, PORT_CONFIG_ASSIGNED);
        long state = u32(m, rest + 4);
        out.ascii("\n\t   state 0x").hex(state, 8);
        bitmap(out, PORT_STATE, state, 7);
        String[] labels = {"\n\t   curr 0x", "\n\t   advertised 0x", "\n\t   supported 0x", "\n\t   peer 0x"};
        for (int i = 0; i < labels.length; i++) {
            long features = u32(m, rest + 8 + 4 * i);
            out.ascii(labels[i]).hex(features, 8);
            bitmap(out, PORT_FEATURES, features, 0xffff);
        }
        out.ascii("\n\t   curr_speed ").num(u32(m, rest + 24)).ascii("kbps");
        out.ascii("\n\t   max_speed ").num(u32(m, rest + 28)).ascii("kbps");
    }
}
