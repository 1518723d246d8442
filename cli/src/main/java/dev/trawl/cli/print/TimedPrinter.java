package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Tsp;

/**
 * The BSD time synchronization protocol as tcpdump prints it:
 * {@code TSP_LOOP vers 1 seq 15498 hopcnt 10 name host.example.com}. Not thread-safe.
 */
final class TimedPrinter implements LayerPrinter {
    private static final String[] TYPES = {"TSP_ANY", "TSP_ADJTIME", "TSP_ACK", "TSP_MASTERREQ", "TSP_MASTERACK",
        "TSP_SETTIME", "TSP_MASTERUP", "TSP_SLAVEUP", "TSP_ELECTION", "TSP_ACCEPT", "TSP_REFUSE", "TSP_CONFLICT",
        "TSP_RESOLVE", "TSP_QUIT", "TSP_DATE", "TSP_DATEREQ", "TSP_DATEACK", "TSP_TRACEON", "TSP_TRACEOFF",
        "TSP_MSITE", "TSP_MSITEREQ", "TSP_TEST", "TSP_SETDATE", "TSP_SETDATEREQ", "TSP_LOOP"};
    private static final int SETTIME = 5;
    private static final int ADJTIME = 1;
    private static final int SETDATE = 22;
    private static final int SETDATEREQ = 23;
    private static final int LOOP = 24;

    private final Tsp view = new Tsp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Tsp t = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        if (!t.has(0, 1)) {
            c.truncated("timed");
            return;
        }
        int type = t.type();
        if (type < TYPES.length) {
            out.ascii(TYPES[type]);
        } else {
            out.ascii("(tsp_type 0x").hex(type).ch(')');
        }
        if (!t.has(1, 3)) {
            c.truncated("timed");
            return;
        }
        out.ascii(" vers ").num(t.version()).ascii(" seq ").num(t.sequence());
        if (type == LOOP) {
            if (!t.has(4, 1)) {
                c.truncated("timed");
                return;
            }
            out.ascii(" hopcnt ").num(t.hopCount());
        } else if (type == SETTIME || type == ADJTIME || type == SETDATE || type == SETDATEREQ) {
            if (!t.has(4, 8)) {
                c.truncated("timed");
                return;
            }
            long sec = t.seconds();
            long usec = t.microseconds();
            if (usec < 0) {
                return;
            }
            out.ascii(" time ");
            if (sec < 0 && usec != 0) {
                sec++;
                if (sec == 0) {
                    out.ch('-');
                }
                usec = 1_000_000 - usec;
            }
            out.num(sec).ch('.').num(usec, 6);
        }
        out.ascii(" name ");
        for (int i = 0; i < Tsp.NAME_LENGTH; i++) {
            if (!t.has(Tsp.NAME_OFFSET + i, 1)) {
                c.truncated("timed");
                return;
            }
            int b = t.byteAt(Tsp.NAME_OFFSET + i);
            if (b == 0) {
                return;
            }
            VrrpPrinter.printable(out, b);
        }
    }
}
