package dev.trawl.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code trawl} command: tcpdump's options for capturing, reading, writing and printing packets,
 * tshark's {@code -T fields/json/ek}, {@code -e}, {@code -E} and {@code -Y} for decoded fields, and trawl's own
 * backend and filter tools. Run {@code trawl --help} for the list.
 *
 * <p>Data goes to standard output and diagnostics to standard error. Errors print one message (a caret
 * line for filter expressions) and exit with status 1; usage errors exit with 2. {@code --debug} adds stack
 * traces. An instance handles one command line; not thread-safe.
 */
public final class Trawl {
    // --- tcpdump: what to read
    static final OptionSpec READ_FILE = OptionSpec.value("-r", "FILE",
            "Read packets from a pcap, pcapng or gzip file; '-' for standard input.");
    static final OptionSpec DEVICE = OptionSpec.value("-i", "IF",
            "Capture live on this interface.");
    static final OptionSpec COUNT = OptionSpec.longInteger("-c", "N",
            "Stop after N packets.");
    static final OptionSpec SNAPLEN = OptionSpec.integer("-s", "SNAPLEN",
            "Capture at most SNAPLEN bytes of each packet (0: 262144).");
    static final OptionSpec NO_PROMISCUOUS = OptionSpec.flag("-p",
            "Do not put the interface in promiscuous mode.");
    static final OptionSpec BUFFER_KIB = OptionSpec.integer("-B", "KiB",
            "The kernel buffer size, in KiB.");
    static final OptionSpec IMMEDIATE = OptionSpec.flag("--immediate-mode",
            "Deliver packets as soon as they arrive.");
    static final OptionSpec PRECISION = OptionSpec.value("--time-stamp-precision", "micro|nano",
            "Timestamp precision to capture and print.");
    static final OptionSpec LINK_TYPE_NAME = OptionSpec.value("-y", "TYPE",
            "The link type to capture with (or to compile -d filters for).");
    static final OptionSpec LIST_LINK_TYPES = OptionSpec.flag("-L",
            "List the link types of the interface and exit.");
    static final OptionSpec LIST_DEVICES = OptionSpec.flag("-D",
            "List the capture interfaces and exit.");
    static final OptionSpec DROP_USER = OptionSpec.value("-Z", "USER",
            "Drop privileges to USER once the capture is open.");
    static final OptionSpec FANOUT = OptionSpec.value("--fanout", "ID[:MODE]",
            "Join fanout group ID (0-65535) on the interface: the captures in a group (other trawl processes, or "
            + "--workers) share its packets, each packet going to one. MODE: hash (by flow, the default), lb, cpu, "
            + "rollover, random, qm; ':defrag' after it keeps IP fragments together. Needs the afpacket backend.");
    static final OptionSpec WORKERS = OptionSpec.integer("--workers", "N",
            "Capture with N threads, each with its own socket in the --fanout group (a new hash group when none is "
            + "given). -w FILE writes one file per worker (FILE-1.pcap ...); other output is one stream, whole packets "
            + "in the order the workers deliver them.");

    // --- tcpdump: what to write
    static final OptionSpec WRITE_FILE = OptionSpec.value("-w", "FILE",
            "Write raw packets to FILE ('-' for standard output).");
    static final OptionSpec WRITE_FORMAT = OptionSpec.value("-F", "pcap|pcapng",
            "The format -w writes (default pcap).");
    static final OptionSpec ROTATE_SIZE = OptionSpec.value("-C", "SIZE",
            "Start a new -w file when the current one exceeds SIZE million bytes (suffix k, m, g: KiB, MiB, GiB).");
    static final OptionSpec ROTATE_SECONDS = OptionSpec.longInteger("-G", "SECONDS",
            "Start a new -w file every SECONDS (FILE may hold strftime patterns).");
    static final OptionSpec FILE_LIMIT = OptionSpec.integer("-W", "N",
            "With -C, keep a ring of N files; with -G, stop after N files.");
    static final OptionSpec PACKET_BUFFERED = OptionSpec.flag("-U, --packet-buffered",
            "Flush the output after each packet.");
    static final OptionSpec LINE_BUFFERED = OptionSpec.flag("-l",
            "Line-buffer standard output.");

