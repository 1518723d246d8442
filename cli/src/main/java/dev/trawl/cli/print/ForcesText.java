package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.u16;
import static dev.trawl.cli.print.CheckedReads.u32;
import static dev.trawl.cli.print.CheckedReads.u8;

import dev.trawl.decode.layer.Forces;

/**
 * ForCES messages (RFC 5810) in SCTP DATA chunks as tcpdump prints them: the message type on a line of its own
 * ({@code ForCES Config }); with {@code -v} the version, length, flags, IDs and correlator; with {@code -vv} the
 * flags spelled out; with {@code -vvv} the TLVs (LFB selectors, operations, path data, results), indented by
 * depth. tcpdump's complaints about malformed TLVs print at every level, its exact words kept. Reads go through
 * {@link CheckedReads}; a read past the capture throws {@link Truncated}, which the SCTP printer turns into
 * {@code [|forces]}. Not thread-safe.
 */
final class ForcesText {
    private static final int TLV_HEADER = 4;
    private static final int ILV_HEADER = 8;

    // message flags: how many top-level TLVs a message carries
    private static final int ZERO_TTLV = 0x01;
    private static final int ZERO_MORE_TTLV = 0x02;
    private static final int ONE_MORE_TTLV = 0x04;
    private static final int T1 = ONE_MORE_TTLV | 0x10;
    private static final int T2 = ONE_MORE_TTLV | 0xF0;

    // operation bits: 1 << (operation - 1)
    private static final int SET = 1;
    private static final int SETPROP = 1 << 1;
    private static final int SETRESP = 1 << 2;
    private static final int SETPRESP = 1 << 3;
    private static final int DEL = 1 << 4;
    private static final int DELRESP = 1 << 5;
    private static final int GET = 1 << 6;
    private static final int GETPROP = 1 << 7;
    private static final int GETRESP = 1 << 8;
    private static final int GETPRESP = 1 << 9;
    private static final int REPORT = 1 << 10;
    private static final int COMMIT = 1 << 11;
    private static final int RCOMMIT = 1 << 12;
    private static final int RTRCOMP = 1 << 13;

    // path-data content bits
    private static final int FULLD = 0x1;
    private static final int SPARD = 0x2;
    private static final int RESTV = 0x4;
    private static final int KEYIN = 0x8;
    private static final int APPND = 0x10;
    private static final int TRNG = 0x20;

    private static final int TLV_REDIRECT = 0x0001;
    private static final int TLV_PATH_DATA = 0x0110;
    private static final int TLV_KEYINFO = 0x0111;
    private static final int TLV_FULLDATA = 0x0112;
    private static final int TLV_SPARSEDATA = 0x0113;
    private static final int TLV_RESULT = 0x0114;
    private static final int TLV_METADATA = 0x0115;
    private static final int TLV_REDIRECTDATA = 0x0116;

    /** What prints a top-level TLV or an operation's body. */
    private enum Body { NONE, LFB_SELECT, TEARDOWN, ASSOCIATION_RESULT, REDIRECT, PATH_DATA, GENERIC, INVALID }

    /** A message type: its name, its top-level TLV flags, the operations allowed in it, and its TLV printer. */
    private record Message(String name, int flags, int operations, Body body) {
    }

    private static final Message SETUP = new Message("Association Setup", ZERO_MORE_TTLV | 0x20, REPORT,
            Body.LFB_SELECT);
    private static final Message TEARDOWN = new Message("Association TearDown", T1, 0, Body.TEARDOWN);
    private static final Message CONFIG = new Message("Config", T2, SET | SETPROP | DEL | COMMIT | RTRCOMP,
            Body.LFB_SELECT);
    private static final Message QUERY = new Message("Query", T2, GET | GETPROP, Body.LFB_SELECT);
    private static final Message EVENT = new Message("Event Notification", T1, REPORT, Body.LFB_SELECT);
    private static final Message REDIRECT = new Message("Packet Redirect", T2, 0, Body.REDIRECT);
    private static final Message HEARTBEAT = new Message("HeartBeat", ZERO_TTLV, 0, Body.NONE);
    private static final Message SETUP_RESPONSE = new Message("Association Response", T1, 0,
            Body.ASSOCIATION_RESULT);
    private static final Message CONFIG_RESPONSE = new Message("Config Response", T2,
            SETRESP | SETPRESP | DELRESP | RCOMMIT, Body.LFB_SELECT);
    private static final Message QUERY_RESPONSE = new Message("Query Response", T2, GETRESP | GETPRESP,
            Body.LFB_SELECT);

