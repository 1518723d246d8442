package dev.trawl.decode.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.MergedCorpus;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Display filters against tshark 4.0, over every corpus capture both read cleanly (merged into one file):
 * for each expression, the same verdict (accepted or refused) and, when accepted, the same matching frames.
 * The expressions are the hand-written ones of {@code filters.txt}, which cover each rule of the language,
 * those of {@code everyday.txt}, which users type most, and combinations generated from the values the
 * capture's fields really have. tshark gives all its verdicts in one pass, through a Lua listener per filter
 * ({@code verdicts.lua}).
 */
class DisplayFilterAgreementTest {
    /** Fields whose values the generated expressions compare, with the operators that suit their type. */
    private static final List<String> GENERATED_FIELDS = List.of("ip.src", "ip.dst", "ip.addr", "ip.ttl", "ip.proto",
            "ip.len", "ip.id", "ip.flags", "ipv6.src", "ipv6.dst", "ipv6.nxt", "ipv6.hlim", "eth.src", "eth.dst",
            "eth.type", "vlan.id", "tcp.srcport", "tcp.dstport", "tcp.port", "tcp.flags", "tcp.len", "tcp.seq_raw",
            "tcp.window_size_value", "udp.srcport", "udp.dstport", "udp.port", "udp.length", "icmp.type", "icmp.code",
            "icmpv6.type", "dns.id", "dns.qry.name", "dns.flags.response", "frame.len", "frame.cap_len",
            "frame.protocols", "arp.opcode", "dns.qry.type", "tcp.payload", "udp.payload", "data.data", "data.len",
            "ip.opt.type", "ip.opt.len", "frame.interface_id", "http.request.method", "http.request.uri", "http.host",
            "http.response.code", "tcp.options", "tcp.options.mss_val", "tcp.options.wscale.shift",
            "tls.handshake.type", "tls.record.content_type", "dns.a", "dns.resp.ttl", "dns.flags.rcode", "tcp.stream",
            "udp.stream", "ip.dsfield.dscp", "ip.flags.df", "tcp.flags.syn", "eth.dst.ig", "icmp.seq",
            "ipv6.flow", "tcp.hdr_len", "tcp.ack_raw", "frame.number");

    /** Fields whose values tshark prints as hex with nothing between the bytes. */
    private static final Set<String> PLAIN_BYTES = Set.of("tcp.payload", "udp.payload", "data.data", "tcp.options");
    /** Fields whose values are text, quoted in a filter. */
    private static final Set<String> TEXT = Set.of("dns.qry.name", "frame.protocols", "http.request.method",
            "http.request.uri", "http.host");

    private final Path dir = Path.of("target", "display-filters");

