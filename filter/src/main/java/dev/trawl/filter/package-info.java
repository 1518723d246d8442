/**
 * The pcap-filter(7) language in pure Java, agreeing with libpcap 1.10 on what is valid, on the programs it
 * produces and on the packets they match.
 *
 * <pre>{@code
 * BpfProgram program = Filter.compile(FilterSpec.of("tcp port 80 and host 10.1.2.3", LinkType.ETHERNET));
 * System.out.print(BpfPrinter.format(program, BpfPrinter.Style.ASSEMBLY));   // as tcpdump -d
 * BpfMatcher matcher = BpfJit.compile(program);                              // JVM bytecode
 * boolean keep = matcher.matches(buffer, offset, caplen, wirelen);
 * }</pre>
 *
 * <p>{@link dev.trawl.pcap.FilterSpec} (pcap-api) carries what {@code pcap_compile} takes besides the
 * expression, with tcpdump's defaults; {@link dev.trawl.filter.FilterExpression#parse} checks the syntax alone.
 *
 * <p>Stages: {@code Lexer} and {@code Parser} build an {@link dev.trawl.filter.Ast} tree (bad input raises
 * {@link dev.trawl.filter.FilterSyntaxException} with the column and what was expected); the code generator
 * builds libpcap's flow graph for the link type; the optimizer and linearizer produce the instruction array;
 * {@link dev.trawl.filter.BpfJit} turns a program into a hidden class, a {@link dev.trawl.pcap.BpfMatcher}
 * as the program itself is. All public types are immutable or stateless and safe to share between threads.
 * The module also provides the {@link dev.trawl.pcap.spi.FilterCompiler} service.
 *
 * <p>Differences from libpcap: {@code protochain} follows at most eight
 * extension headers (libpcap's loop needs a backward jump, which a {@code BpfProgram} cannot hold).
 *
 * <p>Fuzzing: {@code FilterCompilerFuzzTest} replays its seeds in every build; {@code mvn -pl filter test
 * -Pfuzz} (or {@code JAZZER_FUZZ=1 mvn -pl filter test -Dtest=FilterCompilerFuzzTest}) fuzzes for 60 s.
 */
package dev.trawl.filter;
