#!/bin/bash
# Remakes tls12-certificates.pcap: two TLS 1.2 handshakes on loopback (ports 4433 and 4434) whose certificates
# carry the values Wireshark hands to the decoders of their object identifiers: names of many attribute types,
# extensions of every common kind (alternative names with directory and other names, policies with qualifiers,
# access descriptions, distribution points, name constraints, Netscape extensions, TLS features), EC, RSA,
# RSA-PSS, DSA and Ed25519 keys, a chain of odd certificates, a client certificate, and a CertificateRequest
# naming its authority. Then tls12-certificates.protocols: tshark's frame.protocols for each frame. With the same
# certificates, dtls12-certificates.pcap: a DTLS 1.2 handshake on UDP port 40443 (no port DTLS is bound to), whose
# Certificate and CertificateRequest messages come in fragments, and dtls12-certificates.protocols. Then
# tls-certificates-netns.pcap: four handshakes between two network namespaces joined by a veth pair (TLS 1.2 with
# a client certificate, TLS 1.2 with RSA key exchange, TLS 1.1, and TLS 1.2 in 512-byte records, whose
# Certificate message spans records and segments), and tls-certificates-netns.protocols.
# Needs openssl, tcpdump and tshark; run as root (tcpdump on lo) in an empty directory.
set -e
cat > ca.cnf <<'C'
[req]
distinguished_name=dn
prompt=no
[dn]
C=DE
ST=Berlin
L=Berlin
O=Trawl Test CA
OU=Certificates
CN=Trawl Test Root
emailAddress=ca@example.org
[ext]
basicConstraints=critical,CA:TRUE,pathlen:1
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
C
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -config ca.cnf -extensions ext 2>/dev/null
cat > leaf.cnf <<'C'
[req]
distinguished_name=dn
prompt=no
[dn]
DC=org
DC=example
O=Example
CN=server.example.org
serialNumber=1234
[ext]
basicConstraints=CA:FALSE
keyUsage=digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:server.example.org,IP:127.0.0.1,email:admin@example.org,URI:https://example.org/,dirName:alt_dn,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:user@example.org
certificatePolicies=@pol,2.23.140.1.2.1
authorityInfoAccess=OCSP;URI:http://ocsp.example.org/,caIssuers;URI:http://ca.example.org/ca.crt
crlDistributionPoints=URI:http://crl.example.org/ca.crl
authorityKeyIdentifier=keyid,issuer
subjectKeyIdentifier=hash
nsCertType=server
nsComment="trawl test"
[alt_dn]
C=US
O=Alt
CN=alt
[pol]
policyIdentifier=1.3.6.1.4.1.99999.1
CPS.1="http://example.org/cps"
userNotice.1=@notice
[notice]
explicitText="Notice"
organization="Example"
noticeNumbers=1,2
C
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout leaf.key -out leaf.csr -config leaf.cnf 2>/dev/null
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out leaf.pem -days 30 -extfile leaf.cnf -extensions ext 2>/dev/null
# odd certificates sent as extra chain: Ed25519, RSA-PSS, DSA, a minimal one without extensions
openssl req -x509 -newkey ed25519 -nodes -keyout ed.key -out ed.pem -days 30 -subj "/CN=ed25519/title=Dr/givenName=A/surname=B/pseudonym=x/initials=AB/generationQualifier=III/dnQualifier=q/postalCode=10115/street=Main 1/businessCategory=Private Organization/jurisdictionC=DE/UID=u1" 2>/dev/null
openssl req -x509 -newkey rsa-pss -pkeyopt rsa_keygen_bits:2048 -nodes -keyout pss.key -out pss.pem -days 30 -subj "/CN=pss" -sigopt rsa_padding_mode:pss 2>/dev/null
openssl dsaparam -out dsa.param 2048 2>/dev/null
openssl req -x509 -newkey dsa:dsa.param -nodes -keyout dsa.key -out dsa.pem -days 30 -subj "/CN=dsa/O=DSA" 2>/dev/null
openssl req -x509 -newkey rsa:1024 -nodes -keyout min.key -out min.pem -days 30 -subj "/CN=min" -addext "basicConstraints=critical,CA:FALSE" -sha1 2>/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-384 -nodes -keyout ec384.key -out ec384.pem -days 30 -subj "/C=FR/CN=ec384" -sha384 -addext "subjectAltName=DNS:a,DNS:b" -addext "nameConstraints=permitted;DNS:example.org" -addext "policyConstraints=requireExplicitPolicy:1" -addext "inhibitAnyPolicy=1" -addext "tlsfeature=status_request" 2>/dev/null
cat ca.pem ed.pem pss.pem dsa.pem min.pem ec384.pem > chain.pem
tcpdump -i lo -w tls12-certificates.pcap -U "tcp port 4433 or tcp port 4434" 2>/dev/null & TD=$!
sleep 1
openssl s_server -accept 4433 -cert leaf.pem -key leaf.key -cert_chain chain.pem -auth_level 0 -cipher ALL:@SECLEVEL=0 -tls1_2 -verify 1 -CAfile ca.pem -naccept 1 -quiet > /dev/null 2>&1 & S1=$!
openssl s_server -accept 4434 -cert ca.pem -key ca.key -tls1_2 -naccept 1 -quiet -status_file /dev/null > /dev/null 2>&1 & S2=$!
sleep 1
echo hi | timeout 5 openssl s_client -connect 127.0.0.1:4433 -tls1_2 -cert pss.pem -key pss.key -cipher ALL:@SECLEVEL=0 -quiet > /dev/null 2>&1 || true
echo hi | timeout 5 openssl s_client -connect 127.0.0.1:4434 -tls1_2 -cipher AES128-SHA -quiet > /dev/null 2>&1 || true
sleep 1
kill $S1 $S2 2>/dev/null || true
sleep 1; kill $TD; wait $TD 2>/dev/null || true
tshark -r tls12-certificates.pcap -T fields -e frame.protocols > tls12-certificates.protocols
tcpdump -i lo -w dtls12-certificates.pcap -U "udp port 40443" 2>/dev/null & TD=$!
sleep 1
timeout 8 openssl s_server -dtls1_2 -accept 40443 -cert leaf.pem -key leaf.key -cert_chain chain.pem -auth_level 0 -cipher ALL:@SECLEVEL=0 -verify 1 -CAfile ca.pem -naccept 1 -quiet > /dev/null 2>&1 & S=$!
sleep 1
echo hi | timeout 4 openssl s_client -dtls1_2 -connect 127.0.0.1:40443 -cert min.pem -key min.key -cipher ALL:@SECLEVEL=0 -quiet > /dev/null 2>&1 || true
sleep 1
kill $S 2>/dev/null || true
sleep 1; kill $TD; wait $TD 2>/dev/null || true
tshark -r dtls12-certificates.pcap -T fields -e frame.protocols > dtls12-certificates.protocols
ip netns add tx509a; ip netns add tx509b
ip link add vx509a type veth peer name vx509b
ip link set vx509a netns tx509a; ip link set vx509b netns tx509b
ip -n tx509a addr add 10.201.0.1/24 dev vx509a; ip -n tx509b addr add 10.201.0.2/24 dev vx509b
ip -n tx509a link set vx509a up; ip -n tx509b link set vx509b up
ip -n tx509a link set lo up; ip -n tx509b link set lo up
# no offloads: the capture sees the segments on the wire
ip netns exec tx509a ethtool -K vx509a tso off gso off gro off >/dev/null 2>&1 || true
ip netns exec tx509b ethtool -K vx509b tso off gso off gro off >/dev/null 2>&1 || true
ip netns exec tx509a tcpdump -i vx509a -w tls-certificates-netns.pcap -U "tcp" 2>/dev/null & TD=$!
sleep 1
ip netns exec tx509a openssl s_server -accept 4433 -cert leaf.pem -key leaf.key -cert_chain chain.pem -auth_level 0 -cipher ALL:@SECLEVEL=0 -tls1_2 -verify 1 -CAfile ca.pem -naccept 1 -quiet > /dev/null 2>&1 & S1=$!
ip netns exec tx509a openssl s_server -accept 4434 -cert ca.pem -key ca.key -tls1_2 -naccept 1 -quiet > /dev/null 2>&1 & S2=$!
ip netns exec tx509a openssl s_server -accept 4435 -cert leaf.pem -key leaf.key -cert_chain chain.pem -auth_level 0 -cipher ALL:@SECLEVEL=0 -tls1_1 -naccept 1 -quiet > /dev/null 2>&1 & S3=$!
ip netns exec tx509a openssl s_server -accept 4436 -cert leaf.pem -key leaf.key -cert_chain chain.pem -auth_level 0 -cipher ALL:@SECLEVEL=0 -tls1_2 -max_send_frag 512 -naccept 1 -quiet > /dev/null 2>&1 & S4=$!
sleep 1
echo hi | timeout 5 ip netns exec tx509b openssl s_client -connect 10.201.0.1:4433 -tls1_2 -cert pss.pem -key pss.key -cipher ALL:@SECLEVEL=0 -quiet > /dev/null 2>&1 || true
echo hi | timeout 5 ip netns exec tx509b openssl s_client -connect 10.201.0.1:4434 -tls1_2 -cipher AES128-SHA -quiet > /dev/null 2>&1 || true
echo hi | timeout 5 ip netns exec tx509b openssl s_client -connect 10.201.0.1:4435 -tls1_1 -cipher ALL:@SECLEVEL=0 -quiet > /dev/null 2>&1 || true
echo hi | timeout 5 ip netns exec tx509b openssl s_client -connect 10.201.0.1:4436 -tls1_2 -cipher ALL:@SECLEVEL=0 -quiet > /dev/null 2>&1 || true
sleep 1
kill $S1 $S2 $S3 $S4 2>/dev/null || true
sleep 1; kill $TD; wait $TD 2>/dev/null || true
ip netns del tx509a; ip netns del tx509b
tshark -r tls-certificates-netns.pcap -T fields -e frame.protocols > tls-certificates-netns.protocols
