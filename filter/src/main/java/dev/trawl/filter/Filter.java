package dev.trawl.filter;

import dev.trawl.pcap.Bpf;
import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;

import java.util.List;

/**
 * Compiles pcap-filter expressions to classic BPF programs, as libpcap's {@code pcap_compile} does for a
 * capture of the given link type and snapshot length:
 *
 * <pre>{@code
 * BpfProgram program = Filter.compile(FilterSpec.of("tcp port 80", LinkType.ETHERNET));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Filter {
    private Filter() {
    }

    /**
     * Compiles a filter, resolving host names with the system resolver.
     *
     * @throws FilterSyntaxException if the expression cannot be compiled for the spec's link type
     */
    public static BpfProgram compile(FilterSpec spec) throws FilterSyntaxException {
        return compile(spec, HostResolver.system());
    }

    /**
     * Compiles a filter, resolving host names ({@code host gateway.example}) with the given resolver.
     *
     * @throws FilterSyntaxException if the expression cannot be compiled for the spec's link type: its syntax,
     *     a name the resolver or the built-in tables do not know, a value out of range, a primitive the link
     *     type does not support, or a program that rejects every packet
     */
    public static BpfProgram compile(FilterSpec spec, HostResolver resolver) throws FilterSyntaxException {
        String text = spec.expression();
        Ast.Expr tree = Parser.parse(text);
        if (spec.snaplen() == 0) {
            throw new FilterSyntaxException("snaplen of 0 rejects all packets", text, -1, "");
        }
        Gen gen = new Gen(text, spec.linkType().toDlt(), spec.snaplen(), spec.netmask());
        Compiler compiler = new Compiler(gen, resolver);
        Ir.Graph graph = new Ir.Graph();
        graph.root = compiler.compile(tree);
        gen.column = -1;
        if (spec.optimize() && !gen.noOptimize) {
            new Optimizer(graph, gen).optimize();
            if ((graph.root.code == (Bpf.RET | Bpf.K) && graph.root.k == 0)) {
                throw new FilterSyntaxException("expression rejects all packets", text, -1,
                        "an expression that some packet can match");
            }
        }
        List<BpfInstruction> insns = Linearizer.linearize(graph, gen);
        try {
            return new BpfProgram(insns);
        } catch (IllegalArgumentException e) {
            throw new FilterSyntaxException("the compiled program is not valid: " + e.getMessage(), text, -1, "");
        }
    }
}