    @Test
    void verdictsAndMatchesAgreeWithTshark() throws Exception {
        List<Path> corpus = MergedCorpus.files(Path.of("target", "display-filters"));
        List<String> expressions = new ArrayList<>(handWritten());
        expressions.addAll(generated(corpus.get(0)));
        Map<Integer, String> refused = new HashMap<>();
        List<Map<Integer, BitSet>> matched = new ArrayList<>();
        for (Path merged : corpus) {
            Map<Integer, BitSet> m = new HashMap<>();
            tsharkVerdicts(merged, expressions, refused, m);
            matched.add(m);
        }

        List<DisplayFilter> filters = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int validityAgreed = 0;
        for (int i = 0; i < expressions.size(); i++) {
            String e = expressions.get(i);
            DisplayFilter filter = null;
            String error = null;
            try {
                filter = DisplayFilter.compile(e);
            } catch (DisplayFilterException ex) {
                error = ex.description();
            }
            boolean tsharkRefused = refused.containsKey(i + 1);
            if ((error != null) == tsharkRefused) {
                validityAgreed++;
            } else {
                problems.add("verdict: " + e + " -> trawl " + (error == null ? "accepts" : "refuses: " + error)
                        + ", tshark " + (tsharkRefused ? "refuses: " + refused.get(i + 1) : "accepts"));
            }
            filters.add(error == null && !tsharkRefused ? filter : null);
        }
        List<Map<Integer, BitSet>> ours = new ArrayList<>();
        for (Path merged : corpus) {
            ours.add(trawlMatches(merged, filters));
        }
        int pairs = 0;
        int pairsAgreed = 0;
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i) == null) {
                continue;
            }
            pairs++;
            BitSet theirs = all(matched, i + 1);
            BitSet mine = all(ours, i);
            if (theirs.equals(mine)) {
                pairsAgreed++;
            } else {
                BitSet onlyTshark = (BitSet) theirs.clone();
                onlyTshark.andNot(mine);
                BitSet onlyTrawl = (BitSet) mine.clone();
                onlyTrawl.andNot(theirs);
                problems.add("matches: " + expressions.get(i) + " -> only tshark " + head(onlyTshark) + ", only trawl "
                        + head(onlyTrawl));
            }
        }
        String summary = String.format("%d expressions: verdicts agree for %d; matches agree for %d of %d accepted",
                expressions.size(), validityAgreed, pairsAgreed, pairs);
        System.out.println("display filters: " + summary);
        problems.forEach(p -> System.out.println("  " + p));
        double perCapture = perCapture(corpus, filters, matched, ours);
        assertTrue(expressions.size() > 600, "too few expressions: " + expressions.size());
        assertEquals(expressions.size(), validityAgreed, "every verdict agrees: " + summary);
        // What remains is the decoder's, not the language's: expert information it does not produce, QUIC's
        // encrypted handshakes, heuristics of tshark's it does not share, frames it decodes differently; the
        // bar rises as they are added.
        assertTrue(pairsAgreed >= 0.95 * pairs, summary);
        assertTrue(perCapture >= 0.98, "per (expression, capture) pair: " + perCapture);
    }

    /**
     * The share of (accepted expression, capture) pairs on which both match the same frames, printed with the
     * captures that disagree most: the measure a user meets, filtering one capture at a time.
     */
    private static double perCapture(List<Path> corpus, List<DisplayFilter> filters, List<Map<Integer, BitSet>> tshark,
            List<Map<Integer, BitSet>> trawl) throws IOException {
        long pairs = 0;
        long agreed = 0;
        Map<String, Integer> worst = new TreeMap<>();
        for (int k = 0; k < corpus.size(); k++) {
            List<Map.Entry<String, Integer>> captures = new ArrayList<>(MergedCorpus.firstFrames(corpus.get(k)).entrySet());
            for (int c = 0; c < captures.size(); c++) {
                int from = captures.get(c).getValue();
                int to = c + 1 < captures.size() ? captures.get(c + 1).getValue() : Integer.MAX_VALUE;
                for (int i = 0; i < filters.size(); i++) {
                    if (filters.get(i) == null) {
                        continue;
                    }
                    pairs++;
                    BitSet theirs = tshark.get(k).getOrDefault(i + 1, new BitSet());
                    BitSet mine = trawl.get(k).getOrDefault(i, new BitSet());
                    if (theirs.get(from, to).equals(mine.get(from, to))) {
                        agreed++;
                    } else {
                        worst.merge(captures.get(c).getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("display filters per (expression, capture) pair: %d of %d agree (%.2f%%)%n", agreed, pairs,
                100.0 * agreed / pairs);
        worst.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.println("  " + e.getKey() + ": " + e.getValue() + " expressions disagree"));
        return (double) agreed / pairs;
    }

    /** The frames matched in every file, numbered as if the files were one: file k's frames from k * 100,000. */
    private static BitSet all(List<Map<Integer, BitSet>> perFile, int key) {
        BitSet out = new BitSet();
        for (int k = 0; k < perFile.size(); k++) {
            BitSet frames = perFile.get(k).get(key);
            if (frames != null) {
                for (int f = frames.nextSetBit(0); f >= 0; f = frames.nextSetBit(f + 1)) {
                    out.set(k * 100_000 + f);
                }
            }
        }
        return out;
    }

    private static String head(BitSet frames) {
        StringBuilder sb = new StringBuilder("[");
        int shown = 0;
        for (int f = frames.nextSetBit(0); f >= 0 && shown < 6; f = frames.nextSetBit(f + 1), shown++) {
            sb.append(shown > 0 ? "," : "").append(f);
        }
        return sb.append(frames.cardinality() > shown ? ",... (" + frames.cardinality() + ")]" : "]").toString();
    }

    /** The expressions of {@code filters.txt} (each rule of the language) and {@code everyday.txt} (common use). */
    static List<String> handWritten() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String resource : List.of("filters.txt", "everyday.txt")) {
            try (InputStream in = DisplayFilterAgreementTest.class.getResourceAsStream(resource)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(line);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Expressions made from the values the capture's fields have (as tshark prints them): comparisons of each
     * kind, sets and ranges, negations and combinations, with a fixed seed.
     */
    private List<String> generated(Path merged) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", merged.toString(), "-T", "fields",
                "-E", "occurrence=f", "-E", "separator=/t"));
        for (String f : GENERATED_FIELDS) {
            command.add("-e");
            command.add(f);
        }
        String out = MergedCorpus.run(command, null);
        Map<String, List<String>> values = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] cells = line.split("\t", -1);
            for (int k = 0; k < cells.length && k < GENERATED_FIELDS.size(); k++) {
                if (!cells[k].isEmpty()) {
                    List<String> seen = values.computeIfAbsent(GENERATED_FIELDS.get(k), x -> new ArrayList<>());
                    if (!seen.contains(cells[k]) && seen.size() < 40) {
                        seen.add(cells[k]);
                    }
                }
            }
        }
        Random random = new Random(20_261_205L);
        List<String> ops = List.of("==", "!=", ">", ">=", "<", "<=", "===", "!==", "~=");
        Set<String> expressions = new LinkedHashSet<>();
        List<String> fields = new ArrayList<>(values.keySet());
        for (String field : fields) {
            List<String> vs = values.get(field);
            if (PLAIN_BYTES.contains(field)) {
                bytesExpressions(field, vs, random, expressions);
                continue;
            }
            if (TEXT.contains(field)) {
                textExpressions(field, vs, random, expressions);
            } else if (isNumber(vs.get(0))) {
                String v = vs.get(random.nextInt(vs.size()));
                expressions.add(field + " & " + (1L << random.nextInt(8)));
                expressions.add(field + " & 0x" + Long.toHexString(Long.parseLong(v) | 1));
                expressions.add(field + " + 1 > " + v);
                expressions.add(field + " in {" + v + ", " + (Long.parseLong(v) + 1) + "} and count(" + field + ") == 1");
            }
            for (int n = 0; n < 6; n++) {
                String v = literal(field, vs.get(random.nextInt(vs.size())));
                String op = ops.get(random.nextInt(ops.size()));
                expressions.add(field + " " + op + " " + v);
            }
            String a = literal(field, vs.get(random.nextInt(vs.size())));
            String b = literal(field, vs.get(random.nextInt(vs.size())));
            expressions.add(field + " in {" + a + ", " + b + "}");
            expressions.add(field + " not in {" + a + "}");
            expressions.add("any " + field + " == " + a);
            expressions.add("all " + field + " == " + a);
            expressions.add("all " + field + " != " + b);
            expressions.add("!" + field);
            if (isNumber(vs.get(0))) {
                expressions.add(field + " in {" + a + " .. " + b + "}");
                expressions.add(field + " in {" + b + " .. " + a + "}");
            }
        }
        List<String> singles = new ArrayList<>(expressions);
        for (int n = 0; n < 150; n++) {
            String x = singles.get(random.nextInt(singles.size()));
            String y = singles.get(random.nextInt(singles.size()));
            switch (random.nextInt(4)) {
                case 0 -> expressions.add(x + " and " + y);
                case 1 -> expressions.add(x + " or " + y);
                case 2 -> expressions.add("not (" + x + ") and " + y);
                default -> expressions.add("(" + x + " or " + y + ") and !(" + x + ")");
            }
        }
        return new ArrayList<>(expressions);
    }

    /** Slices, membership, lengths and byte strings of a field tshark prints as plain hex. */
    private static void bytesExpressions(String field, List<String> values, Random random, Set<String> out) {
        out.add(field);
        out.add("!" + field);
        for (int n = 0; n < 4; n++) {
            String hex = values.get(random.nextInt(values.size()));
            int bytes = hex.length() / 2;
            int from = random.nextInt(bytes);
            int take = Math.min(1 + random.nextInt(4), bytes - from);
            String piece = colons(hex.substring(2 * from, 2 * (from + take)));
            out.add(field + "[" + from + ":" + take + "] == " + piece);
            out.add(field + "[" + from + ":" + take + "] != " + piece);
            out.add(field + " contains " + piece);
            out.add(field + "[0] == " + hex.substring(0, 2) + " or " + field + "[-1:] == " + hex.substring(hex.length() - 2));
            out.add("len(" + field + ") " + (random.nextBoolean() ? ">" : "<=") + " " + bytes);
            out.add(field + "[" + from + "] & 0x" + String.format("%02x", 1 << random.nextInt(8)));
            out.add(field + " == " + colons(hex.length() > 64 ? hex.substring(0, 64) : hex));
        }
    }

    /** Equality, sets, {@code contains}, {@code matches} and the string functions on a text field. */
    private static void textExpressions(String field, List<String> values, Random random, Set<String> out) {
        for (int n = 0; n < 4; n++) {
            String v = values.get(random.nextInt(values.size()));
            String piece = v.substring(0, Math.min(v.length(), 1 + random.nextInt(4)));
            out.add(field + " contains " + quote(piece));
            out.add(field + " matches " + quote("^" + piece.replaceAll("[^A-Za-z0-9]", ".")));
            out.add("upper(" + field + ") == " + quote(v.toUpperCase(java.util.Locale.ROOT)));
            out.add("lower(" + field + ") contains " + quote(piece.toLowerCase(java.util.Locale.ROOT)));
            out.add("len(" + field + ") == " + v.length());
            out.add(field + " in {" + quote(v) + " " + quote(piece) + "}");
            out.add(field + "[0:1] == " + quote(v.substring(0, 1)));
        }
    }

    private static String colons(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < hex.length(); k += 2) {
            sb.append(k > 0 ? ":" : "").append(hex, k, k + 2);
        }
        return sb.toString();
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isNumber(String v) {
        return !v.isEmpty() && v.chars().allMatch(Character::isDigit);
    }

    /** A value as a filter literal: strings quoted, everything else as tshark printed it. */
    private static String literal(String field, String value) {
        if (TEXT.contains(field)) {
            return quote(value);
        }
        return value;
    }

    private void tsharkVerdicts(Path merged, List<String> expressions, Map<Integer, String> refused,
            Map<Integer, BitSet> matched) throws IOException, InterruptedException {
        Path filters = dir.resolve("filters.txt");
        Files.write(filters, expressions, StandardCharsets.UTF_8);
        Path verdicts = dir.resolve("verdicts.tsv");
        Path script = dir.resolve("verdicts.lua");
        try (InputStream in = getClass().getResourceAsStream("verdicts.lua")) {
            Files.write(script, in.readAllBytes());
        }
        Map<String, String> env = Map.of("TRAWL_FILTERS", filters.toString(), "TRAWL_VERDICTS", verdicts.toString());
        MergedCorpus.run(List.of("tshark", "-n", "-q", "-r", merged.toString(), "-X", "lua_script:" + script), env);
        for (String line : Files.readAllLines(verdicts, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t", 3);
            int n = Integer.parseInt(cells[0]);
            if (cells[1].equals("ERR")) {
                refused.putIfAbsent(n, cells.length > 2 ? cells[2] : "");
            } else {
                matched.computeIfAbsent(n, k -> new BitSet()).set(Integer.parseInt(cells[1]));
            }
        }
        assertTrue(Files.size(verdicts) > 0, "tshark gave no verdicts");
    }

    private static Map<Integer, BitSet> trawlMatches(Path merged, List<DisplayFilter> filters) throws PcapException {
        Map<Integer, BitSet> out = new LinkedHashMap<>();
        PacketDecoder decoder = new PacketDecoder().reassembleFragments(true).followConversations(true)
                .reassembleStreams(true).trackConversations(true);
        try (OfflineHandle handle = Pcap.backend("java").openOffline(merged)) {
            int frame = 0;
            while (handle.next() == ReadStatus.PACKET) {
                decoder.nextFrameNumber(++frame);
                decoder.nextInterface(handle.packet().interfaceId());
                DecodedPacket p = decoder.decode(MergedCorpus.linkType(handle, handle.packet()), handle.packet());
                for (int i = 0; i < filters.size(); i++) {
                    DisplayFilter f = filters.get(i);
                    if (f != null && f.test(p)) {
                        out.computeIfAbsent(i, k -> new BitSet()).set(frame);
                    }
                }
            }
        }
        return out;
    }
}