    /** Operation TLVs by type (0 and unknown types are the invalid one): name, content bits, body. */
    private static final String[] OPERATION_NAMES = {"Invalid OPTLV", " Set", " SetProp", " SetResp",
        " SetPropResp", " Del", " DelResp", " Get", " GetProp", " GetResp", " GetPropResp", " Report", " Commit",
        " RCommit", " RTRCOMP"};
    private static final int[] OPERATION_CONTENT = {0, FULLD | SPARD, FULLD | SPARD, RESTV, RESTV, 0, RESTV, 0, 0,
        FULLD | SPARD | RESTV, FULLD | RESTV, FULLD | SPARD, 0, RESTV, 0};
    private static final Body[] OPERATION_BODY = {Body.INVALID, Body.PATH_DATA, Body.PATH_DATA, Body.PATH_DATA,
        Body.PATH_DATA, Body.PATH_DATA, Body.PATH_DATA, Body.PATH_DATA, Body.PATH_DATA, Body.PATH_DATA,
        Body.PATH_DATA, Body.PATH_DATA, Body.NONE, Body.GENERIC, Body.NONE};

    private static final String[] TLV_ERRORS = {null, "Invalid total length", "xLV too short", "xLV too long",
        "data padding missing"};
    private static final String[] RESULTS = {"SUCCESS", "INVALID HEADER", "LENGTH MISMATCH", "VERSION MISMATCH",
        "INVALID DESTINATION PID", "LFB UNKNOWN", "LFB NOT FOUND", "LFB INSTANCE ID NOT FOUND", "INVALID PATH",
        "COMPONENT DOES NOT EXIST", "EXISTS ALREADY", "NOT FOUND", "READ ONLY", "INVALID ARRAY CREATION",
        "VALUE OUT OF RANGE", "CONTENTS TOO LONG", "INVALID PARAMETERS", "INVALID MESSAGE TYPE", "INVALID FLAGS",
        "INVALID TLV", "EVENT ERROR", "NOT SUPPORTED", "MEMORY ERROR", "INTERNAL ERROR"};
    private static final String[] TEARDOWN_REASONS = {"Normal Teardown", "Loss of Heartbeats", "Out of bandwidth",
        "Out of Memory", "Application Crash"};
    private static final String[] ACKS = {"NoACK", "SuccessACK", "FailureACK", "AlwaysACK"};
    private static final String[] EXECUTION_MODES = {"EMReserved", "execute-all-or-none", "execute-until-failure",
        "continue-execute-on-failure"};
    private static final String[] ATOMICITY = {"Standalone", "2PCtransaction"};
    private static final String[] TRANSACTION_PHASES = {"StartofTransaction", "MiddleofTransaction",
        "EndofTransaction", "abort"};
    private static final String SPACES = " ".repeat(256);

    private final Forces view = new Forces();
    private Out out;
    private int verbose;
    private Forces m;

    /**
     * Prints the ForCES message of {@code length} bytes at absolute index {@code from} of {@code buffer}, whose
     * captured bytes end at {@code end}.
     *
     * @throws Truncated when a field tcpdump reads was not captured (the caller writes {@code [|forces]})
     */
    void print(PrintContext c, java.nio.ByteBuffer buffer, int from, int end, int length) {
        out = c.out();
        verbose = c.verbose();
        m = view.wrap(buffer, from, Math.min(length, Math.max(0, end - from)));
        if (!m.has(0, Forces.HEADER_LENGTH)) {
            trunc();
            return;
        }
        int type = m.messageType();
        if (!typeValid(type)) {
            out.ascii("Invalid ForCES message type ").num(type).ch('\n');
            error(length);
            return;
        }
        int messageLength = m.messageLength();
        Message message = message(type);
        if (message == null) {
            out.ascii("\n\tUnknown ForCES message type=0x").hex(type);
            error(length);
            return;
        }
        out.ascii("\n\tForCES ").ascii(message.name()).ch(' ');
        if (length < Forces.HEADER_LENGTH || messageLength < Forces.HEADER_LENGTH || messageLength != length) {
            out.ascii("Illegal ForCES pkt len - min ").num(Forces.HEADER_LENGTH).ascii(", total recvd ")
                    .num(length).ascii(", advertised ").num(messageLength).ch(' ');
            error(length);
            return;
        }
        long flags = m.flags();
        if (verbose >= 1) {
            out.ascii("\n\tForCES Version ").num(m.version()).ascii(" len ").num(messageLength)
                    .ascii("B flags 0x").hex(flags, 8).ascii(" \n\tSrcID 0x").hex(m.sourceId()).ch('(')
                    .ascii(node(m.sourceId())).ascii(") DstID 0x").hex(m.destinationId()).ch('(')
                    .ascii(node(m.destinationId())).ascii(") Correlator 0x").hex(m.correlator());
        }
        if (verbose >= 2) {
            int ack = (int) (flags >>> 30) & 3;
            int em = (int) (flags >>> 22) & 3;
            int at = (int) (flags >>> 21) & 1;
            int tp = (int) (flags >>> 19) & 3;
            out.ascii("\n\tForCES flags:\n\t  ").ascii(ACKS[ack]).ascii("(0x").hex(ack).ascii("), prio=")
                    .num((flags >>> 27) & 7).ascii(", ").ascii(EXECUTION_MODES[em]).ascii("(0x").hex(em)
                    .ascii("),\n\t  ").ascii(ATOMICITY[at]).ascii("(0x").hex(at).ascii("), ")
                    .ascii(TRANSACTION_PHASES[tp]).ascii("(0x").hex(tp).ascii(")\n");
            out.ascii("\t  Extra flags: rsv(b5-7) 0x").hex((flags >>> 24) & 7).ascii(" rsv(b13-31) 0x")
                    .hex(flags & 0x7FFFF).ch('\n');
        }
        if (topLevel(messageLength, message) < 0) {
            error(length);
            return;
        }
        if (verbose >= 4) {
            out.ascii("\n\t  Raw ForCES message\n\t [");
            hex("\n\t ", 0, length);
            out.ascii("\n\t ]");
        }
    }

