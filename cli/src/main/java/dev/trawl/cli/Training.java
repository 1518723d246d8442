package dev.trawl.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * The training run behind the launcher's ahead-of-time cache ({@code -XX:AOTCacheOutput}): runs the tool's
 * common paths over a capture in one JVM, output discarded, so that the cache holds the classes and linked
 * call sites that real runs need. Not part of the command line; the launcher invokes it with
 * {@code -Dtrawl.training=CAPTURE}.
 */
final class Training {
    private Training() {
    }

    static void run(String capture) {
        List<List<String>> lines = List.of(
                List.of("-r", capture),
                List.of("-n", "-r", capture),
                List.of("-n", "-e", "-v", "-x", "-r", capture),
                List.of("-tt", "-q", "-r", capture, "ip"),
                List.of("-r", capture, "-T", "fields", "-e", "frame.number", "-e", "ip.src", "-e", "tcp.srcport",
                        "-e", "udp.dstport", "-e", "dns.qry.name", "-E", "header=y"),
                List.of("-n", "-r", capture, "-T", "fields", "-e", "frame.number", "-e", "ip.src", "-e", "ip.dst",
                        "-e", "tcp.srcport", "-e", "udp.dstport"),
                List.of("-r", capture, "-T", "json"),
                List.of("-r", capture, "-T", "ek", "-e", "ip.src", "-e", "dns.qry.name"),
                List.of("-r", capture, "-T", "ek", "-Y", "ip.ttl > 1 and not arp"));
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        for (List<String> args : lines) {
            Trawl.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), sink, sink);
        }
    }
}
