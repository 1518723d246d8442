#!/usr/bin/env python3
"""Writes the display-filter field catalogue from the installed tshark.

The catalogue names every protocol and field tshark knows, with its type, so that a display filter is
accepted or refused as tshark accepts or refuses it even when it names a field the decoder does not
produce (that field is then absent from every packet). For the protocols the decoder knows best it also
keeps the value strings tshark accepts in place of numbers ("ip.proto == UDP").

    python3 decode/src/main/scripts/make-field-catalogue.py [OUTPUT_DIR]

Run it again after upgrading tshark; the output records tshark's version on its first line.
"""
import gzip
import os
import re
import subprocess
import sys

# Protocols whose value strings are kept: those the decoder produces fields for.
VALUE_PROTOCOLS = ("frame eth vlan arp ip ipv6 icmp icmpv6 tcp udp dns mdns dhcp dhcpv6 http tls ntp sctp gre "
                   "igmp mpls llc stp lldp cdp vxlan geneve ospf bgp pim vrrp rip snmp syslog sll ppp pppoe "
                   "l2tp esp ah ssh nbns smb tftp bootp wlan radiotap nsh").split()


def tshark(*args):
    return subprocess.run(["tshark", *args], check=True, capture_output=True, text=True).stdout


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "resources", "dev", "trawl", "decode", "display")
    version = tshark("--version").splitlines()[0]
    entries = {}
    has_values = set()
    for line in tshark("-G", "fields").splitlines():
        cells = line.split("\t")
        if cells[0] == "P" and len(cells) >= 3:
            entries[cells[2]] = ("PROTOCOL", "")
        elif cells[0] == "F" and len(cells) >= 5:
            entries.setdefault(cells[2], (cells[3][3:], cells[4]))
    values = []
    value_prefix = re.compile(r"^(%s)\." % "|".join(re.escape(p) for p in VALUE_PROTOCOLS))
    for line in tshark("-G", "values").splitlines():
        cells = line.split("\t")
        if cells[0] in ("V", "V64", "R", "T") and len(cells) >= 3:
            has_values.add(cells[1])
            if value_prefix.match(cells[1]):
                values.append("\t".join(cells))
    with gzip.open(os.path.join(out_dir, "fields.tsv.gz"), "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# " + version + "\n")
        previous = ""
        for name in sorted(entries):
            ftype, parent = entries[name]
            shared = 0
            while shared < min(len(name), len(previous)) and name[shared] == previous[shared]:
                shared += 1
            flag = "v" if name in has_values else ""
            f.write("%d\t%s\t%s\t%s\n" % (shared, name[shared:], ftype, flag))
            previous = name
    with gzip.open(os.path.join(out_dir, "values.tsv.gz"), "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# " + version + "\n")
        for line in values:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
