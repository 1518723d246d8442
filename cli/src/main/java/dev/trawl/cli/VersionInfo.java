package dev.trawl.cli;

import dev.trawl.pcap.BackendInfo;
import dev.trawl.pcap.Pcap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** What {@code trawl --version} prints: trawl's version, the Java runtime, and each backend's library. */
public final class VersionInfo {
    private VersionInfo() {
    }

    /** trawl's version, from the build. */
    public static String trawlVersion() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException ignored) {
            // fall through: a build without the resource
        }
        return "unknown";
    }

    /** The lines of {@code trawl --version}. */
    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("trawl " + trawlVersion());
        lines.add("Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        for (BackendInfo info : Pcap.backends()) {
            lines.add(info.available()
                    ? "backend " + info.name() + ": " + info.backend().get().libraryVersion()
                    : "backend " + info.name() + ": unavailable (" + info.problem() + ")");
        }
        return lines;
    }
}
