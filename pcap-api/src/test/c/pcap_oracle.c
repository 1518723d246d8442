/*
 * Test oracle: prints what libpcap reads from a capture file, one line per packet, so that the java
 * provider's reader can be compared with it byte for byte.
 *   pcap_oracle FILE micro|nano
 * Output lines (tab-separated):
 *   OPEN_ERROR <text>                         the file did not open
 *   HEADER <dlt> <snapshot>                   it opened
 *   P <sec> <frac> <caplen> <len> <hex>       one packet (frac in the requested precision)
 *   END OK | END READ_ERROR <text>            how reading ended
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *d;
	pcap_t *p;
	int r;

	if (argc != 3) {
		fprintf(stderr, "usage: pcap_oracle FILE micro|nano\n");
		return 2;
	}
	p = pcap_open_offline_with_tstamp_precision(argv[1],
	    strcmp(argv[2], "nano") == 0 ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO, err);
	if (p == NULL) {
		printf("OPEN_ERROR\t%s\n", err);
		return 0;
	}
	printf("HEADER\t%d\t%d\n", pcap_datalink(p), pcap_snapshot(p));
	while ((r = pcap_next_ex(p, &h, &d)) == 1) {
		printf("P\t%lld\t%lld\t%u\t%u\t", (long long)h->ts.tv_sec, (long long)h->ts.tv_usec, h->caplen, h->len);
		for (bpf_u_int32 i = 0; i < h->caplen; i++)
			printf("%02x", d[i]);
		putchar('\n');
	}
	if (r == PCAP_ERROR_BREAK)
		printf("END\tOK\n");
	else
		printf("END\tREAD_ERROR\t%s\n", pcap_geterr(p));
	pcap_close(p);
	return 0;
}
