package dev.trawl.spark;

/** RFC 5952 text for the full (uncompressed) IPv6 form that {@code InetAddress} prints. */
final class Ipv6Text {
    private Ipv6Text() {
    }

    static String compress(String full) {
        String[] groups = full.split(":");
        if (groups.length != 8) {
            return full;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < 8 && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(groups[i]);
        }
        return text.toString();
    }
}
