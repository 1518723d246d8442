package dev.trawl.filter;

import dev.trawl.filter.Ast.Expr;
import dev.trawl.filter.Ast.Qual;
import dev.trawl.filter.Ir.Block;
import dev.trawl.pcap.Bpf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/** Turns a syntax tree into the flow graph, in the order libpcap's parser actions run. */
final class Compiler {
    private final Gen g;
    private final HostResolver resolver;
    private final Arithmetic arith;

    Compiler(Gen g, HostResolver resolver) {
        this.g = g;
        this.resolver = resolver;
        this.arith = new Arithmetic(g);
    }

    /** Compiles the expression (null: match everything) into the root of the flow graph. */
    Block compile(Expr e) throws FilterSyntaxException {
        if (e == null) {
            return g.retBlock(g.snaplen);
        }
        Block b = expr(e);
        VarOffsets.insert(g, b.head);
        if (g.linktype == LinkLayers.PPI) {
            // PPI is supported only when it carries 802.11 (DLT 105, little-endian in the header).
            Block check = g.block(Bpf.JMP | Bpf.JEQ | Bpf.K, Integer.reverseBytes(LinkLayers.IEEE802_11));
            check.stmts = Gen.stmt(Bpf.LD | Bpf.W | Bpf.ABS, 4);
            Ir.and(check, b);
        }
        Ir.backpatch(b, g.retBlock(g.snaplen));
        b.sense = !b.sense;
        Ir.backpatch(b, g.retBlock(0));
        return b.head;
    }

    private Block expr(Expr e) throws FilterSyntaxException {
        int nots = 0;
        while (e instanceof Ast.Not n) {
            nots++;
            e = n.inner();
        }
        Block b;
        if (e instanceof Ast.Chain c) {
            b = chain(c);
        } else if (e instanceof Ast.Primitive p) {
            b = primitive(p);
        } else if (e instanceof Ast.ProtoAbbrev a) {
            g.column = a.column();
            b = Primitives.abbrev(g, a.proto());
        } else if (e instanceof Ast.Relation r) {
            b = arith.relation(r);
        } else {
            b = Specials.gen(g, arith, (Ast.Special) e);
        }
        if ((nots & 1) != 0) {
            Ir.not(b);
        }
        return b;
    }

    private Block chain(Ast.Chain c) throws FilterSyntaxException {
        Block acc = expr(c.first());
        for (Ast.Link link : c.rest()) {
            Block next = expr(link.term());
            if (link.and()) {
                Ir.and(acc, next);
            } else {
                Ir.or(acc, next);
            }
            acc = next;
        }
        return acc;
    }

    private Block primitive(Ast.Primitive p) throws FilterSyntaxException {
        g.column = p.column();
        Qual q = p.qual();
        if (q.undefined()) {
            throw g.error("syntax error in filter expression: '" + p.text()
                    + "' needs a qualifier such as 'host' or 'port'");
        }
        return switch (p.kind()) {
            case NAME -> scode(p.text(), q);
            case NUMBER -> ncode(null, p.number(), q);
            case IPV4 -> {
                Tok a = q.addr();
                if (a == Tok.PORT || a == Tok.PORTRANGE || a == Tok.PROTO || a == Tok.PROTOCHAIN) {
                    throw g.error("'" + Primitives.tokName(a) + "' modifier applied to ip host");
                }
                yield ncode(p.text(), 0, q);
            }
            case IPV4_CIDR -> mcode(p.text(), null, p.number(), q);
            case IPV4_MASK -> mcode(p.text(), p.mask(), 0, q);
            case IPV6, IPV6_CIDR -> mcode6(p.text(), p.number(), q);
            case MAC -> Primitives.ecode(g, Addresses.parseMac(p.text()), q);
            case ARCNET -> throw g.error("aid supported only on ARCnet");
        };
    }

