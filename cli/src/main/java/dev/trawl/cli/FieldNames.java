package dev.trawl.cli;

import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Resolves field names against trawl-decode's registry, suggesting the nearest names for a typo. Stateless. */
final class FieldNames {
    private FieldNames() {
    }

    static Field require(FieldRegistry registry, String name) throws CliException {
        Field field = registry.field(name);
        if (field == null) {
            throw new CliException("unknown field '" + name + "'" + suggestions(registry, name));
        }
        return field;
    }

    /** {@code ; did you mean a, b, c?} with the closest registered names, or nothing when none is close. */
    static String suggestions(FieldRegistry registry, String name) {
        List<String> all = new ArrayList<>();
        for (Field f : registry.fields()) {
            all.add(f.name());
        }
        all.sort(Comparator.comparingInt((String candidate) -> distance(name, candidate)).thenComparing(c -> c));
        List<String> close = new ArrayList<>();
        for (String candidate : all) {
            if (close.size() == 3 || distance(name, candidate) > Math.max(2, name.length() / 3)) {
                break;
            }
            close.add(candidate);
        }
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
