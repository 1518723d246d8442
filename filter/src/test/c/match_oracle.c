/*
 * Test oracle: prints the 1-based numbers of the frames of a capture that libpcap's compiled filter accepts,
 * comma-separated on one line, or "COMPILE_ERROR <message>". Usage: match_oracle <capture> <expression>.
 */
#include <pcap/pcap.h>
#include <stdio.h>

int main(int argc, char **argv) {
    char err[PCAP_ERRBUF_SIZE];
    if (argc != 3) {
        fprintf(stderr, "usage: match_oracle capture expression\n");
        return 2;
    }
    pcap_t *p = pcap_open_offline(argv[1], err);
    if (p == NULL) {
        printf("OPEN_ERROR %s\n", err);
        return 0;
    }
    struct bpf_program prog;
    if (pcap_compile(p, &prog, argv[2], 1, PCAP_NETMASK_UNKNOWN) != 0) {
        printf("COMPILE_ERROR %s\n", pcap_geterr(p));
        pcap_close(p);
        return 0;
    }
    struct pcap_pkthdr *h;
    const u_char *d;
    int i = 0;
    int first = 1;
    while (pcap_next_ex(p, &h, &d) == 1) {
        i++;
        if (pcap_offline_filter(&prog, h, d)) {
            printf(first ? "%d" : ",%d", i);
            first = 0;
        }
    }
    printf("\n");
    pcap_freecode(&prog);
    pcap_close(p);
    return 0;
}
