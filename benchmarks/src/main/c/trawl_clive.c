/*
 * The C libpcap side of trawl's live-capture benchmark: captures on an interface with pcap_dispatch until
 * the expected number of packets arrived, or nothing arrived for IDLE_MS after the first packet, or
 * DEADLINE_MS passed. It prints "ready" once the capture is active, so the sender can start, then one line:
 *
 *   live <tab> libpcap <tab> delivered <tab> ps_recv <tab> ps_drop <tab> ps_ifdrop <tab> thread-cpu-ns <tab> wall-ns
 *
 * With WARMUP, it first reads a burst of that many frames the same way and prints "warm", then measures the
 * next burst (the Java capturers do the same, so that their JIT has compiled the reading path).
 *
 * Options match the Java side: snaplen 262144, promiscuous, 100 ms timeout, 8 MiB buffer.
 *
 * Usage: trawl_clive IFACE EXPECTED IDLE_MS DEADLINE_MS [WARMUP]
 */
#include <pcap/pcap.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t clock_ns(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

struct counter {
    uint64_t delivered;
    uint64_t sum;
};

static void on_packet(u_char *user, const struct pcap_pkthdr *hdr, const u_char *data) {
    struct counter *c = (struct counter *) user;
    c->delivered++;
    c->sum += hdr->caplen + data[0];
}

/*
 * libpcap 1.10's TPACKET_V3 reads block while no packet arrives, whatever the timeout: once the burst is
 * over, a capture that dropped frames would wait for ever. This thread ends the read instead.
 */
struct watchdog {
    pcap_t *p;
    uint64_t start, idle_ns, deadline_ns;
    _Atomic uint64_t last; /* when packets last arrived; 0 before the first */
    atomic_bool fired, done;
};

static void *watch(void *arg) {
    struct watchdog *w = arg;
    const struct timespec tick = {0, 20 * 1000 * 1000};
    while (!atomic_load(&w->done)) {
        nanosleep(&tick, NULL);
        uint64_t now = clock_ns(CLOCK_MONOTONIC);
        uint64_t last = atomic_load(&w->last);
        if ((last != 0 && now - last > w->idle_ns) || now - w->start > w->deadline_ns) {
            atomic_store(&w->fired, true);
            pcap_breakloop(w->p);
            break;
        }
    }
    return NULL;
}

static int fail(pcap_t *p, const char *what) {
    fprintf(stderr, "trawl_clive: %s: %s\n", what, pcap_geterr(p));
    return 2;
}

/*
 * Reads until the counter reaches target or the watchdog ends the read. Returns 0, or -1 after a read error.
 * *last is when packets last arrived (0 if none did).
 */
static int capture(pcap_t *p, struct counter *c, uint64_t target, uint64_t idle_ns, uint64_t deadline_ns,
        uint64_t *last) {
    struct watchdog w = {.p = p, .start = clock_ns(CLOCK_MONOTONIC), .idle_ns = idle_ns, .deadline_ns = deadline_ns};
    pthread_t watcher;
    if (pthread_create(&watcher, NULL, watch, &w) != 0) {
        fprintf(stderr, "trawl_clive: cannot start the watchdog thread\n");
        return -1;
    }
    int result = 0;
    while (c->delivered < target && !atomic_load(&w.fired)) {
        int n = pcap_dispatch(p, -1, on_packet, (u_char *) c);
        if (n == PCAP_ERROR_BREAK) {
            break;
        }
        if (n < 0) {
            fail(p, "pcap_dispatch");
            result = -1;
            break;
        }
        if (n > 0) {
            atomic_store(&w.last, clock_ns(CLOCK_MONOTONIC));
        }
    }
    atomic_store(&w.done, true);
    pthread_join(watcher, NULL);
    *last = atomic_load(&w.last);
    return result;
}

int main(int argc, char **argv) {
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: trawl_clive IFACE EXPECTED IDLE_MS DEADLINE_MS [WARMUP]\n");
        return 1;
    }
    uint64_t expected = strtoull(argv[2], NULL, 10);
    uint64_t idle_ns = strtoull(argv[3], NULL, 10) * 1000000u;
    uint64_t deadline_ns = strtoull(argv[4], NULL, 10) * 1000000u;
    uint64_t warmup = argc == 6 ? strtoull(argv[5], NULL, 10) : 0;
    char errbuf[PCAP_ERRBUF_SIZE];
    pcap_t *p = pcap_create(argv[1], errbuf);
    if (p == NULL) {
        fprintf(stderr, "trawl_clive: %s\n", errbuf);
        return 2;
    }
    pcap_set_snaplen(p, 262144);
    pcap_set_promisc(p, 1);
    pcap_set_timeout(p, 100);
    pcap_set_buffer_size(p, 8 << 20);
    if (pcap_activate(p) < 0) {
        return fail(p, "pcap_activate");
    }
    printf("ready\n");
    fflush(stdout);
    uint64_t last;
    struct pcap_stat before = {0, 0, 0};
    if (warmup > 0) {
        struct counter warm = {0, 0};
        if (capture(p, &warm, warmup, idle_ns, deadline_ns, &last) != 0) {
            return 2;
        }
        if (pcap_stats(p, &before) != 0) {
            return fail(p, "pcap_stats");
        }
        printf("warm\n");
        fflush(stdout);
    }
    struct counter c = {0, 0};
    uint64_t start = clock_ns(CLOCK_MONOTONIC);
    uint64_t cpu_start = clock_ns(CLOCK_THREAD_CPUTIME_ID);
    if (capture(p, &c, expected, idle_ns, deadline_ns, &last) != 0) {
        return 2;
    }
    uint64_t cpu = clock_ns(CLOCK_THREAD_CPUTIME_ID) - cpu_start;
    struct pcap_stat stats;
    if (pcap_stats(p, &stats) != 0) {
        return fail(p, "pcap_stats");
    }
    printf("live\tlibpcap\t%llu\t%u\t%u\t%u\t%llu\t%llu\n", (unsigned long long) c.delivered,
            stats.ps_recv - before.ps_recv, stats.ps_drop - before.ps_drop, stats.ps_ifdrop - before.ps_ifdrop,
            (unsigned long long) cpu, (unsigned long long) (last > start ? last - start : 0));
    pcap_close(p);
    return 0;
}
