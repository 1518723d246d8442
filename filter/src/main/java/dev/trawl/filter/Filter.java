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
        return compile(spec, resolver, false);
    }

    /**
     * Compiles for the kernel filter of a Linux packet socket ({@code SO_ATTACH_FILTER}), as libpcap compiles
     * for a live capture on Linux. The kernel takes a received frame's outer VLAN tag out of the frame and
     * keeps it in the packet's metadata; so here, on Ethernet, {@code vlan} tests that metadata through the
     * kernel's ancillary loads ({@code SKF_AD_VLAN_TAG_PRESENT}, {@code SKF_AD_VLAN_TAG}), and the frame only
     * when no tag was taken out. Everything else compiles as {@link #compile(FilterSpec, HostResolver)} does.
     * The program is for the kernel: run in userland, the ancillary loads reject the packet.
     *
     * @throws FilterSyntaxException if the expression cannot be compiled for the spec's link type
     */
    public static BpfProgram compileForLinuxKernel(FilterSpec spec) throws FilterSyntaxException {
        return compile(spec, HostResolver.system(), true);
    }

    private static BpfProgram compile(FilterSpec spec, HostResolver resolver, boolean linuxKernel)
            throws FilterSyntaxException {
        String text = spec.expression();
        Ast.Expr tree = Parser.parse(text);
        if (spec.snaplen() == 0) {
            throw new FilterSyntaxException("snaplen of 0 rejects all packets", text, -1, "");
        }
        Gen gen = new Gen(text, spec.linkType().toDlt(), spec.snaplen(), spec.netmask());
        gen.linuxKernel = linuxKernel;
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
