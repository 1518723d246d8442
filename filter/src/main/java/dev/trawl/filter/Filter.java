package dev.trawl.filter;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.LinkType;

import java.util.List;

/**
 * Compiles pcap-filter expressions to classic BPF programs, as libpcap's {@code pcap_compile} does for a
 * capture of the given link type and snapshot length. Stateless and thread-safe.
 */
public final class Filter {
    /** The netmask value that means "unknown" ({@code PCAP_NETMASK_UNKNOWN}). */
    public static final int NETMASK_UNKNOWN = 0xffffffff;

    private Filter() {
    }

    /** Compiles with the system host resolver. */
    public static BpfProgram compile(String expression, LinkType linkType, int snaplen, boolean optimize,
            int netmask) throws FilterSyntaxException {
        return compile(FilterExpression.parse(expression), linkType, snaplen, optimize, netmask,
                HostResolver.system());
    }

    /**
     * Compiles a parsed expression.
     *
     * @param snaplen the snapshot length returned for accepted packets; must be positive
     * @param netmask the IPv4 netmask for {@code ip broadcast}, or {@link #NETMASK_UNKNOWN}
     * @throws FilterSyntaxException if the expression cannot be compiled for this link type
     */
    public static BpfProgram compile(FilterExpression expression, LinkType linkType, int snaplen, boolean optimize,
            int netmask, HostResolver resolver) throws FilterSyntaxException {
        return compile(expression, linkType, snaplen, optimize, netmask, resolver, false);
    }

    /**
     * Compiles for the kernel filter of a Linux packet socket ({@code SO_ATTACH_FILTER}), as libpcap compiles
     * for a live capture on Linux. The kernel takes a received frame's outer VLAN tag out of the frame and
     * keeps it in the packet's metadata; so here, on Ethernet, {@code vlan} tests that metadata through the
     * kernel's ancillary loads ({@code SKF_AD_VLAN_TAG_PRESENT}, {@code SKF_AD_VLAN_TAG}), and the frame only
     * when no tag was taken out. Everything else compiles as {@link #compile(String, LinkType, int, boolean, int)}
     * does. The program is for the kernel: run in userland, the ancillary loads reject the packet.
     *
     * @throws FilterSyntaxException if the expression cannot be compiled for this link type
     */
    public static BpfProgram compileForLinuxKernel(String expression, LinkType linkType, int snaplen, boolean optimize,
            int netmask) throws FilterSyntaxException {
        return compile(FilterExpression.parse(expression), linkType, snaplen, optimize, netmask, HostResolver.system(),
                true);
    }

    private static BpfProgram compile(FilterExpression expression, LinkType linkType, int snaplen, boolean optimize,
            int netmask, HostResolver resolver, boolean linuxKernel) throws FilterSyntaxException {
        if (snaplen == 0) {
            throw new FilterSyntaxException("snaplen of 0 rejects all packets", expression.text(), -1, "");
        }
        Gen gen = new Gen(expression.text(), linkType.toDlt(), snaplen, netmask);
        gen.linuxKernel = linuxKernel;
        Compiler compiler = new Compiler(gen, resolver);
        Optimizer.Graph graph = new Optimizer.Graph();
        graph.root = compiler.compile(expression.tree());
        gen.column = -1;
        if (optimize && !gen.noOptimize) {
            new Optimizer(graph, gen).optimize();
            if ((graph.root.code == (Gen.RET | Gen.K) && graph.root.k == 0)) {
                throw new FilterSyntaxException("expression rejects all packets", expression.text(), -1,
                        "an expression that some packet can match");
            }
        }
        List<BpfInstruction> insns = Linearizer.linearize(graph, gen);
        try {
            return new BpfProgram(insns);
        } catch (IllegalArgumentException e) {
            throw new FilterSyntaxException("the compiled program is not valid: " + e.getMessage(),
                    expression.text(), -1, "");
        }
    }
}
