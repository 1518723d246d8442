#!/usr/bin/env bash
# Times trawl against tshark and tcpdump on a generated 200,000-packet capture, side by side:
#   trawl -r F -T fields (five fields)  vs  tshark -r F -T fields (the same five)
#   trawl -n -r F                       vs  tcpdump -n -r F
# Uses hyperfine when installed, else bash's time (best of three). Output goes to /dev/null in every case.
# Usage: cli/bench-cli.sh [PACKETS]   (default 200000; the file is kept in cli/target/bench/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
packets=${1:-200000}
work="$root/cli/target/bench"
file="$work/bench-$packets.pcap"
mkdir -p "$work"
# shellcheck source=../scripts/env.sh
source "$root/scripts/env.sh"
"$root/trawl" --version >/dev/null # builds the tool if needed

if [ ! -f "$file" ]; then
    # The capture repeats the packets of trawl's bundled sample (ARP, ICMP, DNS, TCP/HTTP, ICMPv6) with
    # timestamps 50 us apart, so every packet is a real one.
    cat > "$work/MakeBenchCapture.java" <<'JAVA'
import java.io.*;
import java.nio.*;
import java.nio.file.*;
import java.util.*;

public class MakeBenchCapture {
    public static void main(String[] args) throws IOException {
        byte[] sample = Files.readAllBytes(Path.of(args[0]));
        ByteBuffer in = ByteBuffer.wrap(sample).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> frames = new ArrayList<>();
        for (int at = 24; at + 16 <= sample.length; ) {
            int caplen = in.getInt(at + 8);
            frames.add(Arrays.copyOfRange(sample, at + 16, at + 16 + caplen));
            at += 16 + caplen;
        }
        int count = Integer.parseInt(args[2]);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 20)) {
            out.write(sample, 0, 24);
            ByteBuffer hdr = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            long micros = 1_700_000_000_000_000L;
            for (int i = 0; i < count; i++) {
                byte[] f = frames.get(i % frames.size());
                micros += 50;
                hdr.clear();
                hdr.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(f.length).putInt(f.length);
                out.write(hdr.array());
                out.write(f);
            }
        }
    }
}
JAVA
    java "$work/MakeBenchCapture.java" "$root/cli/src/main/resources/dev/trawl/cli/sample.pcap" "$file" "$packets"
fi
echo "capture: $file ($packets packets, $(stat -c %s "$file") bytes)"

fields=(-e frame.number -e ip.src -e ip.dst -e tcp.srcport -e udp.dstport)
pairs=(
    "tshark -r $file -T fields ${fields[*]}"
    "$root/trawl -r $file -T fields ${fields[*]}"
    "tcpdump -n -r $file"
    "$root/trawl -n -r $file"
)
rss() { # peak resident memory of a command, in MiB, when GNU time is installed
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%M" bash -c "$1 >/dev/null 2>&1" 2>&1 | tail -1 | awk '{printf "%.0f MiB", $1/1024}'
    else
        echo "n/a (install the time package)"
    fi
}
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 5 --output null "${pairs[0]}" "${pairs[1]}"
    hyperfine --warmup 1 --runs 5 --output null "${pairs[2]}" "${pairs[3]}"
    for cmd in "${pairs[@]}"; do
        printf "%-70s peak RSS %s\n" "${cmd/$root\//}" "$(rss "$cmd")"
    done
else
    for cmd in "${pairs[@]}"; do
        best=""
        for run in 1 2 3; do
            # wall seconds, user and system CPU seconds, peak RSS in KiB
            read -r wall user sys rss < <( { /usr/bin/time -f "%e %U %S %M" bash -c "$cmd >/dev/null 2>&1"; } 2>&1 | tail -1)
            if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then
                best=$wall; cpu=$(echo "$user + $sys" | bc); peak=$rss
            fi
        done
        printf "%-60s wall %6.3f s (%5.2f us/packet)  cpu %6.3f s  peak RSS %d MiB\n" "${cmd/$root\//}" "$best" \
            "$(echo "$best * 1000000 / $packets" | bc -l)" "$cpu" "$((peak / 1024))"
    done
fi
