package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTextTest {
    @Test
    void wrapBreaksAtSpacesAndKeepsRoomForTheSpaceAfterAWord() {
        assertEquals(List.of("one two", "three"), HelpText.wrap("one two three", 9, 9));
        // "one two" fills 7 of 8 columns; "three" would need 13
        assertEquals(List.of("one", "two", "three"), HelpText.wrap("one two three", 7, 7));
        // the last word needs no room after it
        assertEquals(List.of("one two"), HelpText.wrap("one two", 7, 7));
        assertEquals(List.of("a", "b c d"), HelpText.wrap("a b c d", 2, 6));
        assertEquals(List.of("abcde", "fgh"), HelpText.wrap("abcdefgh", 5, 5));
        assertEquals(List.of(""), HelpText.wrap("", 5, 5));
    }

    @Test
    void statsHelpLaysOutItsOptionsInColumns() {
        assertEquals("""
                Usage: trawl stats [-h] [--debug] [--backend=NAME] FILE...
                Summarise capture files, as capinfos does.
                      FILE...          Capture files (pcap, pcapng, gzip).
                      --backend=NAME   The backend that reads the files.
                      --debug          Print stack traces with errors.
                  -h, --help           Show this help and exit.
                """, HelpText.of(StatsCommand.SPEC));
    }

    @Test
    void synopsisClustersFlagsThenSortsEachGroupByName() {
        String help = HelpText.of(Trawl.SPEC);
        assertTrue(help.startsWith("""
                Usage: trawl [-DehlLpqSUVdntvxX] [--completion] [--debug] [--immediate-mode]
                             [--list-backends] [-B=KiB] [--backend=NAME] [-c=N] [-C=SIZE]
                """), help);
        assertTrue(help.contains(" [-E=OPT=VALUE]...\n             [--field=FIELD]... [-o=NAME:VALUE]... "
                + "[-z=STATISTICS]...\n             [EXPRESSION...] [COMMAND]\n"), help);
        for (String line : help.split("\n")) {
            assertTrue(line.length() <= HelpText.WIDTH || line.startsWith("  trawl -r"), line);
        }
    }

    @Test
    void aLongNameMovesItsDescriptionToTheNextLine() {
        String help = HelpText.of(Trawl.SPEC);
        assertTrue(help.contains("""
                      --check-filters=FILE   Compile each line of FILE ('-': stdin) as a
                                               filter; print OK or ERROR<TAB>message.
                      --completion           Print a bash/zsh completion script and exit.
                """), help);
        assertTrue(help.contains("""
                      --filter-engine=java|native
                                             Who runs the capture filter (default native when
                                               the backend has libpcap).
                """), help);
        assertTrue(help.contains("""
                Commands:
                  stats    Summarise capture files, as capinfos does.
                  example  Run an example program: ListDevices, ReadFilterDecode, WriteCapture,
                             GuiceBackends, FanoutReaders, FollowStreams.
                """), help);
    }
}