    // --- tcpdump: how to print
    static final OptionSpec NUMERIC = OptionSpec.counted("-n",
            "Do not convert addresses or ports to names (-nn: same).");
    static final OptionSpec LINK_HEADER = OptionSpec.flag("-e",
            "Print the link-level header.");
    static final OptionSpec TIMESTAMPS = OptionSpec.counted("-t",
            "-t: no timestamp; -tt: epoch seconds; -ttt: delta; -tttt: date; -ttttt: since first.");
    static final OptionSpec VERBOSE = OptionSpec.counted("-v",
            "More detail (-vv, -vvv for more).");
    static final OptionSpec QUIET = OptionSpec.flag("-q",
            "Quiet: less protocol detail, no progress bar.");
    static final OptionSpec ABSOLUTE_SEQ = OptionSpec.flag("-S",
            "Print absolute TCP sequence numbers.");
    static final OptionSpec HEX = OptionSpec.counted("-x",
            "Hex dump each packet (-xx: with its link header).");
    static final OptionSpec HEX_ASCII = OptionSpec.counted("-X",
            "Hex and ASCII dump each packet (-XX: with its link header).");
    static final OptionSpec DUMP_FILTER = OptionSpec.counted("-d",
            "Print the compiled filter as BPF (-dd: as C, -ddd: as decimal) and exit.");

    // --- tshark
    static final OptionSpec OUTPUT_FORMAT = OptionSpec.value("-T", "fields|json|ek|text",
            "Output format, as tshark's.");
    static final OptionSpec FIELDS = OptionSpec.repeated("--field", "FIELD",
            "With -T: a field to print (written -e FIELD).");
    static final OptionSpec FIELD_OPTIONS = OptionSpec.repeated("-E", "OPT=VALUE",
            "With -T fields: header=y|n, separator=/t|/s|C, occurrence=f|l|a, aggregator=,|/s|C, quote=d|s|n.");
    static final OptionSpec STATISTICS = OptionSpec.repeated("-z", "STATISTICS",
            "tshark's statistics after the packets: conv,TYPE[,FILTER] or endpoints,TYPE[,FILTER] (TYPE eth, ip, "
            + "ipv6, tcp or udp), follow,tcp|udp,ascii|hex|raw,STREAM, io,stat,INTERVAL[,FILTER]... (with -q: the "
            + "statistics alone).");
    static final OptionSpec PREFERENCES = OptionSpec.repeated("-o", "NAME:VALUE",
            "A tshark preference: tcp.relative_sequence_numbers or tcp.analyze_sequence_numbers, TRUE or FALSE.");
    static final OptionSpec DISPLAY_FILTER = OptionSpec.value("-Y", "FILTER",
            "Display filter on decoded fields, e.g. 'ip.ttl > 10 and not tcp'.");

    // --- trawl's own
    static final OptionSpec BACKEND = OptionSpec.value("--backend", "NAME",
            "The capture backend: afpacket, panama, jna, pcap4j, java.");
    static final OptionSpec LIST_BACKENDS = OptionSpec.flag("--list-backends",
            "List the backends found and why any cannot run.");
    static final OptionSpec FILTER_ENGINE = OptionSpec.value("--filter-engine", "java|native",
            "Who runs the capture filter (default native when the backend has libpcap).");
    static final OptionSpec CHECK_FILTERS = OptionSpec.value("--check-filters", "FILE",
            "Compile each line of FILE ('-': stdin) as a filter; print OK or ERROR<TAB>message.");
    static final OptionSpec COMPLETION = OptionSpec.flag("--completion",
            "Print a bash/zsh completion script and exit.");
    static final OptionSpec DEBUG = OptionSpec.flag("--debug",
            "Print stack traces with errors.");
    static final OptionSpec HELP = OptionSpec.flag("-h, --help",
            "Show this help and exit.");
    static final OptionSpec VERSION = OptionSpec.flag("-V, --version",
            "Print version information (trawl, backend, libpcap) and exit.");