    /** A message tcpdump gives up on is dumped whole. */
    private void error(int length) {
        hex("\n\t[", 0, length);
        out.ascii("\n\t]");
    }

    /** tcpdump's marker for a check of captured bytes that fails inside the message; the caller goes on. */
    private int trunc() {
        out.ascii(" [|forces]");
        return -1;
    }

    private static boolean typeValid(int type) {
        return type > 0 && !(type >= 0x7 && type <= 0xe) && type != 0x10 && type <= 0x14;
    }

    private static Message message(int type) {
        return switch (type) {
            case 0x1 -> SETUP;
            case 0x2 -> TEARDOWN;
            case 0x3 -> CONFIG;
            case 0x4 -> QUERY;
            case 0x5 -> EVENT;
            case 0x6 -> REDIRECT;
            case 0xF -> HEARTBEAT;
            case 0x11 -> SETUP_RESPONSE;
            case 0x13 -> CONFIG_RESPONSE;
            case 0x14 -> QUERY_RESPONSE;
            default -> null;
        };
    }

    private static String node(long id) {
        if (id <= 0x3FFFFFFFL) {
            return "FE";
        }
        if (id <= 0x7FFFFFFFL) {
            return "CE";
        }
        if (id >= 0xC0000000L && id <= 0xFFFFFFEFL) {
            return "AllMulticast";
        }
        if (id == 0xFFFFFFFDL) {
            return "AllCEsBroadcast";
        }
        if (id == 0xFFFFFFFEL) {
            return "AllFEsBroadcast";
        }
        return id == 0xFFFFFFFFL ? "AllBroadcast" : "ForCESreserved";
    }

    private static int aligned(long length) {
        return (int) Math.min(Integer.MAX_VALUE, (length + 3) & ~3L);
    }

    /** tcpdump's TLV check: 0 when a TLV of {@code tlvLength} fits in {@code remaining}, else the error. */
    private static int tlvCheck(int tlvLength, int remaining) {
        if (remaining < TLV_HEADER) {
            return 1;
        }
        if (tlvLength < TLV_HEADER) {
            return 2;
        }
        if (tlvLength > remaining) {
            return 3;
        }
        return remaining < aligned(tlvLength) ? 4 : 0;
    }

    private int ilvCheck(int at, int remaining) {
        if (remaining < ILV_HEADER) {
            return 1;
        }
        long length = u32(m, at + 4);
        if (length < ILV_HEADER) {
            return 2;
        }
        if (length > remaining) {
            return 3;
        }
        return remaining < aligned(length) ? 4 : 0;
    }

    private static boolean topTypeValid(int type) {
        return type == 1 || type == 0x1000 || type == 0x10 || type == 0x11 || (type >= 0x110 && type <= 0x116);
    }

    private void tlvName(int type) {
        String name = switch (type) {
            case 0 -> "Invalid TLV";
            case TLV_REDIRECT -> "REDIRECT TLV";
            case 0x10 -> "ASResult TLV";
            case 0x11 -> "ASTreason TLV";
            case 0x1000 -> "LFBselect TLV";
            case TLV_PATH_DATA -> "PATH-DATA TLV";
            case TLV_KEYINFO -> "KEYINFO TLV";
            case TLV_FULLDATA -> "FULLDATA TLV";
            case TLV_SPARSEDATA -> "SPARSEDATA TLV";
            case TLV_RESULT -> "RESULT TLV";
            case TLV_METADATA -> "METADATA TLV";
            case TLV_REDIRECTDATA -> "REDIRECTDATA TLV";
            default -> null;
        };
        unknownOr(name, type);
    }