    private Block ncode(String s, long v, Qual q) throws FilterSyntaxException {
        int vlen;
        if (s == null) {
            vlen = 32;
        } else {
            long[] r = Addresses.atoin(s);
            if (r == null) {
                throw g.error("invalid IPv4 address '" + s + "'");
            }
            v = r[0];
            vlen = (int) r[1];
        }
        Tok addr = q.addr();
        Tok proto = q.proto();
        if (addr == null || addr == Tok.HOST || addr == Tok.NET) {
            if (proto == Tok.DECNET) {
                throw g.error("DECnet addresses are not supported by this compiler");
            }
            if (proto == Tok.LINK) {
                throw g.error("illegal link layer address");
            }
            long mask = 0xffffffffL;
            if (s == null && addr == Tok.NET) {
                while (v != 0 && (v & 0xff000000L) == 0) {
                    v = (v << 8) & 0xffffffffL;
                    mask = (mask << 8) & 0xffffffffL;
                }
            } else {
                v = (v << (32 - vlen)) & 0xffffffffL;
                mask = (mask << (32 - vlen)) & 0xffffffffL;
            }
            return Primitives.host(g, (int) v, (int) mask, proto, q.dir(), addr);
        }
        if (addr == Tok.PORT || addr == Tok.PORTRANGE) {
            int ipProto = transport(proto, addr == Tok.PORT ? "port" : "portrange");
            if (v > 65535) {
                throw g.error("illegal port number " + v + " > 65535");
            }
            return Primitives.port(g, (int) v, (int) v, addr == Tok.PORTRANGE, ipProto, q.dir());
        }
        if (addr == Tok.GATEWAY) {
            throw g.error("'gateway' requires a name");
        }
        if (addr == Tok.PROTO) {
            return Primitives.proto(g, (int) v, proto, q.dir());
        }
        return Protochain.gen(g, (int) v, proto);
    }

    private int transport(Tok proto, String what) throws FilterSyntaxException {
        if (proto == Tok.UDP) {
            return Primitives.UDP;
        }
        if (proto == Tok.TCP) {
            return Primitives.TCP;
        }
        if (proto == Tok.SCTP) {
            return Primitives.SCTP;
        }
        if (proto == null) {
            return Primitives.PROTO_UNDEF;
        }
        throw g.error("illegal qualifier of '" + what + "'");
    }

    private int checkProto(Tok proto, int realProto, String name, String what) throws FilterSyntaxException {
        int want = proto == Tok.UDP ? Primitives.UDP : proto == Tok.TCP ? Primitives.TCP
                : proto == Tok.SCTP ? Primitives.SCTP : 0;
        if (want == 0) {
            return realProto;
        }
        if (realProto != Primitives.PROTO_UNDEF && realProto != want) {
            String is = realProto == Primitives.TCP ? "tcp" : realProto == Primitives.UDP ? "udp" : "sctp";
            throw g.error(what + " '" + name + "' is " + is);
        }
        return want;
    }

    private Block scode(String name, Qual q) throws FilterSyntaxException {
        Tok proto = q.proto();
        Tok addr = q.addr();
        if (addr == Tok.NET) {
            throw g.error("unknown network '" + name + "'");
        }
        if (addr == null || addr == Tok.HOST) {
            if (proto == Tok.LINK) {
                throw g.error("unknown ether host '" + name + "'");
            }
            if (proto == Tok.DECNET) {
                throw g.error("DECnet host names are not supported by this compiler");
            }
            List<InetAddress> addrs = resolver.resolve(name);
            Tok tproto = proto;
            Tok tproto6 = proto;
            if (g.offLinktype.constant == Gen.NOT_SET && proto == null) {
                tproto = Tok.IP;
                tproto6 = Tok.IPV6;
            }
            Block b = null;
            for (InetAddress a : addrs) {
                Block tmp;
                if (a instanceof Inet4Address) {
                    if (tproto == Tok.IPV6) {
                        continue;
                    }
                    byte[] x = a.getAddress();
                    int v = ((x[0] & 0xff) << 24) | ((x[1] & 0xff) << 16) | ((x[2] & 0xff) << 8) | (x[3] & 0xff);
                    tmp = Primitives.host(g, v, 0xffffffff, tproto, q.dir(), addr);
                } else if (a instanceof Inet6Address) {
                    if (tproto6 == Tok.IP) {
                        continue;
                    }
                    byte[] mask = new byte[16];
                    java.util.Arrays.fill(mask, (byte) 0xff);
                    tmp = Primitives.host6(g, a.getAddress(), mask, tproto6, q.dir(), addr);
                } else {
                    continue;
                }
                if (b != null) {
                    Ir.or(b, tmp);
                }
                b = tmp;
            }
            if (b == null) {
                throw g.error("unknown host '" + name + "'" + (proto == null ? "" : " for specified address family"));
            }
            return b;
        }
        if (addr == Tok.PORT) {
            transport(proto, "port");
            Names.Port port = Names.port(name);
            if (port == null) {
                throw g.error("unknown port '" + name + "'");
            }
            int real = checkProto(proto, port.proto(), name, "port");
            return Primitives.port(g, port.port(), port.port(), false, real, q.dir());
        }
        if (addr == Tok.PORTRANGE) {
            transport(proto, "portrange");
            int[] r = Names.portRange(name);
            if (r == null) {
                throw g.error("unknown port in range '" + name + "'");
            }
            int real = checkProto(proto, r[2], name, "port in range");
            for (int i = 0; i < 2; i++) {
                if (r[i] < 0) {
                    throw g.error("illegal port number " + r[i] + " < 0");
                }
                if (r[i] > 65535) {
                    throw g.error("illegal port number " + r[i] + " > 65535");
                }
            }
            return Primitives.port(g, r[0], r[1], true, real, q.dir());
        }
        if (addr == Tok.GATEWAY) {
            throw g.error("unknown ether host: " + name);
        }
        Integer v = lookupProto(name, proto);
        if (addr == Tok.PROTOCHAIN) {
            return Protochain.gen(g, v, proto);
        }
        return Primitives.proto(g, v, proto, q.dir());
    }

