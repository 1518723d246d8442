/*
 * Test oracle: compiles filter expressions with the installed libpcap. Reads lines
 * "<dlt>\t<snaplen>\t<optimize>\t<netmask>\t<expression>" from standard input and writes one line per
 * expression: "OK code:jt:jf:k ..." or "ERR <message>".
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
        char *fields[5];
        char *cur = line;
        int nf = 0;
        for (; nf < 4; nf++) {
            char *tab = strchr(cur, '\t');
            if (tab == NULL) {
                break;
            }
            *tab = '\0';
            fields[nf] = cur;
            cur = tab + 1;
        }
        if (nf != 4) {
            printf("ERR bad input line\n");
            continue;
        }
        int dlt = atoi(fields[0]);
        int snaplen = atoi(fields[1]);
        int optimize = atoi(fields[2]);
        bpf_u_int32 netmask = (bpf_u_int32) strtoul(fields[3], NULL, 10);
        pcap_t *p = pcap_open_dead(dlt, snaplen);
        struct bpf_program prog;
        if (p == NULL) {
            printf("ERR pcap_open_dead failed\n");
        } else if (pcap_compile(p, &prog, cur, optimize, netmask) != 0) {
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
