package dev.trawl.bench.run;

import dev.trawl.bench.report.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CBaselineTest {
    @Test
    void parseTurnsRepetitionsIntoMeanAndError() throws IOException {
        CBaseline c = new CBaseline();
        List<Result> results = c.parse("version\tlibpcap version 1.10.3\n"
                + "result\tc_next_ex\tsmall\tnone\t1000\t10.0,12.0,14.0\n");
        assertEquals("libpcap version 1.10.3", c.libraryVersion());
        Result r = results.get(0);
        assertEquals("c/libpcap/c_next_ex/small/none", r.key());
        assertEquals(12.0, r.nsPerPacket(), 1e-9);
        assertEquals(10.0, r.bestNsPerPacket(), 1e-9);
        assertEquals(3, r.samples());
        assertTrue(r.errorNsPerPacket() > 2, "99.9% interval of three samples is wide: " + r.errorNsPerPacket());
    }

    @Test
    void parseRejectsUnexpectedOutput() {
        assertThrows(IOException.class, () -> new CBaseline().parse("result\tc_next_ex\tsmall\tnone\t1\tfast\n"));
        assertThrows(IOException.class, () -> new CBaseline().parse("segmentation fault\n"));
    }

    @Test
    void parseProgramReadsALibpcapListingAndRejectsGarbage() throws IOException {
        var program = CBaseline.parseProgram("2\n40 0 0 12\n6 0 0 262144\n");
        assertEquals(2, program.length());
        assertThrows(IOException.class, () -> CBaseline.parseProgram("3\n40 0 0 12\n6 0 0 262144\n"));
        assertThrows(IOException.class, () -> CBaseline.parseProgram("1\n40 0 0 12\n"));
        assertThrows(IOException.class, () -> CBaseline.parseProgram("oops"));
    }
}
