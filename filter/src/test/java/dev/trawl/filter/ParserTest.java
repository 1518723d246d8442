package dev.trawl.filter;

import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParserTest {
    private static FilterSyntaxException error(String text) {
        return assertThrows(FilterSyntaxException.class,
                () -> Filter.compile(FilterSpec.of(text, LinkType.ETHERNET), EtcHosts.INSTANCE));
    }

    @Test
    void inheritsQualifiersAcrossOr() throws Exception {
        Ast.Expr e = FilterExpression.parse("host 10.0.0.1 or 10.0.0.2").tree();
        Ast.Chain c = assertInstanceOf(Ast.Chain.class, e);
        Ast.Primitive second = assertInstanceOf(Ast.Primitive.class, c.rest().get(0).term());
        assertEquals(Tok.HOST, second.qual().addr());
    }

    @Test
    void syntaxErrorPointsAtTheOffendingColumnWithACaret() {
        FilterSyntaxException e = error("tcp port 80 and");
        assertEquals(15, e.column());
        assertTrue(e.getMessage().endsWith("\n" + " ".repeat(15) + "^"), e.getMessage());
        assertTrue(!e.expected().isEmpty());
    }

    @Test
    void portOutOfRangeIsRejectedAtItsColumn() {
        FilterSyntaxException e = error("tcp and port 99999");
        assertEquals("illegal port number 99999 > 65535", e.description());
        assertEquals(13, e.column(), "the caret goes under the number");
    }

    @Test
    void contradictoryExpressionRejectsAllPackets() {
        assertEquals("expression rejects all packets", error("ip6 and arp").description());
    }

    @Test
    void hostNeedsAnAddress() {
        assertTrue(error("host").description().contains("expected"));
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(100_000) + "tcp" + ")".repeat(100_000);
        assertTrue(error(deep).description().contains("nested"));
        String nots = "not ".repeat(100_000) + "tcp";
        assertTrue(error(nots).description().contains("nested"));
        String arith = "ip[0]" + " ^ 1".repeat(10_000) + " = 0";
        assertTrue(error(arith).description().contains("nested"));
    }

    @Test
    void longChainsAreBoundedNotRecursive() {
        StringBuilder sb = new StringBuilder("port 1");
        for (int i = 2; i < 100_000; i++) {
            sb.append(" or ").append(i);
        }
        assertTrue(error(sb.toString()).description().contains("too complex"));
    }

    @Test
    void printerFormatsMatchTcpdump() throws Exception {
        var p = Filter.compile(FilterSpec.of("ip", LinkType.ETHERNET), EtcHosts.INSTANCE);
        assertEquals("{ 0x28, 0, 0, 0x0000000c },\n{ 0x15, 0, 1, 0x00000800 },\n{ 0x6, 0, 0, 0x00040000 },\n"
                + "{ 0x6, 0, 0, 0x00000000 },\n", BpfPrinter.format(p, BpfPrinter.Style.C_ARRAY));
        assertEquals("4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n",
                BpfPrinter.format(p, BpfPrinter.Style.DECIMAL));
    }
}
