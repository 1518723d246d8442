package dev.trawl.pcap.afpacket;

/**
 * The kernel's packet-socket ABI ({@code <linux/if_packet.h>}, {@code <linux/socket.h>}), as offsets and
 * constants. The ring is a run of blocks; each block starts with a descriptor and holds packets back to back,
 * each a header, the {@code sockaddr_ll} it arrived with, and its bytes:
 *
 * <pre>
 * block:  +0 version  +4 offset_to_priv  +8 block_status  +12 num_pkts  +16 offset_to_first_pkt
 *         +20 blk_len  +24 seq_num (u64)  +32 ts_first_pkt  +40 ts_last_pkt
 *
 * packet (struct tpacket3_hdr, 48 bytes):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        tp_next_offset                         |  0
 * |                            tp_sec                             |  4
 * |                            tp_nsec                            |  8
 * |                          tp_snaplen                           | 12
 * |                            tp_len                             | 16
 * |                           tp_status                           | 20
 * |            tp_mac             |            tp_net             | 24
 * |                           tp_rxhash                           | 28
 * |                          tp_vlan_tci                          | 32
 * |         tp_vlan_tpid          |          tp_padding           | 36
 * |                     tp_padding[8]                             | 40
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * sockaddr_ll at 48: +0 family  +2 protocol (big-endian)  +4 ifindex  +8 hatype  +10 pkttype  +11 halen
 *                    +12 addr[8]
 * </pre>
 *
 * Every field is in the host's byte order unless marked; the packet's bytes start at {@code tp_mac}.
 */
final class Tpacket {
    private Tpacket() {
    }

    // block descriptor
    static final long BLOCK_STATUS = 8;
    static final long BLOCK_NUM_PKTS = 12;
    static final long BLOCK_FIRST_PKT = 16;

    // struct tpacket3_hdr
    static final long NEXT_OFFSET = 0;
    static final long SEC = 4;
    static final long NSEC = 8;
    static final long SNAPLEN = 12;
    static final long LEN = 16;
    static final long STATUS = 20;
    static final long MAC = 24;
    static final long VLAN_TCI = 32;
    static final long VLAN_TPID = 36;
    /** {@code TPACKET_ALIGN(sizeof(struct tpacket3_hdr))}: where the {@code sockaddr_ll} starts. */
    static final long SLL = 48;
    /** {@code TPACKET3_HDRLEN}: the header and the address. */
    static final int HDRLEN = 48 + 20;

    // struct sockaddr_ll, from its start
    static final long SLL_PROTOCOL = 2;
    static final long SLL_IFINDEX = 4;
    static final long SLL_HATYPE = 8;
    static final long SLL_PKTTYPE = 10;
    static final long SLL_HALEN = 11;
    static final long SLL_ADDR = 12;
    static final int SLL_SIZE = 20;

    // status bits
    static final int TP_STATUS_KERNEL = 0;
    static final int TP_STATUS_USER = 1;
    static final int TP_STATUS_VLAN_VALID = 0x10;
    static final int TP_STATUS_VLAN_TPID_VALID = 0x40;

    /** {@code sll_pkttype} of a packet the host sent. */
    static final int PACKET_OUTGOING = 4;

    // sockets
    static final int AF_PACKET = 17;
    static final int SOCK_RAW = 3;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int ETH_P_ALL = 0x0003;
    static final int ETH_P_8021Q = 0x8100;
    static final int SOL_SOCKET = 1;
    static final int SO_ERROR = 4;
    static final int SO_ATTACH_FILTER = 26;
    static final int SOL_PACKET = 263;
    static final int PACKET_ADD_MEMBERSHIP = 1;
    static final int PACKET_RX_RING = 5;
    static final int PACKET_STATISTICS = 6;
    static final int PACKET_VERSION = 10;
    static final int PACKET_RESERVE = 12;
    static final int PACKET_FANOUT = 18;
    static final int TPACKET_V3 = 2;
    static final int PACKET_MR_PROMISC = 1;
    static final int PACKET_FANOUT_FLAG_DEFRAG = 0x8000;

    // mmap, poll, eventfd
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int MAP_SHARED = 1;
    static final short POLLIN = 0x1;
    static final short POLLERR = 0x8;
    static final short POLLHUP = 0x10;
    static final short POLLNVAL = 0x20;
    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;

    // ioctl
    static final long SIOCETHTOOL = 0x8946;
    static final int ETHTOOL_GLINK = 0x0000000a;
    /** {@code struct ifreq}: a 16-byte name and a 24-byte union. */
    static final int IFREQ_SIZE = 40;
    static final int IFNAMSIZ = 16;

    // ARPHRD_ hardware types, from /sys/class/net/NAME/type
    static final int ARPHRD_ETHER = 1;
    static final int ARPHRD_LOOPBACK = 772;
    static final int ARPHRD_IEEE80211_RADIOTAP = 803;
    static final int ARPHRD_RAWIP = 519;
    static final int ARPHRD_NONE = 0xfffe;

    /** {@code SKF_AD_OFF}: where the kernel's ancillary loads start. */
    static final int SKF_AD_OFF = -0x1000;
    static final int SKF_AD_PROTOCOL = 0;
    static final int SKF_AD_PKTTYPE = 4;
    static final int SKF_AD_IFINDEX = 8;
    static final int SKF_AD_HATYPE = 28;
    static final int SKF_AD_VLAN_TAG = 44;
    static final int SKF_AD_VLAN_TAG_PRESENT = 48;
}
