package dev.trawl.filter;

import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OptimizerTest {
    /**
     * A value the optimizer knows nothing about is not equal to another unknown value: after paths that
     * leave X and M[3] unknown, the reloads of X from M[3] must stay (libpcap 1.10 keeps them too). The
     * expected text is libpcap 1.10.3's dump of the same expression.
     */
    @Test
    void unknownValuesAreNeverTreatedAsEqual() throws Exception {
        String expected = String.join("\n",
            "(000) ldb      [0]",
            "(001) add      #3",
            "(002) and      #0xfffffffc",
            "(003) st       M[3]",
            "(004) ldb      [0]",
            "(005) jeq      #0x0             jt 6\tjf 12",
            "(006) ld       #0x4",
            "(007) st       M[3]",
            "(008) ld       #0x1",
            "(009) jge      #0x4             jt 10\tjf 10",
            "(010) ldb      [1]",
            "(011) jeq      #0x2             jt 46\tjf 12",
            "(012) ldb      [1]",
            "(013) jeq      #0xa             jt 14\tjf 23",
            "(014) ldx      M[3]",
            "(015) ldb      [x + 6]",
            "(016) jeq      #0x6             jt 17\tjf 47",
            "(017) ldx      M[3]",
            "(018) ldh      [x + 40]",
            "(019) jeq      #0x2             jt 46\tjf 20",
            "(020) ldx      M[3]",
            "(021) ldh      [x + 42]",
            "(022) jeq      #0x2             jt 46\tjf 47",
            "(023) jeq      #0x2             jt 24\tjf 47",
            "(024) ldx      M[3]",
            "(025) ldb      [x + 9]",
            "(026) jeq      #0x6             jt 27\tjf 47",
            "(027) ldx      M[3]",
            "(028) ldh      [x + 6]",
            "(029) jset     #0x1fff          jt 47\tjf 30",
            "(030) ldx      M[3]",
            "(031) ldb      [x + 0]",
            "(032) and      #0xf",
            "(033) lsh      #2",
            "(034) add      x",
            "(035) tax      ",
            "(036) ldh      [x + 0]",
            "(037) jeq      #0x2             jt 46\tjf 38",
            "(038) ldx      M[3]",
            "(039) ldb      [x + 0]",
            "(040) and      #0xf",
            "(041) lsh      #2",
            "(042) add      x",
            "(043) tax      ",
            "(044) ldh      [x + 2]",
            "(045) jeq      #0x2             jt 46\tjf 47",
            "(046) ret      #262144",
            "(047) ret      #0",
            "");
        var program = Filter.compile(FilterSpec.of("ether[0] = 0 and 1 < 4 and ip or tcp port 2", LinkType.PFLOG),
                EtcHosts.INSTANCE);
        assertEquals(expected, BpfPrinter.format(program, BpfPrinter.Style.ASSEMBLY));
    }
}
