package dev.trawl.pcap.file;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** The mutable state of one pcapng section while it is read; {@link #snapshot()} freezes it. Not thread-safe. */
final class Section {
    final ByteOrder order;
    final int major;
    final int minor;
    final long length;
    final List<String> comments = new ArrayList<>();
    String hardware;
    String os;
    String application;
    final List<InterfaceInfo> interfaces = new ArrayList<>();
    final List<InterfaceStatistics> statistics = new ArrayList<>();
    final List<SectionInfo.NameRecord> names = new ArrayList<>();
    final List<SectionInfo.DecryptionSecrets> secrets = new ArrayList<>();
    long skipped;

    Section(ByteOrder order, int major, int minor, long length) {
        this.order = order;
        this.major = major;
        this.minor = minor;
        this.length = length;
    }

    SectionInfo snapshot() {
        return new SectionInfo(order, major, minor, length, comments, hardware, os, application, interfaces,
                statistics, names, secrets, skipped);
    }
}
