/*
 * The C libpcap baseline of trawl's benchmarks: the per-packet cost of reading a capture file with
 * pcap_next_ex, pcap_dispatch and pcap_loop (with and without a filter set), and of pcap_offline_filter
 * over packets held in memory. It times itself with clock_gettime(CLOCK_MONOTONIC) and prints one line per
 * measurement, tab-separated, for the report step to parse:
 *
 *   version <tab> pcap_lib_version()
 *   result <tab> benchmark <tab> dataset <tab> filter <tab> packets-per-pass <tab> ns/packet of each repetition, comma-separated
 *
 * The loop bodies touch the same bytes as the Java benchmarks (the captured length and the first byte) so
 * that neither side can skip the packet data.
 *
 * Usage:
 *   trawl_cbench bench DATASET FILE REPETITIONS WARMUPS FILTER IN_MEMORY_PACKETS
 *   trawl_cbench next DATASET FILE REPETITIONS WARMUPS   (pcap_next_ex without a filter only)
 *   trawl_cbench compile FILTER        (prints the optimized program as "code jt jf k" lines, after a count)
 */
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DISPATCH_BATCH 256

static volatile uint64_t sink;

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

static void die(const char *what, const char *detail) {
    fprintf(stderr, "trawl_cbench: %s: %s\n", what, detail);
    exit(2);
}

static pcap_t *open_file(const char *file, const struct bpf_program *filter) {
    char errbuf[PCAP_ERRBUF_SIZE];
    pcap_t *p = pcap_open_offline(file, errbuf);
    if (p == NULL) {
        die(file, errbuf);
    }
    if (filter != NULL && pcap_setfilter(p, (struct bpf_program *) filter) != 0) {
        die("pcap_setfilter", pcap_geterr(p));
    }
    return p;
}

static void compile_filter(const char *expression, struct bpf_program *program) {
    pcap_t *dead = pcap_open_dead(DLT_EN10MB, 262144);
    if (pcap_compile(dead, program, expression, 1, PCAP_NETMASK_UNKNOWN) != 0) {
        die("pcap_compile", pcap_geterr(dead));
    }
    pcap_close(dead);
}

/* One pass over the whole file: open, read every packet, close. */
typedef void (*pass_fn)(const char *file, const struct bpf_program *filter);

static void pass_next_ex(const char *file, const struct bpf_program *filter) {
    pcap_t *p = open_file(file, filter);
    struct pcap_pkthdr *hdr;
    const u_char *data;
    uint64_t sum = 0;
    int rc;
    while ((rc = pcap_next_ex(p, &hdr, &data)) == 1) {
        sum += hdr->caplen + data[0];
    }
    if (rc != PCAP_ERROR_BREAK) {
        die("pcap_next_ex", pcap_geterr(p));
    }
    pcap_close(p);
    sink += sum;
}

static void on_packet(u_char *user, const struct pcap_pkthdr *hdr, const u_char *data) {
    *(uint64_t *) user += hdr->caplen + data[0];
}

static void pass_dispatch(const char *file, const struct bpf_program *filter) {
    pcap_t *p = open_file(file, filter);
    uint64_t sum = 0;
    int rc;
    /* Offline, pcap_dispatch returns 0 at the end of the file. */
    while ((rc = pcap_dispatch(p, DISPATCH_BATCH, on_packet, (u_char *) &sum)) > 0) {
    }
    if (rc < 0) {
        die("pcap_dispatch", pcap_geterr(p));
    }
    pcap_close(p);
    sink += sum;
}

static void pass_loop(const char *file, const struct bpf_program *filter) {
    pcap_t *p = open_file(file, filter);
    uint64_t sum = 0;
    if (pcap_loop(p, -1, on_packet, (u_char *) &sum) < 0) {
        die("pcap_loop", pcap_geterr(p));
    }
    pcap_close(p);
    sink += sum;
}

static uint64_t count_packets(const char *file) {
    pcap_t *p = open_file(file, NULL);
    struct pcap_pkthdr *hdr;
    const u_char *data;
    uint64_t n = 0;
    while (pcap_next_ex(p, &hdr, &data) == 1) {
        n++;
    }
    pcap_close(p);
    return n;
}

static void measure(const char *name, const char *dataset, const char *filter_name, const char *file,
        const struct bpf_program *filter, pass_fn pass, uint64_t packets, int reps, int warmups) {
    for (int i = 0; i < warmups; i++) {
        pass(file, filter);
    }
    printf("result\t%s\t%s\t%s\t%llu\t", name, dataset, filter_name, (unsigned long long) packets);
    for (int i = 0; i < reps; i++) {
        uint64_t start = now_ns();
        pass(file, filter);
        uint64_t elapsed = now_ns() - start;
        printf("%s%.3f", i == 0 ? "" : ",", (double) elapsed / (double) packets);
    }
    printf("\n");
    fflush(stdout);
}