    private void unknownOr(String name, long value) {
        if (name != null) {
            out.ascii(name);
        } else {
            out.ch('#').num((int) value);
        }
    }

    private void errorName(int error) {
        unknownOr(error > 0 && error < TLV_ERRORS.length ? TLV_ERRORS[error] : null, error);
    }

    /** {@code n} spaces, after a newline (which takes one of them) when {@code newline}. */
    private void indent(int n, boolean newline) {
        n = Math.min(n, 255);
        if (newline) {
            out.ch('\n');
            n--;
        }
        if (n > 0) {
            out.text(SPACES, 0, n);
        }
    }

    private String indentText(int n, boolean newline) {
        n = Math.min(n, 255);
        String spaces = SPACES.substring(0, Math.max(0, newline ? n - 1 : n));
        return newline ? "\n" + spaces : spaces;
    }

    /** tcpdump's hex_print: 16 bytes a line, each line after {@code prefix}, no ASCII. */
    private void hex(String prefix, int at, long length) {
        long captured = Math.max(0, m.remaining(at));
        boolean cut = length > captured;
        int n = (int) Math.min(length, captured);
        int i = 0;
        int offset = 0;
        for (int k = 0; k + 1 < n; k += 2) {
            if (i++ % 8 == 0) {
                out.ascii(prefix).ascii("0x").hex(offset, 4).ascii(": ");
                offset += 16;
            }
            out.ch(' ').hex2(m.byteAt(at + k)).hex2(m.byteAt(at + k + 1));
        }
        if ((n & 1) != 0) {
            if (i % 8 == 0) {
                out.ascii(prefix).ascii("0x").hex(offset, 4).ascii(": ");
            }
            out.ch(' ').hex2(m.byteAt(at + n - 1));
        }
        if (cut) {
            throw Truncated.INSTANCE;
        }
    }

    private int topLevel(int messageLength, Message message) {
        int remaining = messageLength - Forces.HEADER_LENGTH;
        int flags = message.flags();
        if (remaining > TLV_HEADER) {
            if ((flags & ZERO_TTLV) != 0) {
                out.ascii("<0x").hex(flags).ascii(">Illegal Top level TLV!\n");
                return -1;
            }
        } else {
            if ((flags & ZERO_MORE_TTLV) != 0) {
                return 0;
            }
            if ((flags & ONE_MORE_TTLV) != 0) {
                out.ascii("\tTop level TLV Data missing!\n");
                return -1;
            }
        }
        if ((flags & ZERO_TTLV) != 0) {
            return 0;
        }
        int count = flags >> 4;
        int at = Forces.HEADER_LENGTH;
        while (remaining != 0) {
            int type = u16(m, at);
            int tlvLength = u16(m, at + 2);
            if (tlvCheck(tlvLength, remaining) != 0) {
                break;
            }
            if (!topTypeValid(type)) {
                out.ascii("\n\tInvalid ForCES Top TLV type=0x").hex(type);
                return -1;
            }
            if (verbose >= 3) {
                out.ch('\t');
                tlvName(type);
                out.ascii(", length ").num(tlvLength).ascii(" (data length ").num(tlvLength - TLV_HEADER)
                        .ascii(" Bytes)");
            }
            if (body(message.body(), at + TLV_HEADER, tlvLength, message.operations(), 9) < 0) {
                return -1;
            }
            at += aligned(tlvLength);
            remaining -= aligned(tlvLength);
            count--;
            if (count == 0) {
                break;
            }
        }
        if (remaining != 0) {
            out.ascii("\tMess TopTLV header: min ").num(TLV_HEADER).ascii(", total ").num(remaining)
                    .ascii(" advertised ").num(u16(m, at + 2)).ch(' ');
            return -1;
        }
        return 0;
    }

    private int body(Body body, int at, int length, int operations, int indent) {
        return switch (body) {
            case LFB_SELECT -> lfbSelect(at, length, operations, indent);
            case TEARDOWN -> teardown(at, length, indent);
            case ASSOCIATION_RESULT -> associationResult(at, length, indent);
            case REDIRECT -> redirect(at, length, indent);
            case PATH_DATA -> pathDataTlvs(at, length, operations, indent);
            case GENERIC -> generic(at, length, operations, indent);
            case INVALID -> invalidOperation(at, length, indent);
            case NONE -> 0;
        };
    }

