package dev.trawl.filter;

/** Parsing of address literals as libpcap's scanner and name-to-address helpers treat them. */
final class Addresses {
    private Addresses() {
    }

    /**
     * Parses a possibly short dotted IPv4 address as {@code __pcap_atoin} does.
     *
     * @return {value, bit length}, or null if a component exceeds 255
     */
    static long[] atoin(String s) {
        long addr = 0;
        int len = 0;
        int i = 0;
        while (true) {
            long n = 0;
            while (i < s.length() && s.charAt(i) != '.') {
                if (n > 25) {
                    return null;
                }
                n = n * 10 + (s.charAt(i++) - '0');
            }
            if (n > 255 || n < 0) {
                return null;
            }
            addr = ((addr << 8) | (n & 0xff)) & 0xffffffffL;
            len += 8;
            if (i >= s.length()) {
                return new long[] {addr, len};
            }
            i++;
        }
    }

    /** Whether the text has the lexical shape of an IPv6 address (not necessarily a valid one). */
    static boolean hasIpv6Shape(String t) {
        int dc = t.indexOf("::");
        if (dc >= 0 && t.indexOf("::", dc + 1) >= 0) {
            return false;
        }
        String head = t;
        String tail4 = null;
        int lastColon = t.lastIndexOf(':');
        if (lastColon < 0) {
            return false;
        }
        if (t.indexOf('.') >= 0) {
            tail4 = t.substring(lastColon + 1);
            head = t.substring(0, lastColon + 1);
            String[] q = tail4.split("\\.", -1);
            if (q.length != 4) {
                return false;
            }
            for (String p : q) {
                if (p.isEmpty() || !p.chars().allMatch(Character::isDigit)) {
                    return false;
                }
            }
            if (head.endsWith("::")) {
                head = head + "0";
            } else if (head.endsWith(":")) {
                head = head + "0";
            }
        }
        int groups = 0;
        String[] parts;
        if (dc >= 0) {
            String left = head.substring(0, head.indexOf("::"));
            String right = head.substring(head.indexOf("::") + 2);
            if (!groupsOk(left, true) || !groupsOk(right, true)) {
                return false;
            }
            groups = count(left) + count(right) + (tail4 != null ? 1 : 0);
            return groups <= 7;
        }
        parts = head.split(":", -1);
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(ch -> Lexer.isHex((char) ch))) {
                return false;
            }
        }
        groups = parts.length + (tail4 != null ? 1 : 0);
        return groups == 8;
    }

    private static int count(String s) {
        return s.isEmpty() ? 0 : s.split(":", -1).length;
    }

    private static boolean groupsOk(String s, boolean allowEmpty) {
        if (s.isEmpty()) {
            return allowEmpty;
        }
        for (String p : s.split(":", -1)) {
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(ch -> Lexer.isHex((char) ch))) {
                return false;
            }
        }
        return true;
    }

    /** Parses an IPv6 literal strictly (as inet_pton does), or returns null. */
    static byte[] parseIpv6(String t) {
        if (!hasIpv6Shape(t)) {
            return null;
        }
        int[] words = new int[8];
        String head = t;
        int[] v4 = null;
        if (t.indexOf('.') >= 0) {
            int lc = t.lastIndexOf(':');
            String[] q = t.substring(lc + 1).split("\\.");
            v4 = new int[4];
            for (int i = 0; i < 4; i++) {
                if (q[i].length() > 3) {
                    return null;
                }
                v4[i] = Integer.parseInt(q[i]);
                if (v4[i] > 255 || (q[i].length() > 1 && q[i].charAt(0) == '0')) {
                    return null;
                }
            }
            head = t.substring(0, lc + 1);
            head = head.endsWith("::") ? head : head.substring(0, head.length() - 1);
        }
        int total = v4 != null ? 6 : 8;
        int dc = head.indexOf("::");
        String[] left;
        String[] right;
        if (dc >= 0) {
            String l = head.substring(0, dc);
            String r = head.substring(dc + 2);
            left = l.isEmpty() ? new String[0] : l.split(":");
            right = r.isEmpty() ? new String[0] : r.split(":");
            if (left.length + right.length >= total) {
                return null;
            }
        } else {
            left = head.split(":");
            right = new String[0];
            if (left.length != total) {
                return null;
            }
        }
        for (int i = 0; i < left.length; i++) {
            words[i] = Integer.parseInt(left[i], 16);
        }
        for (int i = 0; i < right.length; i++) {
            words[total - right.length + i] = Integer.parseInt(right[i], 16);
        }
        byte[] out = new byte[16];
        for (int i = 0; i < total; i++) {
            out[2 * i] = (byte) (words[i] >> 8);
            out[2 * i + 1] = (byte) words[i];
        }
        if (v4 != null) {
            for (int i = 0; i < 4; i++) {
                out[12 + i] = (byte) v4[i];
            }
        }
        return out;
    }

    /** Parses a MAC address token (colon, dash or dot separated) into six bytes, or null. */
    static byte[] parseMac(String t) {
        String[] parts = t.split("[:.\\-]");
        byte[] out = new byte[6];
        if (parts.length == 6) {
            for (int i = 0; i < 6; i++) {
                out[i] = (byte) Integer.parseInt(parts[i], 16);
            }
            return out;
        }
        if (parts.length == 3) {
            for (int i = 0; i < 3; i++) {
                int w = Integer.parseInt(parts[i], 16);
                out[2 * i] = (byte) (w >> 8);
                out[2 * i + 1] = (byte) w;
            }
            return out;
        }
        return null;
    }
}