    private Integer lookupProto(String name, Tok proto) throws FilterSyntaxException {
        if (proto == null || proto == Tok.IP || proto == Tok.IPV6) {
            Integer v = Names.ipProtocol(name);
            if (v == null) {
                throw g.error("unknown ip proto '" + name + "'");
            }
            return v;
        }
        if (proto == Tok.LINK) {
            Integer v = Names.etherProtocol(name);
            if (v == null) {
                throw g.error("unknown ether proto '" + name + "'");
            }
            return v;
        }
        if (proto == Tok.ISO) {
            return switch (name) {
                case "esis" -> Primitives.ISO9542_ESIS;
                case "isis" -> Primitives.ISO10589_ISIS;
                case "clnp" -> Primitives.ISO8473_CLNP;
                default -> throw g.error("unknown osi proto '" + name + "'");
            };
        }
        throw g.error("unknown protocol: " + name);
    }

    private Block mcode(String s1, String s2, long masklen, Qual q) throws FilterSyntaxException {
        long[] n = Addresses.atoin(s1);
        if (n == null) {
            throw g.error("invalid IPv4 address '" + s1 + "'");
        }
        long nv = (n[0] << (32 - n[1])) & 0xffffffffL;
        long m;
        if (s2 != null) {
            long[] mm = Addresses.atoin(s2);
            if (mm == null) {
                throw g.error("invalid IPv4 address '" + s2 + "'");
            }
            m = (mm[0] << (32 - mm[1])) & 0xffffffffL;
            if ((nv & ~m) != 0) {
                throw g.error("non-network bits set in \"" + s1 + " mask " + s2 + "\"");
            }
        } else {
            if (masklen > 32) {
                throw g.error("mask length must be <= 32");
            }
            m = masklen == 0 ? 0 : (0xffffffffL << (32 - masklen)) & 0xffffffffL;
            if ((nv & ~m) != 0) {
                throw g.error("non-network bits set in \"" + s1 + "/" + masklen + "\"");
            }
        }
        if (q.addr() != Tok.NET) {
            throw g.error("Mask syntax for networks only");
        }
        return Primitives.host(g, (int) nv, (int) m, q.proto(), q.dir(), q.addr());
    }

    private Block mcode6(String s, long masklen, Qual q) throws FilterSyntaxException {
        byte[] a = Addresses.parseIpv6(s);
        if (a == null) {
            throw g.error("invalid ip6 address " + s);
        }
        if (masklen > 128) {
            throw g.error("mask length must be <= 128");
        }
        byte[] mask = new byte[16];
        for (int i = 0; i < masklen / 8; i++) {
            mask[i] = (byte) 0xff;
        }
        if (masklen % 8 != 0) {
            mask[(int) (masklen / 8)] = (byte) ((0xff << (8 - masklen % 8)) & 0xff);
        }
        for (int i = 0; i < 16; i++) {
            if ((a[i] & ~mask[i]) != 0) {
                throw g.error("non-network bits set in \"" + s + "/" + masklen + "\"");
            }
        }
        Tok addr = q.addr();
        if (addr == null || addr == Tok.HOST) {
            if (masklen != 128) {
                throw g.error("Mask syntax for networks only");
            }
        } else if (addr != Tok.NET) {
            throw g.error("invalid qualifier against IPv6 address");
        }
        return Primitives.host6(g, a, mask, q.proto(), q.dir(), addr);
    }
}