    private int lfbSelect(int at, int length, int operations, int indent) {
        int dataLength = length - TLV_HEADER;
        if (dataLength <= 12) {
            out.ascii("\n\t\ttruncated lfb selector: ").num(12 - dataLength).ascii(" bytes missing! ");
            return -1;
        }
        int remaining = dataLength - 8;
        if (!m.has(at, 8)) {
            return trunc();
        }
        if (verbose >= 3) {
            long lfbClass = m.intAt(at);
            out.ch('\n');
            indent(indent, false);
            unknownOr(lfbClass == 0 ? "Invalid TLV" : lfbClass == 1 ? "FEObj LFB" : lfbClass == 2
                    ? "FEProtoObj LFB" : null, lfbClass);
            out.ascii("(Classid ").hex(lfbClass).ascii(") instance ").hex(m.intAt(at + 4)).ch('\n');
        }
        int o = at + 8;
        indent++;
        while (remaining != 0) {
            int type = u16(m, o);
            int tlvLength = u16(m, o + 2);
            if (tlvCheck(tlvLength, remaining) != 0) {
                break;
            }
            if (operationValid(type, operations)) {
                operation(o, indent);
            } else {
                if (verbose < 3) {
                    out.ch('\n');
                }
                out.ascii("\t\tINValid oper-TLV type 0x").hex(type).ascii(" length ").num(tlvLength)
                        .ascii(" for this ForCES message\n");
                invalidOperation(o, remaining, indent);
            }
            o += aligned(tlvLength);
            remaining -= aligned(tlvLength);
        }
        if (remaining != 0) {
            messy("oper", o, remaining);
            return -1;
        }
        return 0;
    }

    private void messy(String what, int at, int remaining) {
        out.ascii("\n\t\tMessy ").ascii(what).ascii(" TLV header, type (0x").hex(u16(m, at))
                .ascii(")\n\t\texcess of ").num((remaining - u16(m, at + 2)) & 0xFFFFFFFFL).ascii(" Bytes ");
    }

    private static boolean operationValid(int type, int operations) {
        if (type == 0) {
            return false;
        }
        if (type < OPERATION_NAMES.length) {
            return ((1 << (type - 1)) & operations) != 0;
        }
        return type >= 0x8000;
    }

    private int operation(int at, int indent) {
        int type = u16(m, at);
        int length = u16(m, at + 2);
        int dataLength = length - TLV_HEADER;
        int index = type < OPERATION_NAMES.length ? type : 0;
        String name = OPERATION_NAMES[index];
        if (verbose >= 3) {
            indent(indent, false);
            out.ascii("Oper TLV ").ascii(name).ascii("(0x").hex(type).ascii(") length ").num(length).ch('\n');
        }
        if (dataLength < 8) {
            out.ascii("\t\tOper TLV ").ascii(name).ascii("(0x").hex(type).ascii(") length ").num(length)
                    .ch('\n');
            out.ascii("\t\tTruncated data size ").num(dataLength).ascii(" minimum required 8\n");
            return invalidOperation(at + TLV_HEADER, dataLength, indent);
        }
        return body(OPERATION_BODY[index], at + TLV_HEADER, dataLength, OPERATION_CONTENT[index], indent + 1);
    }

    private int invalidOperation(int at, int length, int indent) {
        if (verbose >= 3) {
            String prefix = indentText(indent, true);
            out.text(prefix, 1, prefix.length()).ascii("Data[");
            hex(prefix, at, length);
            out.ascii(prefix).ascii("]\n");
        }
        return -1;
    }

    private int pathDataTlvs(int at, int length, int operations, int indent) {
        int p = at;
        while (length != 0) {
            int tlvLength = u16(m, p + 2);
            if (tlvCheck(tlvLength, length) != 0) {
                break;
            }
            int type = u16(m, p);
            if (verbose >= 3) {
                indent(indent, false);
                tlvName(type);
                out.ascii(", length ").num(tlvLength).ascii(" (data encapsulated ").num(tlvLength - TLV_HEADER)
                        .ascii(" Bytes)");
            }
            if (pathData(p + TLV_HEADER, tlvLength - TLV_HEADER, operations, indent + 1) == -1) {
                return -1;
            }
            p += aligned(tlvLength);
            length -= aligned(tlvLength);
        }
        if (length != 0) {
            messy("PATHDATA", p, length);
            return -1;
        }
        return 0;
    }