    /** The options in the order the help lists them. */
    private static final List<OptionSpec> OPTIONS = List.of(
            READ_FILE, DEVICE, COUNT, SNAPLEN, NO_PROMISCUOUS, BUFFER_KIB, IMMEDIATE, PRECISION, LINK_TYPE_NAME,
            LIST_LINK_TYPES, LIST_DEVICES, DROP_USER, FANOUT, WORKERS, WRITE_FILE, WRITE_FORMAT, ROTATE_SIZE,
            ROTATE_SECONDS, FILE_LIMIT, PACKET_BUFFERED, LINE_BUFFERED, NUMERIC, LINK_HEADER, TIMESTAMPS, VERBOSE,
            QUIET, ABSOLUTE_SEQ, HEX, HEX_ASCII, DUMP_FILTER, OUTPUT_FORMAT, FIELDS, FIELD_OPTIONS, STATISTICS,
            PREFERENCES, DISPLAY_FILTER, BACKEND, LIST_BACKENDS, FILTER_ENGINE, CHECK_FILTERS, COMPLETION, DEBUG,
            HELP, VERSION);

    static final CommandSpec SPEC = new CommandSpec("trawl",
            List.of("Capture, read, write, filter and decode packets, as tcpdump and tshark do.",
                    "With no arguments, prints the bundled sample capture."),
            OPTIONS,
            List.of(new PositionalSpec("EXPRESSION", "A capture filter expression (pcap-filter syntax).", false, true)),
            List.of(new CommandSpec.Subcommand("stats", StatsCommand.DESCRIPTION),
                    new CommandSpec.Subcommand("example", ExampleCommand.DESCRIPTION)),
            List.of("", "Examples:",
                    "  trawl -r capture.pcap -n 'tcp port 80'",
                    "  trawl -i eth0 -c 10 -w out.pcap",
                    "  trawl -r capture.pcapng -T fields -e frame.number -e ip.src -e ip.dst -E header=y",
                    "  trawl -r capture.pcap -Y 'dns and ip.ttl > 10' -T json",
                    "  trawl stats capture.pcap"),
            false);

    /** The same command when it asks for tshark output ({@code -T}): {@code -e FIELD} is {@code --field FIELD}. */
    private static final CommandSpec TSHARK_SPEC = SPEC.withShortName('e', FIELDS);

    // What the command line asked for: set by apply(ParsedLine), read by Capture, the sinks and the listings.

    // --- tcpdump: what to read
    String readFile;
    String device;
    long count;
    Integer snaplen;
    boolean noPromiscuous;
    int bufferKib;
    boolean immediate;
    String precision;
    String linkTypeName;
    boolean listLinkTypes;
    boolean listDevices;
    String dropUser;
    String fanout;
    int workers;

    // --- tcpdump: what to write
    String writeFile;
    String writeFormat;
    String rotateSize;
    long rotateSeconds;
    int fileLimit;
    boolean packetBuffered;
    boolean lineBuffered;

    // --- tcpdump: how to print
    boolean[] numeric;
    boolean linkHeader;
    boolean[] timestamps;
    boolean[] verbose;
    boolean quiet;
    boolean absoluteSeq;
    boolean[] hex;
    boolean[] hexAscii;
    boolean[] dumpFilter;

    // --- tshark
    String outputFormat;
    List<String> fields;
    List<String> fieldOptions;
    List<String> statistics;
    List<String> preferences;
    String displayFilter;

    // --- trawl's own
    String backend;
    boolean listBackends;
    String filterEngine;
    String checkFilters;
    boolean completion;
    boolean debug;

