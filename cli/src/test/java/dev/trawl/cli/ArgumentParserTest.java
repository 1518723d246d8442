package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgumentParserTest {
    private static final OptionSpec VERBOSE = OptionSpec.counted("-v", "More.");
    private static final OptionSpec NUMERIC = OptionSpec.counted("-n", "Numbers.");
    private static final OptionSpec QUIET = OptionSpec.flag("-q, --quiet", "Less.");
    private static final OptionSpec LINK = OptionSpec.flag("-e", "Link header.");
    private static final OptionSpec READ = OptionSpec.value("-r", "FILE", "Read FILE.");
    private static final OptionSpec COUNT = OptionSpec.longInteger("-c", "N", "Stop after N.");
    private static final OptionSpec SNAPLEN = OptionSpec.integer("-s", "SNAPLEN", "Snap.");
    private static final OptionSpec BACKEND = OptionSpec.value("--backend", "NAME", "Backend.");
    private static final OptionSpec FIELD = OptionSpec.repeated("--field", "FIELD", "A field.");
    private static final OptionSpec FORMAT = OptionSpec.value("-T", "FORMAT", "Format.");
    private static final CommandSpec SPEC = new CommandSpec("t", List.of("A test command."),
            List.of(VERBOSE, NUMERIC, QUIET, LINK, READ, COUNT, SNAPLEN, BACKEND, FIELD, FORMAT),
            List.of(new PositionalSpec("WORD", "Words.", false, true)), List.of(), List.of(), false);

    private static ParsedLine parse(String... args) throws UsageException {
        return ArgumentParser.parse(SPEC, args, 0);
    }

    private static String error(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void clusteredFlagsCountAndTheFirstValueOptionTakesTheRest() throws UsageException {
        ParsedLine line = parse("-nvv", "-v", "-nrfile.pcap");
        assertEquals(3, line.count(VERBOSE));
        assertEquals(2, line.count(NUMERIC));
        assertEquals("file.pcap", line.value(READ));
        assertEquals(List.of(), line.operands());
    }

    @Test
    void valuesAttachedSeparateOrAfterEquals() throws UsageException {
        assertEquals(5, parse("-c5").longValue(COUNT, 0));
        assertEquals(5, parse("-c", "5").longValue(COUNT, 0));
        assertEquals(5, parse("-c=5").longValue(COUNT, 0));
        assertEquals("jna", parse("--backend=jna").value(BACKEND));
        assertEquals("jna", parse("--backend", "jna").value(BACKEND));
        assertEquals("a=b", parse("--backend=a=b").value(BACKEND));
        assertEquals("", parse("--backend=").value(BACKEND));
    }

    @Test
    void aValueMayStartWithADash() throws UsageException {
        assertEquals("-", parse("-r", "-").value(READ));
        assertEquals("-n", parse("-r", "-n").value(READ));
        assertEquals(-1, parse("-c", "-1").longValue(COUNT, 0));
    }

    @Test
    void operandsAnywhereAndAfterDoubleDash() throws UsageException {
        ParsedLine line = parse("udp", "-n", "port", "53", "--", "-v", "-", "--");
        assertEquals(List.of("udp", "port", "53", "-v", "-", "--"), line.operands());
        assertEquals(1, line.count(NUMERIC));
        assertFalse(line.has(VERBOSE));
    }

    @Test
    void repeatedOptionsKeepEveryValueInOrder() throws UsageException {
        ParsedLine line = parse("--field", "ip.src", "--field=ip.dst");
        assertEquals(List.of("ip.src", "ip.dst"), line.values(FIELD));
        assertEquals(List.of(), parse().values(FIELD));
        assertNull(parse().value(READ));
    }

    @Test
    void anOptionThatTakesAValueAsTheLastWordIsAnError() {
        assertEquals("Missing required parameter for option '-c' (N)", error("-r", "f", "-c"));
        assertEquals("Missing required parameter for option '-r' (FILE)", error("-nr"));
        assertEquals("Missing required parameter for option '--backend' (NAME)", error("--backend"));
    }

    @Test
    void unknownOptionsAreErrors() {
        assertEquals("Unknown option: '--nope'", error("--nope=3"));
        assertEquals("Unknown option: '-Q'", error("-Q"));
        assertEquals("Unknown option: '-Q' (in '-nQ')", error("-nQ"));
        assertEquals("Unknown option: '--quie'", error("--quie"));
    }

    @Test
    void singleOptionsOnceAndFlagsWithoutValues() {
        assertEquals("option '-q' should be specified only once", error("-qq"));
        assertEquals("option '-c' (N) should be specified only once", error("-c", "1", "-c", "2"));
        assertEquals("option '--quiet' should be specified only once", error("-q", "--quiet"));
        assertEquals("option '--quiet' takes no value: '--quiet=yes'", error("--quiet=yes"));
    }

    @Test
    void numbersAreWholeAndInRange() throws UsageException {
        assertEquals("option '-c' (N) takes a whole number, not 'ten' (for example -c 10)", error("-c", "ten"));
        assertEquals("option '-c' (N) takes a whole number, not '' (for example -c 10)", error("-c="));
        assertEquals("option '-s' (SNAPLEN) takes a whole number, not '1.5' (for example -s 10)", error("-s1.5"));
        assertEquals("option '-s' (SNAPLEN) takes a whole number from -2147483648 to 2147483647, not '2147483648'",
                error("-s", "2147483648"));
        assertEquals(Long.MAX_VALUE, parse("-c", "9223372036854775807").longValue(COUNT, 0));
        assertTrue(error("-c", "9223372036854775808").contains("to 9223372036854775807"));
        assertEquals(7, parse("-s", "+7").intValue(SNAPLEN, 0));
        assertEquals(262144, parse().intValue(SNAPLEN, 262144));
    }

    @Test
    void optionsMayEndAtTheFirstOperand() throws UsageException {
        CommandSpec passing = new CommandSpec("p", List.of(), List.of(QUIET),
                List.of(new PositionalSpec("NAME", "A name.", true, false),
                        new PositionalSpec("ARG", "Its arguments.", false, true)), List.of(), List.of(), true);
        ParsedLine line = ArgumentParser.parse(passing, new String[] {"-q", "Name", "-q", "--x"}, 0);
        assertEquals(1, line.count(QUIET));
        assertEquals(List.of("Name", "-q", "--x"), line.operands());
    }

    @Test
    void readingStartsAtTheGivenWord() throws UsageException {
        ParsedLine line = ArgumentParser.parse(SPEC, new String[] {"stats", "-n", "f"}, 1);
        assertEquals(List.of("f"), line.operands());
        assertEquals(1, line.count(NUMERIC));
    }

    @Test
    void aLenientReadingFindsAnOptionWhateverElseIsWrong() {
        assertTrue(ArgumentParser.mentions(SPEC, new String[] {"-eframe.number", "-nT", "fields"}, FORMAT));
        assertTrue(ArgumentParser.mentions(SPEC, new String[] {"--nope", "-q", "-q", "-Tjson"}, FORMAT));
        assertFalse(ArgumentParser.mentions(SPEC, new String[] {"-r", "-T", "-c"}, FORMAT));
        assertFalse(ArgumentParser.mentions(SPEC, new String[] {"--", "-T", "json"}, FORMAT));
    }

    @Test
    void aShortNameCanStandForAnotherOption() throws UsageException {
        CommandSpec tshark = SPEC.withShortName('e', FIELD);
        ParsedLine line = ArgumentParser.parse(tshark, new String[] {"-e", "ip.src", "-eip.dst", "-ne", "tcp.port"}, 0);
        assertEquals(List.of("ip.src", "ip.dst", "tcp.port"), line.values(FIELD));
        assertFalse(line.has(LINK));
        assertEquals(1, parse("-e").count(LINK));
    }
}
