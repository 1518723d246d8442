package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u24;
import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolRegistrar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The layers Wireshark names in {@code frame.protocols} while it reads the X.509 certificates and distinguished names
 * of a TLS handshake: every value whose meaning an object identifier gives (an attribute of a name, an extension,
 * an algorithm's parameters, a policy qualifier, an other-name) is handed to the decoder bound to that identifier,
 * and a decoder that takes bytes adds its protocol's name ({@code x509sat} for a common name, {@code x509ce} for most
 * extensions, {@code pkcs-1} for an elliptic curve's parameters, ...), in the order the values come, nested values
 * after the value that holds them. Each becomes a {@link LayerFlags#PSEUDO} layer over the value, and
 * {@link LayerFlags#UNSHOWN}: those decoders add fields but no item of their protocol, so a display filter does not
 * find it.
 *
 * <p>The bindings are Wireshark's (a resource, {@code ber-oids.tsv}); the values walked are those its X.509 decoders
 * hand on: the certificate's algorithms, issuer and subject, key algorithm, and extensions, and inside the bound
 * extensions the general names (other-names and directory names), policy qualifiers, access descriptions, directory
 * attributes and qualified statements, and the algorithms inside RSASSA-PSS and MGF1 parameters. Values that are not
 * well-formed DER end the walk of what holds them, silently: the layers found so far stay. Stateless and
 * thread-safe once built.
 */
final class CertificateLayers {
    private static final String RESOURCE = "ber-oids.tsv";
    /** A binding whose decoder takes no bytes: Wireshark adds its name and takes it back. */
    private static final int EMPTY = -2;
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int OID = 0x06;
    private static final int INTEGER = 0x02;
    private static final int OCTET_STRING = 0x04;
    private static final int BOOLEAN = 0x01;
    /** How deep values nest before the walk gives up (a guard against crafted input). */
    private static final int MAX_DEPTH = 8;

    /** The protocol bound to each object identifier, keyed by its DER contents (one char per byte), or EMPTY. */
    private final Map<String, Integer> bound = new HashMap<>();

    /**
     * The bindings, with each protocol registered in {@code r} by its Wireshark name (one the registry has already,
     * such as {@code tls}, gets an id of its own with that name, so that its decoder's fields never read the value).
     */
    CertificateLayers(ProtocolRegistrar r) {
        Map<String, Integer> ids = new HashMap<>();
        try (InputStream in = CertificateLayers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = lines.readLine()) != null;) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                int id = f.length > 2 && f[2].equals("empty") ? EMPTY
                        : ids.computeIfAbsent(f[1], name -> register(r, name));
                bound.put(contents(f[0]), id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    private static int register(ProtocolRegistrar r, String name) {
        return r.protocolId(name) == Protocols.NONE ? r.protocol(name, null)
                : r.protocol(name + ".ber", name, null);
    }

    /** The DER contents of dotted object identifier {@code oid}, one char per byte. */
    static String contents(String oid) {
        String[] arcs = oid.split("\\.");
        StringBuilder b = new StringBuilder();
        long first = Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]);
        base128(b, first);
        for (int i = 2; i < arcs.length; i++) {
            base128(b, Long.parseLong(arcs[i]));
        }
        return b.toString();
    }

    private static void base128(StringBuilder b, long arc) {
        int shift = 0;
        while (arc >>> (shift + 7) != 0) {
            shift += 7;
        }
        for (; shift > 0; shift -= 7) {
            b.append((char) (0x80 | (arc >>> shift) & 0x7F));
        }
        b.append((char) (arc & 0x7F));
    }

    /**
     * Adds the layers of a TLS 1.2 (or earlier) Certificate message's body in {@code [off, end)}: the chain, each
     * certificate behind its three-byte length.
     */
    void certificateList(byte[] b, int off, int end, DecodeContext ctx) {
        if (off + 3 > end) {
            return;
        }
        int listEnd = Math.min(end, off + 3 + u24(b, off));
        for (int p = off + 3; p + 3 <= listEnd;) {
            int certEnd = p + 3 + u24(b, p);
            if (certEnd > listEnd) {
                return;
            }
            certificate(b, p + 3, certEnd, ctx);
            p = certEnd;
        }
    }

    /**
     * Adds the layers of a CertificateRequest's certificate authorities in {@code [off, end)}: distinguished names,
     * each behind its two-byte length.
     */
    void distinguishedNames(byte[] b, int off, int end, DecodeContext ctx) {
        for (int p = off; p + 2 <= end;) {
            int nameEnd = p + 2 + u16(b, p);
            if (nameEnd > end) {
                return;
            }
            Der name = new Der(b, p + 2, nameEnd);
            if (name.next() == SEQUENCE) {
                name(b, name.start, name.end, ctx, 0);
            }
            p = nameEnd;
        }
    }

    /**
     * Adds the layers of a CertificateRequest message's body in {@code [body, end)}: its certificate authorities,
     * after the certificate types and, from (D)TLS 1.2 on ({@code algorithms}), the signature algorithms.
     */
    void certificateRequest(byte[] b, int body, int end, boolean algorithms, DecodeContext ctx) {
        int p = body;
        if (p + 1 > end) {
            return;
        }
        p += 1 + u8(b, p);
        if (algorithms) {
            if (p + 2 > end) {
                return;
            }
            p += 2 + u16(b, p);
        }
        if (p + 2 <= end && p + 2 + u16(b, p) == end) {
            distinguishedNames(b, p + 2, end, ctx);
        }
    }

    /** The layers of one DER certificate in {@code [off, end)}. */
    private void certificate(byte[] b, int off, int end, DecodeContext ctx) {
        Der cert = new Der(b, off, end);
        if (cert.next() != SEQUENCE) {
            return;
        }
        Der parts = cert.inside();
        if (parts.next() != SEQUENCE) {
            return;
        }
        Der tbs = parts.inside();
        int tag = tbs.next();
        if (tag == 0xA0) { // the version
            tag = tbs.next();
        }
        if (tag != INTEGER || tbs.next() != SEQUENCE) { // the serial number, the signature's algorithm
            return;
        }
        algorithm(b, tbs.start, tbs.end, ctx, 0);
        if (tbs.next() != SEQUENCE) {
            return;
        }
        name(b, tbs.start, tbs.end, ctx, 0); // the issuer
        if (tbs.next() != SEQUENCE || tbs.next() != SEQUENCE) { // the validity, the subject
            return;
        }
        name(b, tbs.start, tbs.end, ctx, 0);
        if (tbs.next() != SEQUENCE) {
            return;
        }
        Der key = tbs.inside();
        if (key.next() == SEQUENCE) {
            algorithm(b, key.start, key.end, ctx, 0);
        }
        for (tag = tbs.next(); tag == 0x81 || tag == 0x82; tag = tbs.next()) {
            // the issuer's and subject's unique identifiers
        }
        if (tag == 0xA3) {
            Der wrapped = tbs.inside();
            if (wrapped.next() == SEQUENCE) {
                extensions(b, wrapped, ctx);
            }
        }
        if (parts.next() == SEQUENCE) {
            algorithm(b, parts.start, parts.end, ctx, 0);
        }
    }

    /** The extensions in the SEQUENCE {@code list} just read. */
    private void extensions(byte[] b, Der list, DecodeContext ctx) {
        Der all = list.inside();
        while (all.next() == SEQUENCE) {
            Der extension = all.inside();
            if (extension.next() != OID) {
                return;
            }
            int idStart = extension.start;
            int idEnd = extension.end;
            int tag = extension.next();
            if (tag == BOOLEAN) {
                tag = extension.next();
            }
            if (tag == OCTET_STRING) {
                value(b, idStart, idEnd, extension.start, extension.end, ctx, 0);
            }
        }
    }

    /**
     * An AlgorithmIdentifier's contents in {@code [off, end)}: its parameters, if any, go to its algorithm's decoder.
     */
    private void algorithm(byte[] b, int off, int end, DecodeContext ctx, int depth) {
        Der a = new Der(b, off, end);
        if (a.next() != OID) {
            return;
        }
        int idStart = a.start;
        int idEnd = a.end;
        if (a.next() >= 0) {
            value(b, idStart, idEnd, a.headerStart, a.end, ctx, depth);
        }
    }

    /** A Name's contents in {@code [off, end)}: its relative names, SETs. */
    private void name(byte[] b, int off, int end, DecodeContext ctx, int depth) {
        Der rdns = new Der(b, off, end);
        while (rdns.next() == SET) {
            relativeName(b, rdns.start, rdns.end, ctx, depth);
        }
    }

    /** A relative name's contents in {@code [off, end)}: each attribute's value goes to its type's decoder. */
    private void relativeName(byte[] b, int off, int end, DecodeContext ctx, int depth) {
        Der attributes = new Der(b, off, end);
        while (attributes.next() == SEQUENCE) {
            Der attribute = attributes.inside();
            if (attribute.next() != OID) {
                return;
            }
            int idStart = attribute.start;
            int idEnd = attribute.end;
            if (attribute.next() >= 0) {
                value(b, idStart, idEnd, attribute.headerStart, attribute.end, ctx, depth);
            }
        }
    }

    /**
     * Hands the value in {@code [off, end)} to the decoder bound to the identifier whose contents are
     * {@code [idStart, idEnd)}: its layer, then those of the values it hands on in turn.
     */
    private void value(byte[] b, int idStart, int idEnd, int off, int end, DecodeContext ctx, int depth) {
        Integer protocol = bound.get(new String(b, idStart, idEnd - idStart, StandardCharsets.ISO_8859_1));
        if (protocol == null || protocol == EMPTY || depth > MAX_DEPTH) {
            return; // bound to nothing: Wireshark shows the bytes as unknown BER, handing nothing on
        }
        ctx.flag(ctx.addLayer(protocol, off, 0, end), LayerFlags.PSEUDO | LayerFlags.UNSHOWN);
        String oid = dotted(b, idStart, idEnd);
        switch (oid) {
            case "2.5.29.17", "2.5.29.18" -> generalNames(b, new Der(b, off, end), SEQUENCE, ctx, depth);
            case "2.5.29.35" -> { // authority key identifier: its issuer's names
                Der key = new Der(b, off, end);
                if (key.next() == SEQUENCE) {
                    Der parts = key.inside();
                    for (int tag = parts.next(); tag >= 0; tag = parts.next()) {
                        if (tag == 0xA1) {
                            generalNameList(b, parts.start, parts.end, ctx, depth);
                        }
                    }
                }
            }
            case "2.5.29.31", "2.5.29.46" -> distributionPoints(b, off, end, ctx, depth);
            case "2.5.29.30" -> nameConstraints(b, off, end, ctx, depth);
            case "2.5.29.32", "1.3.6.1.4.1.311.21.10" -> policies(b, off, end, ctx, depth);
            case "1.3.6.1.5.5.7.1.1", "1.3.6.1.5.5.7.1.11" -> accessDescriptions(b, off, end, ctx, depth);
            case "2.5.29.9" -> directoryAttributes(b, off, end, ctx, depth);
            case "1.3.6.1.5.5.7.1.3" -> statements(b, off, end, ctx, depth);
            case "1.2.840.113549.1.1.10" -> pssParameters(b, off, end, ctx, depth);
            case "1.2.840.113549.1.1.8" -> { // MGF1: its hash's algorithm
                Der a = new Der(b, off, end);
                if (a.next() == SEQUENCE) {
                    algorithm(b, a.start, a.end, ctx, depth + 1);
                }
            }
            default -> {
            }
        }
    }

    /** The GeneralNames SEQUENCE (tagged {@code tag}) that {@code d} reads next. */
    private void generalNames(byte[] b, Der d, int tag, DecodeContext ctx, int depth) {
        if (d.next() == tag) {
            generalNameList(b, d.start, d.end, ctx, depth);
        }
    }

    /** GeneralName items in {@code [off, end)}: other-names and directory names hand values on. */
    private void generalNameList(byte[] b, int off, int end, DecodeContext ctx, int depth) {
        Der names = new Der(b, off, end);
        for (int tag = names.next(); tag >= 0; tag = names.next()) {
            generalName(b, tag, names, ctx, depth);
        }
    }

    /** The GeneralName with tag {@code tag} that {@code d} has just read. */
    private void generalName(byte[] b, int tag, Der d, DecodeContext ctx, int depth) {
        if (tag == 0xA0) { // otherName: a type and an explicitly tagged value
            Der other = d.inside();
            if (other.next() != OID) {
                return;
            }
            int idStart = other.start;
            int idEnd = other.end;
            if (other.next() == 0xA0) {
                Der value = other.inside();
                if (value.next() >= 0) {
                    value(b, idStart, idEnd, value.headerStart, value.end, ctx, depth + 1);
                }
            }
        } else if (tag == 0xA4) { // directoryName, explicitly tagged
            Der name = d.inside();
            if (name.next() == SEQUENCE) {
                name(b, name.start, name.end, ctx, depth + 1);
            }
        }
    }

    /** CRL distribution points: full names, names relative to the issuer, and CRL issuers. */
    private void distributionPoints(byte[] b, int off, int end, DecodeContext ctx, int depth) {
        Der list = new Der(b, off, end);
        if (list.next() != SEQUENCE) {
            return;
        }
        Der points = list.inside();
        while (points.next() == SEQUENCE) {
            Der point = points.inside();
            for (int tag = point.next(); tag >= 0; tag = point.next()) {
                if (tag == 0xA0) {
                    Der name = point.inside();
                    int inner = name.next();
                    if (inner == 0xA0) {
                        generalNameList(b, name.start, name.end, ctx, depth);
                    } else if (inner == 0xA1) {
                        relativeName(b, name.start, name.end, ctx, depth + 1);
                    }
                } else if (tag == 0xA2) {
                    generalNameList(b, point.start, point.end, ctx, depth);
                }
            }
        }
    }

    /** Name constraints: the base name of each permitted and excluded subtree. */
    private void nameConstraints(byte[] b, int off, int end, DecodeContext ctx, int depth) {
        Der outer = new Der(b, off, end);
        if (outer.next() != SEQUENCE) {
            return;
        }
        Der trees = outer.inside();
        for (int tag = trees.next(); tag >= 0; tag = trees.next()) {
            if (tag != 0xA0 && tag != 0xA1) {
                continue;
            }
            Der subtrees = trees.inside();
            while (subtrees.next() == SEQUENCE) {
                Der subtree = subtrees.inside();
                int base = subtree.next();
                if (base >= 0) {
                    generalName(b, base, subtree, ctx, depth);
                }
            }
        }
    }

    /** Certificate policies: each qualifier goes to its type's decoder. */
    private void policies(byte[] b, int off, int end, DecodeContext ctx, int depth) {
        Der outer = new Der(b, off, end);
        if (outer.next() != SEQUENCE) {
            return;
        }
        Der list = outer.inside();
        while (list.next() == SEQUENCE) {
            Der policy = list.inside();
            if (policy.next() != OID || policy.next() != SEQUENCE) {
                continue;
            }
            identifiedValues(b, policy.inside(), ctx, depth);
        }
    }

    /**
     * The SEQUENCEs of an identifier and an optional value that {@code list} holds (policy qualifiers, qualified
     * statements): each value goes to its identifier's decoder.
     */
    private void identifiedValues(byte[] b, Der list, DecodeContext ctx, int depth) {
        while (list.next() == SEQUENCE) {
            Der item = list.inside();
            if (item.next() != OID) {
                continue;
            }
            int idStart = item.start;
            int idEnd = item.end;
            if (item.next() >= 0) {
                value(b, idStart, idEnd, item.headerStart, item.end, ctx, depth + 1);
            }
        }
    }

    /** Authority or subject information access: each location is a general name. */
    private void accessDescriptions(byte[] b, int off, int end, DecodeContext ctx, int depth) {
        Der outer = new Der(b, off, end);
        if (outer.next() != SEQUENCE) {
            return;
        }
        Der list = outer.inside();
        while (list.next() == SEQUENCE) {
            Der description = list.inside();
            if (description.next() != OID) {
                continue;
            }
            int location = description.next();
            if (location >= 0) {
                generalName(b, location, description, ctx, depth);
            }
        }
    }

    /** Subject directory attributes: each value goes to its attribute type's decoder. */
    private void directoryAttributes(byte[] b, int off, int end, DecodeContext ctx, int depth) {
        Der outer = new Der(b, off, end);
        if (outer.next() != SEQUENCE) {
            return;
        }
        Der list = outer.inside();
        while (list.next() == SEQUENCE) {
            Der attribute = list.inside();
            if (attribute.next() != OID) {
                continue;
            }
            int idStart = attribute.start;
            int idEnd = attribute.end;
            if (attribute.next() == SET) {
                Der values = attribute.inside();
                while (values.next() >= 0) {
                    value(b, idStart, idEnd, values.headerStart, values.end, ctx, depth + 1);
                }
            }
        }
    }

    /** Qualified certificate statements: each statement's information goes to its identifier's decoder. */
    private void statements(byte[] b, int off, int end, DecodeContext ctx, int depth) {
        Der outer = new Der(b, off, end);
        if (outer.next() != SEQUENCE) {
            return;
        }
        identifiedValues(b, outer.inside(), ctx, depth);
    }

    /** RSASSA-PSS parameters: the hash's and the mask generation function's algorithms. */
    private void pssParameters(byte[] b, int off, int end, DecodeContext ctx, int depth) {
        Der outer = new Der(b, off, end);
        if (outer.next() != SEQUENCE) {
            return;
        }
        Der fields = outer.inside();
        for (int tag = fields.next(); tag >= 0; tag = fields.next()) {
            if (tag == 0xA0 || tag == 0xA1) {
                Der a = fields.inside();
                if (a.next() == SEQUENCE) {
                    algorithm(b, a.start, a.end, ctx, depth + 1);
                }
            }
        }
    }

    /** The dotted form of the object identifier whose DER contents are {@code [off, end)}. */
    static String dotted(byte[] b, int off, int end) {
        StringBuilder s = new StringBuilder();
        long arc = 0;
        boolean first = true;
        for (int p = off; p < end; p++) {
            arc = arc << 7 | (b[p] & 0x7F);
            if ((b[p] & 0x80) != 0) {
                continue;
            }
            if (first) {
                int top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
                s.append(top).append('.').append(arc - 40L * top);
                first = false;
            } else {
                s.append('.').append(arc);
            }
            arc = 0;
        }
        return s.toString();
    }

    /**
     * A reader of the DER elements back to back in a region: {@link #next} reads one header and says its tag (or -1
     * at the end, or at anything not well-formed, after which it stays at the end); the element's contents are then
     * {@code [start, end)}, its header starting at {@code headerStart}.
     */
    private static final class Der {
        private final byte[] b;
        private int at;
        private final int limit;
        int headerStart;
        int start;
        int end;

        Der(byte[] b, int off, int limit) {
            this.b = b;
            this.at = off;
            this.limit = limit;
        }

        int next() {
            if (at + 2 > limit) {
                return fail();
            }
            headerStart = at;
            int tag = b[at] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                return fail(); // a high tag number: none of the values walked has one
            }
            int length = b[at + 1] & 0xFF;
            int p = at + 2;
            if (length > 0x80) {
                int bytes = length & 0x7F;
                if (bytes > 3 || p + bytes > limit) {
                    return fail();
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = length << 8 | (b[p++] & 0xFF);
                }
            } else if (length == 0x80) {
                return fail(); // indefinite length: not DER
            }
            if (length > limit - p) {
                return fail();
            }
            start = p;
            end = p + length;
            at = end;
            return tag;
        }

        /** A reader of the contents of the element just read. */
        Der inside() {
            return new Der(b, start, end);
        }

        private int fail() {
            at = limit;
            return -1;
        }
    }
}
