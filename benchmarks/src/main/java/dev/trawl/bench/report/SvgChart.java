package dev.trawl.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the report's chart: horizontal bars of nanoseconds per packet, on a logarithmic axis (the figures
 * span from a few nanoseconds to microseconds), one panel per data set (the mix also as pcapng), for every
 * backend and baseline reading the file without a filter, and one for live capture (the capturing thread's
 * CPU per packet). Pure SVG text; no library, no external service.
 */
final class SvgChart {
    private static final int WIDTH = 960;
    private static final int LABEL = 250;
    private static final int ROW = 18;
    private static final int PLOT = WIDTH - LABEL - 90;

    private SvgChart() {
    }

    /** The SVG document for a run. */
    static String draw(RunRecord run) {
        List<List<Result>> panels = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (String data : List.of("small", "mix", "mix-pcapng")) {
            List<Result> rows = new ArrayList<>();
            for (String family : List.of("c", "capture", "pcap4j")) {
                for (Result r : run.results()) {
                    if (r.family().equals(family) && r.data().equals(data) && r.filter().equals("none")
                            && !r.operation().equals("c_offline_filter") && r.bestNsPerPacket() > 0) {
                        rows.add(r);
                    }
                }
            }
            if (!rows.isEmpty()) {
                rows.sort(Ordering.RESULTS);
                panels.add(rows);
                titles.add(switch (data) {
                    case "small" -> "64-byte frames: ns per packet, best iteration (log scale)";
                    case "mix" -> "IMIX-like mix: ns per packet, best iteration (log scale)";
                    default -> "IMIX-like mix as pcapng: ns per packet, best iteration (log scale)";
                });
                for (Result r : rows) {
                    min = Math.min(min, r.bestNsPerPacket());
                    max = Math.max(max, r.bestNsPerPacket());
                }
            }
        }
        List<Result> live = new ArrayList<>();
        for (var l : run.live()) {
            if (l.ran() && l.delivered() > 0) {
                live.add(new Result("live", l.capturer(), "", "live", "none", l.cpuNanosPerPacket(), Double.NaN,
                        l.cpuNanosPerPacket(), l.bytesPerPacket(), 1));
            }
        }
        if (!live.isEmpty()) {
            panels.add(live);
            titles.add("Live capture: capturing thread's CPU ns per packet (log scale)");
            for (Result r : live) {
                min = Math.min(min, r.bestNsPerPacket());
                max = Math.max(max, r.bestNsPerPacket());
            }
        }
        if (panels.isEmpty()) {
            min = 1;
            max = 10;
        }
        double lo = Math.pow(10, Math.floor(Math.log10(min)));
        double hi = Math.pow(10, Math.ceil(Math.log10(max)));
        if (hi <= lo) {
            hi = lo * 10;
        }
        int height = 20;
        for (List<Result> rows : panels) {
            height += 56 + rows.size() * ROW + 10;
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        int y = 20;
        for (int p = 0; p < panels.size(); p++) {
            List<Result> rows = panels.get(p);
            svg.append(text(10, y + 14, titles.get(p), "font-size=\"14\" font-weight=\"bold\""));
            int top = y + 36;
            int bottom = top + rows.size() * ROW;
            for (double tick = lo; tick <= hi * 1.0001; tick *= 10) {
                int x = LABEL + (int) Math.round(scale(tick, lo, hi) * PLOT);
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>%n", x, top - 4, x, bottom));
                svg.append(text(x - 10, top - 8, format(tick) + " ns", "fill=\"#666\" font-size=\"10\""));
            }
            for (int i = 0; i < rows.size(); i++) {
                Result r = rows.get(i);
                int rowY = top + i * ROW;
                int w = Math.max(1, (int) Math.round(scale(r.bestNsPerPacket(), lo, hi) * PLOT));
                svg.append(text(LABEL - 6, rowY + 13, label(r), "text-anchor=\"end\""));
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", LABEL, rowY + 2, w,
                        ROW - 4, color(r)));
                svg.append(text(LABEL + w + 4, rowY + 13, String.format(Locale.ROOT, "%.1f", r.bestNsPerPacket()), ""));
            }
            y = bottom + 20;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double scale(double value, double lo, double hi) {
        double v = Math.max(value, lo);
        return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    }

    private static String label(Result r) {
        return switch (r.family()) {
            case "c" -> "C libpcap " + r.operation().substring(2);
            case "pcap4j" -> "pcap4j direct " + r.operation();
            case "live" -> r.subject().equals("libpcap") ? "C libpcap live" : "trawl " + r.subject() + " live";
            default -> "trawl " + r.subject() + " " + r.operation();
        };
    }

    private static String color(Result r) {
        return switch (r.family()) {
            case "c" -> "#555555";
            case "pcap4j" -> "#d62728";
            case "live" -> r.subject().equals("libpcap") ? "#555555" : color(new Result("capture",
                    r.subject().split(" ")[0], "", "", "", 0, 0, 0, 0, 0));
            default -> switch (r.subject()) {
                case "java" -> "#1f77b4";
                case "panama" -> "#2ca02c";
                case "jna" -> "#ff7f0e";
                case "pcap4j" -> "#9467bd";
                case "afpacket" -> "#8c564b";
                default -> "#17becf";
            };
        };
    }

    private static String format(double tick) {
        return tick >= 1 ? String.format(Locale.ROOT, "%.0f", tick) : String.format(Locale.ROOT, "%.1f", tick);
    }

    private static String text(int x, int y, String content, String attributes) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>%s</text>%n", x, y, attributes, escape(content));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
