package dev.trawl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code trawl} command: tcpdump's options for capturing, reading, writing and printing packets,
 * tshark's {@code -T fields/json/ek}, {@code -e}, {@code -E} and {@code -Y} for decoded fields, and trawl's own
 * backend and filter tools. Run {@code trawl --help} for the list.
 *
 * <p>Data goes to standard output and diagnostics to standard error. Errors print one message (a caret
 * line for filter expressions) and exit with status 1; usage errors exit with 2. {@code --debug} adds stack
 * traces. An instance handles one command line; not thread-safe.
 */
@Command(name = "trawl", sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionInfo.class,
        subcommands = {StatsCommand.class, ExampleCommand.class},
        description = {"Capture, read, write, filter and decode packets, as tcpdump and tshark do.",
            "With no arguments, prints the bundled sample capture."},
        footer = {"", "Examples:",
            "  trawl -r capture.pcap -n 'tcp port 80'",
            "  trawl -i eth0 -c 10 -w out.pcap",
            "  trawl -r capture.pcapng -T fields -e frame.number -e ip.src -e ip.dst -E header=y",
            "  trawl -r capture.pcap -Y 'dns and ip.ttl > 10' -T json",
            "  trawl stats capture.pcap"})
public final class Trawl implements Callable<Integer> {
    // --- tcpdump: what to read
    @Option(names = "-r", paramLabel = "FILE", description = "Read packets from a pcap, pcapng or gzip file; '-' for standard input.")
    String readFile;
    @Option(names = "-i", paramLabel = "IF", description = "Capture live on this interface.")
    String device;
    @Option(names = "-c", paramLabel = "N", description = "Stop after N packets.")
    long count;
    @Option(names = "-s", paramLabel = "SNAPLEN", description = "Capture at most SNAPLEN bytes of each packet (0: 262144).")
    Integer snaplen;
    @Option(names = "-p", description = "Do not put the interface in promiscuous mode.")
    boolean noPromiscuous;
    @Option(names = "-B", paramLabel = "KiB", description = "The kernel buffer size, in KiB.")
    int bufferKib;
    @Option(names = "--immediate-mode", description = "Deliver packets as soon as they arrive.")
    boolean immediate;
    @Option(names = "--time-stamp-precision", paramLabel = "micro|nano", description = "Timestamp precision to capture and print.")
    String precision;
    @Option(names = "-y", paramLabel = "TYPE", description = "The link type to capture with (or to compile -d filters for).")
    String linkTypeName;
    @Option(names = "-L", description = "List the link types of the interface and exit.")
    boolean listLinkTypes;
    @Option(names = "-D", description = "List the capture interfaces and exit.")
    boolean listDevices;
    @Option(names = "-Z", paramLabel = "USER", description = "Drop privileges to USER once the capture is open.")
    String dropUser;
    @Option(names = "--fanout", paramLabel = "ID[:MODE]", description = "Join fanout group ID (0-65535) on the interface: "
            + "the captures in a group (other trawl processes, or --workers) share its packets, each packet going to one. "
            + "MODE: hash (by flow, the default), lb, cpu, rollover, random, qm; ':defrag' after it keeps IP fragments "
            + "together. Needs the afpacket backend.")
    String fanout;
    @Option(names = "--workers", paramLabel = "N", description = "Capture with N threads, each with its own socket in the "
            + "--fanout group (a new hash group when none is given). -w FILE writes one file per worker (FILE-1.pcap ...); "
            + "other output is one stream, whole packets in the order the workers deliver them.")
    int workers = 1;