/* Loads the first packets of the file, cycling when it has fewer, into one buffer. */
static void load_packets(const char *file, uint64_t count, struct pcap_pkthdr **headers, u_char ***datas) {
    *headers = calloc(count, sizeof(struct pcap_pkthdr));
    *datas = calloc(count, sizeof(u_char *));
    if (*headers == NULL || *datas == NULL) {
        die("calloc", "out of memory");
    }
    uint64_t loaded = 0;
    while (loaded < count) {
        pcap_t *p = open_file(file, NULL);
        struct pcap_pkthdr *hdr;
        const u_char *data;
        uint64_t before = loaded;
        while (loaded < count && pcap_next_ex(p, &hdr, &data) == 1) {
            (*headers)[loaded] = *hdr;
            (*datas)[loaded] = malloc(hdr->caplen > 0 ? hdr->caplen : 1);
            memcpy((*datas)[loaded], data, hdr->caplen);
            loaded++;
        }
        pcap_close(p);
        if (loaded == before) {
            die(file, "holds no packets");
        }
    }
}

static void measure_offline_filter(const char *dataset, const char *file, const struct bpf_program *filter,
        uint64_t count, int reps, int warmups) {
    struct pcap_pkthdr *headers;
    u_char **datas;
    load_packets(file, count, &headers, &datas);
    printf("result\tc_offline_filter\t%s\tfiltered\t%llu\t", dataset, (unsigned long long) count);
    uint64_t matched = 0;
    for (int i = -warmups; i < reps; i++) {
        uint64_t start = now_ns();
        for (uint64_t j = 0; j < count; j++) {
            matched += pcap_offline_filter(filter, &headers[j], datas[j]) != 0;
        }
        uint64_t elapsed = now_ns() - start;
        if (i >= 0) {
            printf("%s%.3f", i == 0 ? "" : ",", (double) elapsed / (double) count);
        }
    }
    printf("\n");
    fflush(stdout);
    sink += matched;
    for (uint64_t j = 0; j < count; j++) {
        free(datas[j]);
    }
    free(datas);
    free(headers);
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "compile") == 0) {
        struct bpf_program program;
        compile_filter(argv[2], &program);
        printf("%u\n", program.bf_len);
        for (u_int i = 0; i < program.bf_len; i++) {
            struct bpf_insn *insn = &program.bf_insns[i];
            printf("%u %u %u %u\n", insn->code, insn->jt, insn->jf, insn->k);
        }
        pcap_freecode(&program);
        return 0;
    }
    int next_only = argc == 6 && strcmp(argv[1], "next") == 0;
    if (!next_only && (argc != 8 || strcmp(argv[1], "bench") != 0)) {
        fprintf(stderr, "usage: trawl_cbench bench DATASET FILE REPETITIONS WARMUPS FILTER IN_MEMORY_PACKETS\n"
                        "       trawl_cbench next DATASET FILE REPETITIONS WARMUPS\n"
                        "       trawl_cbench compile FILTER\n");
        return 1;
    }
    const char *dataset = argv[2];
    const char *file = argv[3];
    int reps = atoi(argv[4]);
    int warmups = atoi(argv[5]);
    if (next_only) {
        /* The pcapng twins of the data sets: only the read path differs from the pcap files. */
        if (reps < 1 || warmups < 0) {
            die("arguments", "REPETITIONS must be positive, WARMUPS not negative");
        }
        uint64_t packets = count_packets(file);
        if (packets == 0) {
            die(file, "holds no packets");
        }
        printf("version\t%s\n", pcap_lib_version());
        measure("c_next_ex", dataset, "none", file, NULL, pass_next_ex, packets, reps, warmups);
        return 0;
    }
    const char *expression = argv[6];
    uint64_t in_memory = strtoull(argv[7], NULL, 10);
    if (reps < 1 || warmups < 0 || in_memory < 1) {
        die("arguments", "REPETITIONS and IN_MEMORY_PACKETS must be positive, WARMUPS not negative");
    }
    struct bpf_program filter;
    compile_filter(expression, &filter);
    uint64_t packets = count_packets(file);
    if (packets == 0) {
        die(file, "holds no packets");
    }
    printf("version\t%s\n", pcap_lib_version());
    measure("c_next_ex", dataset, "none", file, NULL, pass_next_ex, packets, reps, warmups);
    measure("c_dispatch", dataset, "none", file, NULL, pass_dispatch, packets, reps, warmups);
    measure("c_loop", dataset, "none", file, NULL, pass_loop, packets, reps, warmups);
    measure("c_next_ex", dataset, "filtered", file, &filter, pass_next_ex, packets, reps, warmups);
    measure("c_dispatch", dataset, "filtered", file, &filter, pass_dispatch, packets, reps, warmups);
    measure("c_loop", dataset, "filtered", file, &filter, pass_loop, packets, reps, warmups);
    measure_offline_filter(dataset, file, &filter, in_memory, reps, warmups);
    pcap_freecode(&filter);
    return 0;
}