    private int pathData(int at, int length, int operations, int indent) {
        if (!m.has(at, 4) || length < 4) {
            return trunc();
        }
        int pathFlags = m.shortAt(at);
        int ids = m.shortAt(at + 2);
        if (verbose >= 3) {
            out.ch('\n');
            indent(indent, false);
            out.ascii("Pathdata: Flags 0x").hex(pathFlags).ascii(" ID count ").num(ids).ch('\n');
        }
        if ((pathFlags & 1) != 0) {
            operations |= KEYIN;
        }
        if ((pathFlags & 2) != 0) {
            operations |= TRNG;
        }
        if ((pathFlags & 4) != 0) {
            operations |= APPND;
        }
        at += 4;
        length -= 4;
        if (length < ids * 4) {
            out.ascii("\t\t\ttruncated IDs expected ").num(ids * 4).ascii("B got ").num(length).ascii("B\n");
            hex("\t\t\tID Data[", at, length);
            out.ascii("]\n");
            return -1;
        }
        if ((operations & TRNG) != 0 && (operations & KEYIN) != 0) {
            out.ascii("\t\t\tIllegal to have both Table ranges and keys\n");
            return -1;
        }
        int more = pathDataContent(at, length, ids, operations, indent);
        if (more > 0) {
            return pathDataTlvs(at + length - more, more, operations, indent + 1);
        }
        return 0; // tcpdump passes no failure of the content up from here
    }

    private int pathDataContent(int at, int length, int ids, int operations, int indent) {
        if ((operations & APPND) != 0 && verbose >= 3) {
            indent(indent, false);
            out.ascii("TABLE APPEND\n");
        }
        for (int i = 0; i < ids; i++) {
            if (!m.has(at, 4) || length < 4) {
                return trunc();
            }
            long id = u32(m, at);
            if (verbose >= 3) {
                indent(indent, false);
                out.ascii("ID#").num(i + 1, 2).ascii(": ").num(id).ch('\n');
            }
            length -= 4;
            at += 4;
        }
        if ((operations & TRNG) != 0) {
            if (length < 12) {
                out.ascii("pathlength ").num(length).ascii(" with key/range too short 12\n");
                return -1;
            }
            long start = u32(m, at + 4);
            long stop = u32(m, at + 8);
            at += 12;
            length -= 12;
            if (verbose >= 3) {
                indent(indent, false);
                out.ascii("Table range: [").num(start).ch(',').num(stop).ascii("]\n");
            }
        }
        if ((operations & KEYIN) != 0) {
            if (length < 12) {
                out.ascii("pathlength ").num(length).ascii(" with key/range too short 12\n");
                return -1;
            }
            int key = at + 4;
            at += 8;
            length -= 8;
            int keyLength = u16(m, key + 2);
            if (keyLength < TLV_HEADER) {
                out.ascii("key content length ").num(keyLength).ascii(" < 4\n");
                return -1;
            }
            keyLength -= TLV_HEADER;
            if (length < keyLength) {
                out.ascii("key content too short\n");
                return -1;
            }
            at += keyLength;
            length -= keyLength;
        }
        if (length != 0) {
            int type = u16(m, at);
            int tlvLength = u16(m, at + 2);
            int error = tlvCheck(tlvLength, length);
            if (error != 0) {
                errorName(error);
                out.ascii(" Outstanding bytes ").num(length).ascii(" for TLV type 0x").hex(type)
                        .ascii(" TLV len ").num(tlvLength).ch('\n');
                return badData(at, length, tlvLength, length);
            }
            int dataLength = tlvLength - TLV_HEADER;
            int padded = aligned(tlvLength);
            int pad = 0;
            if (padded > tlvLength) {
                if (padded > length) {
                    out.ascii("Invalid padded pathdata TLV type 0x").hex(type).ascii(" len ").num(tlvLength)
                            .ascii(" missing ").num(padded - length).ascii(" pad bytes\n");
                } else {
                    pad = padded - tlvLength;
                }
            }
            if (type >= TLV_PATH_DATA && type <= TLV_RESULT) {
                if (verbose >= 3 && type != TLV_PATH_DATA) {
                    indent(indent, false);
                    out.ascii("  ");
                    tlvName(type);
                    out.ascii(" (Length ").num(tlvLength).ascii(" DataLen ").num(dataLength);
                    if (pad != 0) {
                        out.ascii(" pad ").num(pad);
                    }
                    out.ascii(" Bytes)\n");
                }
                checkOperationType(type, operations);
                int whole = dataLength + pad + TLV_HEADER;
                if (content(type, at, whole, operations, indent + 2) == -1) {
                    return -1;
                }
                length -= whole;
            } else {
                out.ascii("Invalid path data content type 0x").hex(type).ascii(" len ").num(tlvLength).ch('\n');
                return badData(at, length, tlvLength, length);
            }
        }
        return length;
    }

    private int badData(int at, int length, int tlvLength, int remaining) {
        if (tlvLength != 0) {
            hex("Bad Data val\n\t  [", at, length);
            out.ascii("]\n");
            return -1;
        }
        return remaining;
    }

