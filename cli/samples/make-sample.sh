#!/usr/bin/env bash
# Regenerates sample.pcap: a short real capture of ARP, ping, DNS over UDP and an HTTP exchange between
# two network namespaces joined by a veth pair. Needs root, iproute2, tcpdump, ping (iputils-ping), python3 and curl.
# All traffic stays inside the namespaces this script creates; it deletes them on exit.
set -euo pipefail
out=${1:-"$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/dev/trawl/cli/sample.pcap"}
suffix=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
client="trawl-c-$suffix" server="trawl-s-$suffix"
work=$(mktemp -d)
cleanup() {
    [ -n "${dump_pid:-}" ] && kill "$dump_pid" 2>/dev/null || true
    [ -n "${dns_pid:-}" ] && kill "$dns_pid" 2>/dev/null || true
    [ -n "${http_pid:-}" ] && kill "$http_pid" 2>/dev/null || true
    ip netns del "$client" 2>/dev/null || true
    ip netns del "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$client"
ip netns add "$server"
ip link add "tc$suffix" netns "$client" type veth peer name "ts$suffix" netns "$server"
ip -n "$client" addr add 10.77.0.1/24 dev "tc$suffix"
ip -n "$server" addr add 10.77.0.2/24 dev "ts$suffix"
ip -n "$client" link set "tc$suffix" up
ip -n "$server" link set "ts$suffix" up
ip -n "$client" link set lo up
ip -n "$server" link set lo up

# A one-name DNS server: answers A queries for any name with 10.77.0.2.
cat > "$work/dns.py" <<'PY'
import socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("10.77.0.2", 53))
while True:
    q, peer = s.recvfrom(512)
    qid, flags, qd = struct.unpack("!HHH", q[:6])
    end = 12
    while q[end] != 0:
        end += q[end] + 1
    question = q[12:end + 5]
    answer = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 4) + socket.inet_aton("10.77.0.2")
    s.sendto(struct.pack("!HHHHHH", qid, 0x8180, 1, 1, 0, 0) + question + answer, peer)
PY
echo "hello from trawl's sample server" > "$work/index.html"
ip netns exec "$server" python3 "$work/dns.py" & dns_pid=$!
(cd "$work" && exec ip netns exec "$server" python3 -m http.server 80 --bind 10.77.0.2 >/dev/null 2>&1) & http_pid=$!
sleep 1

ip netns exec "$client" tcpdump -i "tc$suffix" -w "$out" -U -s 262144 2>/dev/null & dump_pid=$!
sleep 1
ip netns exec "$client" ping -c 2 -i 0.2 10.77.0.2 >/dev/null
ip netns exec "$client" python3 - <<'PY'
import socket, struct
q = struct.pack("!HHHHHH", 0x5824, 0x0100, 1, 0, 0, 0) + b"\x07example\x03com\x00" + struct.pack("!HH", 1, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(2)
s.sendto(q, ("10.77.0.2", 53))
s.recvfrom(512)
PY
ip netns exec "$client" curl -s -o /dev/null --resolve example.com:80:10.77.0.2 http://example.com/index.html
sleep 1
kill "$dump_pid"; wait "$dump_pid" 2>/dev/null || true
dump_pid=
tcpdump -n -r "$out" 2>/dev/null | wc -l | xargs echo "packets written to $out:"