    // --- tcpdump: what to write
    @Option(names = "-w", paramLabel = "FILE", description = "Write raw packets to FILE ('-' for standard output).")
    String writeFile;
    @Option(names = "-F", paramLabel = "pcap|pcapng", description = "The format -w writes (default pcap).")
    String writeFormat;
    @Option(names = "-C", paramLabel = "SIZE", description = "Start a new -w file when the current one exceeds SIZE million bytes (suffix k, m, g: KiB, MiB, GiB).")
    String rotateSize;
    @Option(names = "-G", paramLabel = "SECONDS", description = "Start a new -w file every SECONDS (FILE may hold strftime patterns).")
    long rotateSeconds;
    @Option(names = "-W", paramLabel = "N", description = "With -C, keep a ring of N files; with -G, stop after N files.")
    int fileLimit;
    @Option(names = {"-U", "--packet-buffered"}, description = "Flush the output after each packet.")
    boolean packetBuffered;
    @Option(names = "-l", description = "Line-buffer standard output.")
    boolean lineBuffered;

    // --- tcpdump: how to print
    @Option(names = "-n", description = "Do not convert addresses or ports to names (-nn: same).")
    boolean[] numeric = new boolean[0];
    @Option(names = "-e", description = "Print the link-level header.")
    boolean linkHeader;
    @Option(names = "-t", description = "-t: no timestamp; -tt: epoch seconds; -ttt: delta; -tttt: date; -ttttt: since first.")
    boolean[] timestamps = new boolean[0];
    @Option(names = "-v", description = "More detail (-vv, -vvv for more).")
    boolean[] verbose = new boolean[0];
    @Option(names = "-q", description = "Quiet: less protocol detail, no progress bar.")
    boolean quiet;
    @Option(names = "-S", description = "Print absolute TCP sequence numbers.")
    boolean absoluteSeq;
    @Option(names = "-x", description = "Hex dump each packet (-xx: with its link header).")
    boolean[] hex = new boolean[0];
    @Option(names = "-X", description = "Hex and ASCII dump each packet (-XX: with its link header).")
    boolean[] hexAscii = new boolean[0];
    @Option(names = "-d", description = "Print the compiled filter as BPF (-dd: as C, -ddd: as decimal) and exit.")
    boolean[] dumpFilter = new boolean[0];

    // --- tshark
    @Option(names = "-T", paramLabel = "fields|json|ek|text", description = "Output format, as tshark's.")
    String outputFormat;
    @Option(names = "--field", paramLabel = "FIELD", description = "With -T: a field to print (written -e FIELD).")
    List<String> fields = new ArrayList<>();
    @Option(names = "-E", paramLabel = "OPT=VALUE", description = "With -T fields: header=y|n, separator=/t|/s|C, occurrence=f|l|a, aggregator=,|/s|C, quote=d|s|n.")
    List<String> fieldOptions = new ArrayList<>();
    @Option(names = "-z", paramLabel = "STATISTICS", description = "tshark's statistics after the packets: conv,TYPE[,FILTER] or endpoints,TYPE[,FILTER] (TYPE eth, ip, ipv6, tcp or udp), follow,tcp|udp,ascii|hex|raw,STREAM, io,stat,INTERVAL[,FILTER]... (with -q: the statistics alone).")
    List<String> statistics = new ArrayList<>();
    @Option(names = "-o", paramLabel = "NAME:VALUE", description = "A tshark preference: tcp.relative_sequence_numbers or tcp.analyze_sequence_numbers, TRUE or FALSE.")
    List<String> preferences = new ArrayList<>();
    @Option(names = "-Y", paramLabel = "FILTER", description = "Display filter on decoded fields, e.g. 'ip.ttl > 10 and not tcp'.")
    String displayFilter;

    // --- trawl's own
    @Option(names = "--backend", paramLabel = "NAME", description = "The capture backend: afpacket, panama, jna, pcap4j, java.")
    String backend;
    @Option(names = "--list-backends", description = "List the backends found and why any cannot run.")
    boolean listBackends;
    @Option(names = "--filter-engine", paramLabel = "java|native", description = "Who runs the capture filter (default native when the backend has libpcap).")
    String filterEngine;
    @Option(names = "--check-filters", paramLabel = "FILE", description = "Compile each line of FILE ('-': stdin) as a filter; print OK or ERROR<TAB>message.")
    String checkFilters;
    @Option(names = "--completion", description = "Print a bash/zsh completion script and exit.")
    boolean completion;
    @Option(names = "--debug", description = "Print stack traces with errors.")
    boolean debug;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information (trawl, backend, libpcap) and exit.")
    boolean version;

