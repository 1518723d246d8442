/*
 * Test oracle: compiles filter expressions with the installed libpcap. Reads lines "<dlt>\t<expression>"
 * from standard input and writes one line per expression: "OK code:jt:jf:k ..." or "ERR <message>".
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, stdin)) > 0) {
        if (line[len - 1] == '\n') {
            line[--len] = '\0';
        }
        char *tab = strchr(line, '\t');
        if (tab == NULL) {
            printf("ERR bad input line\n");
            continue;
        }
        *tab = '\0';
        int dlt = atoi(line);
        pcap_t *p = pcap_open_dead(dlt, 262144);
        struct bpf_program prog;
        if (p == NULL) {
            printf("ERR pcap_open_dead failed\n");
        } else if (pcap_compile(p, &prog, tab + 1, 1, PCAP_NETMASK_UNKNOWN) != 0) {
            char *err = pcap_geterr(p);
            for (char *c = err; *c; c++) {
                if (*c == '\n') {
                    *c = ' ';
                }
            }
            printf("ERR %s\n", err);
        } else {
            printf("OK");
            for (u_int i = 0; i < prog.bf_len; i++) {
                struct bpf_insn *in = &prog.bf_insns[i];
                printf(" %u:%u:%u:%u", in->code, in->jt, in->jf, in->k);
            }
            printf("\n");
            pcap_freecode(&prog);
        }
        if (p != NULL) {
            pcap_close(p);
        }
        fflush(stdout);
    }
    free(line);
    return 0;
}