    private void checkOperationType(int type, int operations) {
        if (type == TLV_PATH_DATA) {
            return;
        }
        if ((operations & KEYIN) != 0) {
            if (type != TLV_KEYINFO) {
                out.ascii("Based on flags expected KEYINFO TLV!\n");
            }
            return;
        }
        int expected = switch (type) {
            case TLV_FULLDATA -> FULLD;
            case TLV_SPARSEDATA -> SPARD;
            case TLV_RESULT -> RESTV;
            default -> 0;
        };
        if ((operations & expected) == 0) {
            out.ascii("Illegal DATA encoding for type 0x").hex(type).ascii(" programmed ").hex(expected)
                    .ascii(" got ").hex(operations).ch('\n');
        }
    }

    private int content(int type, int at, int length, int operations, int indent) {
        return switch (type) {
            case TLV_PATH_DATA -> pathDataTlvs(at, length, operations, indent);
            case TLV_KEYINFO -> keyInfo(at, length, indent);
            case TLV_FULLDATA -> fullData(at, length, indent);
            case TLV_SPARSEDATA -> sparseData(at, length, indent);
            default -> result(at, length, indent);
        };
    }

    private int result(int at, int length, int indent) {
        int dataLength = length - TLV_HEADER;
        if (dataLength != 4) {
            out.ascii("illegal RESULT-TLV: ").num(dataLength & 0xFFFFFFFFL).ascii(" bytes!\n");
            return -1;
        }
        if (!m.has(at + TLV_HEADER, 4)) {
            return trunc();
        }
        int result = m.byteAt(at + TLV_HEADER);
        if (result >= 0x18 && result <= 0xFE) {
            out.ascii("illegal reserved result code: 0x").hex(result).ascii("!\n");
            return -1;
        }
        if (verbose >= 3) {
            indent(indent, false);
            out.ascii("  Result: ");
            unknownOr(result < RESULTS.length ? RESULTS[result] : result == 0xFF ? "UNSPECIFIED ERROR" : null,
                    result);
            out.ascii(" (code 0x").hex(result).ascii(")\n");
        }
        return 0;
    }

    private int fullData(int at, int length, int indent) {
        int dataLength = length - TLV_HEADER;
        if (!m.has(at, TLV_HEADER)) {
            return trunc();
        }
        if (m.shortAt(at) != TLV_FULLDATA) {
            out.ascii("Error: expecting FULLDATA!\n");
            return -1;
        }
        if (verbose >= 3) {
            String prefix = indentText(indent + 2, true);
            out.text(prefix, 1, prefix.length()).ch('[');
            hex(prefix, at + TLV_HEADER, dataLength & 0xFFFFFFFFL);
            out.ch('\n').text(prefix, 1, prefix.length()).ch(']');
        }
        return 0;
    }

    private int sparseData(int at, int length, int indent) {
        int dataLength = length - TLV_HEADER;
        if (!m.has(at, TLV_HEADER)) {
            return trunc();
        }
        if (m.shortAt(at) != TLV_SPARSEDATA) {
            out.ascii("Error: expecting SPARSEDATA!\n");
            return -1;
        }
        if (dataLength < ILV_HEADER) {
            out.ascii("Error: BAD SPARSEDATA-TLV!\n");
            return -1;
        }
        int p = at + TLV_HEADER;
        int remaining = dataLength;
        indent++;
        while (remaining != 0) {
            int error = ilvCheck(p, remaining);
            if (error != 0) {
                out.ascii("Error: ");
                errorName(error);
                out.ascii(", rlen ").num(remaining).ch('\n');
                return -1;
            }
            long ilvLength = u32(m, p + 4);
            if (verbose >= 3) {
                out.ch('\n');
                indent(indent - 1, false);
                out.ascii(" ILV: type ").hex(u32(m, p)).ascii(" length ").num(ilvLength).ch('\n');
                hex("\t\t[", p + ILV_HEADER, ilvLength - ILV_HEADER);
            }
            p += aligned(ilvLength);
            remaining -= aligned(ilvLength);
        }
        return 0;
    }

    private int keyInfo(int at, int length, int indent) {
        int key = at + TLV_HEADER + 4;
        long id = u32(m, at + TLV_HEADER);
        indent(indent, false);
        out.ascii("Keyinfo: Key 0x").hex(id).ch('\n');
        int type = u16(m, key);
        int keyLength = u16(m, key + 2);
        int error = tlvCheck(keyLength, length);
        if (error != 0) {
            errorName(error);
            out.ascii(" TLV type 0x").hex(type).ascii(" len ").num(keyLength).ch('\n');
            return -1;
        }
        return fullData(key + TLV_HEADER, keyLength, indent);
    }