    @Parameters(paramLabel = "EXPRESSION", description = "A capture filter expression (pcap-filter syntax).")
    List<String> expression = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    final Io io;

    Trawl(Io io) {
        this.io = io;
    }

    /** Runs the tool and exits with its status. */
    public static void main(String[] args) {
        String training = System.getProperty("trawl.training");
        if (training != null) {
            Training.run(training);
            return;
        }
        int status = run(args, System.in, System.out, System.err);
        System.exit(status);
    }

    /**
     * Runs one command line with the given streams, as the tests and {@link #main} do.
     *
     * @return the exit status
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Io io = new Io(in, out, err);
        Trawl trawl = new Trawl(io);
        CommandLine cl = commandLine(trawl);
        try {
            return cl.execute(tsharkFieldArguments(args));
        } catch (RuntimeException | Error e) {
            // picocli passes Errors (a class that cannot load, memory exhausted) through: still one line
            err.println("trawl: internal error: " + e);
            if (List.of(args).contains("--debug")) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
    }

    static CommandLine commandLine(Trawl trawl) {
        CommandLine cl = new CommandLine(trawl, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == StatsCommand.class) {
                    return cls.cast(new StatsCommand(trawl.io));
                }
                if (cls == ExampleCommand.class) {
                    return cls.cast(new ExampleCommand(trawl.io));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(trawl.io.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(trawl.io.err(), StandardCharsets.UTF_8), true));
        cl.setPosixClusteredShortOptionsAllowed(true);
        cl.setStopAtPositional(false);
        cl.setParameterExceptionHandler((ex, args) -> {
            trawl.io.err().println("trawl: " + ex.getMessage());
            trawl.io.err().println("Try 'trawl --help' for the options.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> Errors.report(ex, trawl.io.err(), trawl.debug));
        return cl;
    }

    /**
     * tcpdump's {@code -e} is a flag and tshark's takes a field name. When the line asks for tshark output
     * ({@code -T}), each {@code -e NAME} becomes {@code --field NAME}.
     */
    static String[] tsharkFieldArguments(String[] args) {
        boolean tshark = false;
        for (String a : args) {
            if (a.equals("-T") || (a.startsWith("-T") && a.length() > 2 && !a.startsWith("--"))) {
                tshark = true;
                break;
            }
        }
        if (!tshark) {
            return args;
        }
        List<String> out = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-e") && i + 1 < args.length) {
                out.add("--field");
                out.add(args[++i]);
            } else if (a.startsWith("-e") && a.length() > 2 && a.charAt(2) != '-' && Character.isLetter(a.charAt(2))
                    && a.indexOf('.') > 0) {
                out.add("--field");
                out.add(a.substring(2));
            } else {
                out.add(a);
            }
        }
        return out.toArray(String[]::new);
    }

    @Override
    public Integer call() throws Exception {
        if (completion) {
            io.out().print(picocli.AutoComplete.bash("trawl", spec.commandLine()));
            io.out().flush();
            return 0;
        }
        if (listBackends) {
            return Listing.backends(io);
        }
        Preferences.parse(preferences); // a bad -o is an error whatever the output
        StatisticsSink.check(statistics);
        Backends backends = new Backends(backend);
        if (listDevices) {
            return Listing.devices(io, backends.forLive());
        }
        if (checkFilters != null) {
            return FilterTools.checkFilters(this, backends);
        }
        if (listLinkTypes) {
            return Listing.linkTypes(this, backends.forLive());
        }
        if (dumpFilter.length > 0) {
            return FilterTools.dump(this, backends);
        }
        return new Capture(this, backends).run();
    }

    /** The filter expression of the trailing arguments, or {@code null}. */
    String filterExpression() {
        return expression.isEmpty() ? null : String.join(" ", expression);
    }
}
