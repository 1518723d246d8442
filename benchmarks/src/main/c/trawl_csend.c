/*
 * Sends a fixed number of Ethernet/IPv4/UDP frames out of one interface as fast as it can, through a raw
 * packet socket, in batches of sendmmsg(2) so that system calls do not bound the rate. Used by trawl's
 * live-capture benchmark inside a network namespace of its own, on one end of a veth pair: the frames never
 * leave that namespace.
 *
 * Without FLOWS the frames are identical. With FLOWS, frame i comes from UDP source port 40000 + i % FLOWS
 * (so that a fanout group spreads the flows by their hash) and carries i, big-endian, as the first four bytes
 * of its payload (so that a capture can tell whether it saw a frame twice).
 *
 * Usage: trawl_csend IFACE COUNT FRAME_LENGTH [FLOWS]
 * Prints: sent <tab> frames <tab> elapsed-ns
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: trawl_csend IFACE COUNT FRAME_LENGTH [FLOWS]\n");
        return 1;
    }
    long count = atol(argv[2]);
    int length = atoi(argv[3]);
    long flows = argc == 5 ? atol(argv[4]) : 0;
    if (count < 1 || length < 60 || length > 1514) {
        fprintf(stderr, "trawl_csend: COUNT must be positive and FRAME_LENGTH 60 to 1514\n");
        return 1;
    }
    unsigned int ifindex = if_nametoindex(argv[1]);
    if (ifindex == 0) {
        fprintf(stderr, "trawl_csend: no interface %s: %s\n", argv[1], strerror(errno));
        return 2;
    }
    int fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
    if (fd < 0) {
        fprintf(stderr, "trawl_csend: socket: %s\n", strerror(errno));
        return 2;
    }
    int one = 1;
    /* Skip the qdisc, as pktgen does: the sender should not be the bottleneck. */
    setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof one);
    struct sockaddr_ll to;
    memset(&to, 0, sizeof to);
    to.sll_family = AF_PACKET;
    to.sll_ifindex = (int) ifindex;
    to.sll_halen = ETH_ALEN;

    unsigned char frame[1514];
    memset(frame, 0, sizeof frame);
    static const unsigned char dst[6] = {0x02, 0, 0, 0, 0, 0x01}, src[6] = {0x02, 0, 0, 0, 0, 0x02};
    memcpy(frame, dst, 6);
    memcpy(frame + 6, src, 6);
    memcpy(to.sll_addr, dst, 6);
    frame[12] = 0x08; /* IPv4 */
    unsigned char *ip = frame + 14;
    ip[0] = 0x45;
    ip[2] = (unsigned char) ((length - 14) >> 8);
    ip[3] = (unsigned char) (length - 14);
    ip[8] = 64;
    ip[9] = 17; /* UDP */
    ip[12] = 198; ip[13] = 18; ip[14] = 0; ip[15] = 2;   /* 198.18.0.2, the benchmarking range */
    ip[16] = 198; ip[17] = 18; ip[18] = 0; ip[19] = 1;
    uint32_t sum = 0;
    for (int i = 0; i < 20; i += 2) {
        sum += (uint32_t) (ip[i] << 8 | ip[i + 1]);
    }
    while (sum >> 16) {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    ip[10] = (unsigned char) (~sum >> 8);
    ip[11] = (unsigned char) ~sum;
    unsigned char *udp = ip + 20;
    udp[0] = 0x9c; udp[1] = 0x40; /* 40000 */
    udp[2] = 0; udp[3] = 9;       /* discard */
    udp[4] = (unsigned char) ((length - 34) >> 8);
    udp[5] = (unsigned char) (length - 34);

    enum { BATCH = 64 };
    static unsigned char frames[BATCH][1514];
    struct iovec iov[BATCH];
    struct mmsghdr messages[BATCH];
    memset(messages, 0, sizeof messages);
    for (int i = 0; i < BATCH; i++) {
        memcpy(frames[i], frame, (size_t) length);
        /* identical frames share one buffer; numbered ones need one each */
        iov[i].iov_base = flows > 0 ? frames[i] : frame;
        iov[i].iov_len = (size_t) length;
        messages[i].msg_hdr.msg_name = &to;
        messages[i].msg_hdr.msg_namelen = sizeof to;
        messages[i].msg_hdr.msg_iov = &iov[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }

    uint64_t start = now_ns();
    long sent = 0;
    long retries = 0;
    while (sent < count) {
        unsigned int batch = count - sent < BATCH ? (unsigned int) (count - sent) : BATCH;
        if (flows > 0) {
            for (unsigned int i = 0; i < batch; i++) {
                uint32_t number = (uint32_t) (sent + i);
                unsigned char *f = frames[i];
                unsigned int port = 40000u + (unsigned int) ((sent + i) % flows);
                f[34] = (unsigned char) (port >> 8);
                f[35] = (unsigned char) port;
                f[42] = (unsigned char) (number >> 24);
                f[43] = (unsigned char) (number >> 16);
                f[44] = (unsigned char) (number >> 8);
                f[45] = (unsigned char) number;
            }
        }
        int n = sendmmsg(fd, messages, batch, 0);
        if (n > 0) {
            sent += n;
        } else if (n == 0 || errno == ENOBUFS || errno == EAGAIN || errno == EINTR) {
            if (++retries > 100000000L) {
                fprintf(stderr, "trawl_csend: the interface keeps refusing frames\n");
                return 3;
            }
        } else {
            fprintf(stderr, "trawl_csend: sendmmsg: %s\n", strerror(errno));
            return 3;
        }
    }
    uint64_t elapsed = now_ns() - start;
    close(fd);
    printf("sent\t%ld\t%llu\n", sent, (unsigned long long) elapsed);
    return 0;
}
