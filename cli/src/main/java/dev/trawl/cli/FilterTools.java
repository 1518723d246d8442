package dev.trawl.cli;

import dev.trawl.filter.BpfPrinter;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.PcapException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code -d}/{@code -dd}/{@code -ddd} and {@code --check-filters}. Stateless. */
final class FilterTools {
    private FilterTools() {
    }

    /** The link type filters compile for: {@code -y}, else the file's, else the device's, else Ethernet. */
    private static LinkType linkType(Trawl t, Backends backends) throws IOException, CliException {
        if (t.linkTypeName != null) {
            return Sources.linkType(t.linkTypeName);
        }
        if (t.readFile != null) {
            try (Handle h = Sources.file(backends.forFiles(), t.readFile, Sources.precision(t), t.io.in()).handle()) {
                return h.linkType();
            }
        }
        if (t.device != null) {
            try (Handle h = Sources.live(backends.forLive(), t, Sources.precision(t), null).handle()) {
                return h.linkType();
            }
        }
        return LinkType.ETHERNET;
    }

    private static int snaplen(Trawl t) {
        return t.snaplen == null || t.snaplen <= 0 ? LiveOptions.DEFAULT_SNAPLEN : t.snaplen;
    }

    static int dump(Trawl t, Backends backends) throws IOException, CliException {
        String expression = t.filterExpression();
        if (expression == null) {
            expression = "";
        }
        BpfProgram program = Filters.compile(t, backends, expression, linkType(t, backends), snaplen(t), true,
                Handle.NETMASK_UNKNOWN);
        BpfPrinter.Style style = switch (t.dumpFilter.length) {
            case 1 -> BpfPrinter.Style.ASSEMBLY;
            case 2 -> BpfPrinter.Style.C_ARRAY;
            default -> BpfPrinter.Style.DECIMAL;
        };
        t.io.out().print(BpfPrinter.format(program, style));
        t.io.out().flush();
        return 0;
    }

    static int checkFilters(Trawl t, Backends backends) throws IOException, CliException {
        LinkType linkType = t.linkTypeName != null ? Sources.linkType(t.linkTypeName) : LinkType.ETHERNET;
        int snaplen = snaplen(t);
        Filters.engine(t); // a bad --filter-engine is a usage error before any line is read
        PrintStream out = t.io.out();
        BufferedReader reader;
        if (t.checkFilters.equals("-")) {
            reader = new BufferedReader(new InputStreamReader(t.io.in(), StandardCharsets.UTF_8));
        } else {
            Path path = Path.of(t.checkFilters);
            if (!Files.isRegularFile(path)) {
                throw new CliException(t.checkFilters + ": No such file or directory",
                        new NoSuchFileException(t.checkFilters));
            }
            reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        }
        try (reader) {
            String line;
            while ((line = reader.readLine()) != null) {
                try {
                    Filters.compile(t, backends, line, linkType, snaplen, true, Handle.NETMASK_UNKNOWN);
                    out.println("OK");
                } catch (InvalidFilterException e) {
                    out.println("ERROR\t" + oneLine(e.description()));
                } catch (PcapException e) {
                    out.println("ERROR\t" + oneLine(e.getMessage()));
                } catch (RuntimeException e) {
                    out.println("ERROR\t" + oneLine(e.getClass().getSimpleName() + ": " + e.getMessage()));
                }
            }
        }
        out.flush();
        return 0;
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
