/**
 * Build-time bridge only, never packaged: pcap4j-core 1.8.2's descriptor requires the module {@code slf4j.api}
 * (the automatic name of slf4j-api 1.7.25 and older), while slf4j 2 is the module {@code org.slf4j}. This
 * module under the old name lets javac resolve pcap4j on the module path; applications on the module path
 * need the same bridge (see the package documentation of dev.trawl.pcap.pcap4j).
 */
module slf4j.api {
    requires transitive org.slf4j;
}
