#!/bin/sh
# Makes NAME.crt, a self-signed certificate for NAME.key (which must exist), valid from START to
# END (YYYYMMDDHHMMSSZ), for localhost, 127.0.0.1 and ::1.
#   usage: make-cert.sh NAME "Common Name" [START END]
set -e
name=$1 cn=$2 start=${3:-20200101000000Z} end=${4:-21200101000000Z}
d=$(mktemp -d)
mkdir -p "$d/new"; : > "$d/index.txt"; echo 01 > "$d/serial"
cat > "$d/ca.cnf" <<CNF
[ca]
default_ca = c
[c]
dir = $d
database = $d/index.txt
new_certs_dir = $d/new
serial = $d/serial
default_md = sha256
policy = p
copy_extensions = none
x509_extensions = ext
[p]
commonName = supplied
[ext]
basicConstraints = critical,CA:FALSE
subjectAltName = DNS:localhost,IP:127.0.0.1,IP:::1
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
CNF
openssl req -new -key "$name.key" -subj "/CN=$cn" -out "$d/req.csr"
openssl ca -batch -config "$d/ca.cnf" -selfsign -keyfile "$name.key" -in "$d/req.csr" \
    -startdate "$start" -enddate "$end" -notext -out "$name.crt" 2>/dev/null
rm -rf "$d"
