package dev.trawl.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The paths a load was given: {@code load(path)} sets "path", {@code load(p1, p2)} sets "paths" (JSON). */
final class Paths {
    private Paths() {
    }

    static List<String> of(CaseInsensitiveStringMap options) {
        List<String> paths = new ArrayList<>();
        String one = options.get("path");
        if (one != null && !one.isEmpty()) {
            paths.add(one);
        }
        String many = options.get("paths");
        if (many != null && !many.isEmpty()) {
            try {
                for (String p : new ObjectMapper().readValue(many, String[].class)) {
                    paths.add(p);
                }
            } catch (Exception e) {
                throw new IllegalArgumentException("cannot read the 'paths' option: " + many, e);
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("the pcap source needs a path: spark.read.format(\"pcap\").load(\"dir/or/glob\")");
        }
        return paths;
    }
}