    /** The capture filter expression's words. */
    List<String> expression;
    /** Whether the command line was empty: then the tool prints its bundled sample. */
    boolean noArguments;

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
        // A clean end returns from main when no other thread could keep the JVM alive: it then ends as main
        // does, running the same shutdown hooks, without System.exit's lookup of the JDK's logger for
        // Runtime.exit (about 15 ms, a tenth of a short run's start-up).
        if (status != 0 || !onlyDaemonsLeft()) {
            System.exit(status);
        }
    }

    /** Whether every other live thread is a daemon, which does not keep the JVM up. */
    private static boolean onlyDaemonsLeft() {
        Thread self = Thread.currentThread();
        ThreadGroup group = self.getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        Thread[] threads = new Thread[group.activeCount() + 16];
        int n = group.enumerate(threads, true);
        if (n == threads.length) {
            return false; // more threads than asked for: do not guess
        }
        for (int i = 0; i < n; i++) {
            if (threads[i] != self && threads[i].isAlive() && !threads[i].isDaemon()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs one command line with the given streams, as the tests and {@link #main} do.
     *
     * @return the exit status
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Io io = new Io(in, out, err);
        try {
            String first = args.length > 0 ? args[0] : "";
            return switch (first) {
                case "stats" -> new StatsCommand(io).run(args, 1);
                case "example" -> new ExampleCommand(io).run(args, 1);
                default -> new Trawl(io).run(args);
            };
        } catch (UsageException e) {
            err.println("trawl: " + e.getMessage());
            err.println("Try 'trawl --help' for the options.");
            err.flush();
            return 2;
        } catch (RuntimeException | Error e) {
            // a class that cannot load, memory exhausted, a bug: still one line
            err.println("trawl: internal error: " + e);
            if (Arrays.asList(args).contains("--debug")) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
    }

    /** Reads the command line into this instance's fields, then does what it asks. */
    private int run(String[] args) throws UsageException {
        CommandSpec spec = ArgumentParser.mentions(SPEC, args, OUTPUT_FORMAT) ? TSHARK_SPEC : SPEC;
        ParsedLine line = ArgumentParser.parse(spec, args, 0);
        if (line.has(HELP)) {
            io.out().print(HelpText.of(SPEC));
            io.out().flush();
            return 0;
        }
        if (line.has(VERSION)) {
            for (String text : VersionInfo.lines()) {
                io.out().println(text);
            }
            io.out().flush();
            return 0;
        }
        apply(line);
        noArguments = args.length == 0;
        try {
            return call();
        } catch (Exception e) {
            return Errors.report(e, io.err(), debug);
        }
    }

    private void apply(ParsedLine line) {
        readFile = line.value(READ_FILE);
        device = line.value(DEVICE);
        count = line.longValue(COUNT, 0);
        snaplen = line.has(SNAPLEN) ? line.intValue(SNAPLEN, 0) : null;
        noPromiscuous = line.has(NO_PROMISCUOUS);
        bufferKib = line.intValue(BUFFER_KIB, 0);
        immediate = line.has(IMMEDIATE);
        precision = line.value(PRECISION);
        linkTypeName = line.value(LINK_TYPE_NAME);
        listLinkTypes = line.has(LIST_LINK_TYPES);
        listDevices = line.has(LIST_DEVICES);
        dropUser = line.value(DROP_USER);
        fanout = line.value(FANOUT);
        workers = line.intValue(WORKERS, 1);
        writeFile = line.value(WRITE_FILE);
        writeFormat = line.value(WRITE_FORMAT);
        rotateSize = line.value(ROTATE_SIZE);
        rotateSeconds = line.longValue(ROTATE_SECONDS, 0);
        fileLimit = line.intValue(FILE_LIMIT, 0);
        packetBuffered = line.has(PACKET_BUFFERED);
        lineBuffered = line.has(LINE_BUFFERED);
        numeric = new boolean[line.count(NUMERIC)];
        linkHeader = line.has(LINK_HEADER);
        timestamps = new boolean[line.count(TIMESTAMPS)];
        verbose = new boolean[line.count(VERBOSE)];
        quiet = line.has(QUIET);
        absoluteSeq = line.has(ABSOLUTE_SEQ);
        hex = new boolean[line.count(HEX)];
        hexAscii = new boolean[line.count(HEX_ASCII)];
        dumpFilter = new boolean[line.count(DUMP_FILTER)];
        outputFormat = line.value(OUTPUT_FORMAT);
        fields = line.values(FIELDS);
        fieldOptions = line.values(FIELD_OPTIONS);
        statistics = line.values(STATISTICS);
        preferences = line.values(PREFERENCES);
        displayFilter = line.value(DISPLAY_FILTER);
        backend = line.value(BACKEND);
        listBackends = line.has(LIST_BACKENDS);
        filterEngine = line.value(FILTER_ENGINE);
        checkFilters = line.value(CHECK_FILTERS);
        completion = line.has(COMPLETION);
        debug = line.has(DEBUG);
        expression = line.operands();
    }

    int call() throws Exception {
        if (completion) {
            io.out().print(Completion.script(SPEC, List.of(StatsCommand.SPEC, ExampleCommand.SPEC),
                    ExampleCommand.NAMES));
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
