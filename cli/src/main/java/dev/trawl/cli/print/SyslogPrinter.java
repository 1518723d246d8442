package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Syslog;

/**
 * BSD syslog messages as tcpdump prints them: {@code SYSLOG kernel.notice, length: 51}, and with {@code -v} the
 * facility and severity by name and number and the message text on lines of their own. Not thread-safe.
 */
final class SyslogPrinter implements LayerPrinter {
    private static final String[] FACILITIES = {"kernel", "user", "mail", "daemon", "auth", "syslog", "lpr",
        "news", "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "cron", "local0", "local1",
        "local2", "local3", "local4", "local5", "local6", "local7"};
    private static final String[] SEVERITIES = {"emergency", "alert", "critical", "error", "warning", "notice",
        "info", "debug"};

    private final Syslog syslog = new Syslog();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        print(c, p.offset(layer), p.layerEnd(layer), UdpPrinter.ipPayloadLength(c, layer, c.network(layer)));
    }

    /**
     * Prints the message at absolute index {@code from}, captured up to {@code to}, of {@code length} bytes as
     * the headers state them: what tcpdump prints on port 514 where decode named no message (an empty datagram
     * whose IP packet holds more bytes).
     */
    void print(PrintContext c, int from, int to, int length) {
        Syslog s = syslog.wrap(c.packet().buffer(), from, Math.max(0, to - from));
        Out out = c.out();
        int facility = s.facility();
        if (facility < 0) {
            if (s.priorityCut()) {
                c.truncated("syslog");
            } else {
                out.ascii(" (invalid)");
            }
            return;
        }
        int severity = s.severity();
        if (c.verbose() == 0) {
            out.ascii("SYSLOG ").ascii(facility(facility)).ch('.').ascii(SEVERITIES[severity])
                    .ascii(", length: ").num(length);
            return;
        }
        out.ascii("SYSLOG, length: ").num(length).ascii("\n\tFacility ").ascii(facility(facility)).ascii(" (")
                .num(facility).ascii("), Severity ").ascii(SEVERITIES[severity]).ascii(" (").num(severity)
                .ascii(")\n\tMsg: ");
        int text = s.messageOffset();
        int n = length - text;
        int captured = s.remaining(text);
        TlvText.text(out, s, text, Math.min(n, captured));
        if (captured < n) {
            c.truncated("syslog");
        }
    }

    private static String facility(int f) {
        return f < FACILITIES.length ? FACILITIES[f] : "unknown (" + f + ")";
    }
}