    private int generic(int at, int length, int operations, int indent) {
        int type = u16(m, at);
        int tlvLength = u16(m, at + 2);
        int error = tlvCheck(tlvLength, length);
        out.ascii("genoptlvprint - ");
        tlvName(type);
        out.ascii(" TLV type 0x").hex(type).ascii(" len ").num(tlvLength).ch('\n');
        if (error != 0) {
            out.ascii("\t\t\tInvalid ForCES TLV type=").hex(type);
            return -1;
        }
        if (!topTypeValid(type)) {
            errorName(error);
            out.ascii(" TLV type 0x").hex(type).ascii(" len ").num(tlvLength).ch('\n');
            return -1;
        }
        if (verbose >= 3) {
            indent(indent, false);
            tlvName(type);
            out.ascii(", length ").num(tlvLength).ascii(" (data length ").num(tlvLength - TLV_HEADER)
                    .ascii(" Bytes)");
        }
        return pathData(at + TLV_HEADER, tlvLength - TLV_HEADER, operations, indent + 1);
    }

    private int teardown(int at, int length, int indent) {
        int dataLength = length - TLV_HEADER;
        if (dataLength != 4) {
            out.ascii("illegal ASTresult-TLV: ").num(dataLength & 0xFFFFFFFFL).ascii(" bytes!\n");
            return -1;
        }
        long code = u32(m, at);
        if (code > 255) {
            out.ascii("illegal ASTresult result code: ").num(code).ascii("!\n");
            return -1;
        }
        if (verbose >= 3) {
            out.ascii("Teardown reason:\n");
            indent(indent, false);
            out.ascii(code < TEARDOWN_REASONS.length ? TEARDOWN_REASONS[(int) code] : "Unknown Teardown reason");
            out.ch('(').hex(code).ascii(")\n");
            indent(indent, false);
        }
        return 0;
    }

    private int associationResult(int at, int length, int indent) {
        int dataLength = length - TLV_HEADER;
        if (dataLength != 4) {
            out.ascii("illegal ASRresult-TLV: ").num(dataLength & 0xFFFFFFFFL).ascii(" bytes!\n");
            return -1;
        }
        long code = u32(m, at);
        if (code > 3) {
            out.ascii("illegal ASRresult result code: ").num(code).ascii("!\n");
            return -1;
        }
        if (verbose >= 3) {
            out.ch('\n');
            indent(indent, false);
            out.ascii(code == 0 ? "Success " : code == 1 ? "FE ID invalid " : code == 2 ? "permission denied "
                    : "Unknown ");
            out.ch('(').hex(code).ascii(")\n");
            indent(indent, false);
        }
        return 0;
    }

    private int redirect(int at, int length, int indent) {
        int dataLength = length - TLV_HEADER;
        if (dataLength <= 8) {
            out.ascii("\n\t\ttruncated Redirect TLV: ").num(8 - dataLength).ascii(" bytes missing! ");
            return -1;
        }
        int remaining = dataLength;
        indent++;
        int t = at;
        while (remaining != 0) {
            int type = u16(m, t);
            int tlvLength = u16(m, t + 2);
            if (tlvCheck(tlvLength, remaining) != 0) {
                out.ascii("Bad Redirect data\n");
                break;
            }
            if (type == TLV_METADATA) {
                metadata(t + TLV_HEADER, tlvLength, indent);
            } else if (type == TLV_REDIRECTDATA) {
                redirectData(t + TLV_HEADER, tlvLength, indent);
            } else {
                out.ascii("Unknown REDIRECT TLV 0x").hex(type).ascii(" len ").num(tlvLength).ch('\n');
            }
            t += aligned(tlvLength);
            remaining -= aligned(tlvLength);
        }
        if (remaining != 0) {
            messy("Redirect", t, remaining);
            return -1;
        }
        return 0;
    }

    private void metadata(int at, int length, int indent) {
        int remaining = length - TLV_HEADER;
        out.ch('\n');
        indent(indent, false);
        out.ascii(" METADATA length ").num(remaining).ch('\n');
        int p = at;
        while (remaining != 0) {
            if (ilvCheck(p, remaining) != 0) {
                break;
            }
            long ilvLength = u32(m, p + 4);
            indent(indent + 1, false);
            out.ascii("MetaID 0x").hex(u32(m, p)).ascii(" length ").num(ilvLength).ch('\n');
            if (verbose >= 3) {
                hex("\t\t[", p + ILV_HEADER, ilvLength - ILV_HEADER);
                out.ascii(" ]\n");
            }
            p += aligned(ilvLength);
            remaining -= aligned(ilvLength);
        }
    }

    private void redirectData(int at, int length, int indent) {
        int dataLength = length - TLV_HEADER;
        out.ch('\n');
        indent(indent, false);
        out.ascii(" Redirect Data length ").num(dataLength).ch('\n');
        if (verbose >= 3) {
            out.ascii("\t\t[");
            hex("\n\t\t", at, dataLength);
            out.ascii("\n\t\t]");
        }
    }
}
