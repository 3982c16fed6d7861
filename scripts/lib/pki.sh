# shellcheck shell=bash
# Shared certificate generator for the test PKI (tests/support/make-test-pki.sh) and the
# developer PKI (scripts/make-dev-pki.sh). Sourced, not executed. Needs only the openssl CLI.
#
# Every certificate is issued with `openssl ca`, because that is the one OpenSSL 3.0 command that
# accepts explicit validity dates (-startdate/-enddate): `x509 -days` cannot go negative and
# `-not_before` arrived only in OpenSSL 3.4. This is how the expired certificate for C1 is made
# without faketime.

set -euo pipefail

# pki_init <workdir>: an empty `openssl ca` database in <workdir>.
pki_init() {
    local work=$1
    mkdir -p "$work/issued"
    : >"$work/index.txt"
    echo 1000 >"$work/serial"
    cat >"$work/ca.cnf" <<CNF
[ca]
default_ca = consult_ca
[consult_ca]
dir = $work
database = \$dir/index.txt
new_certs_dir = \$dir/issued
serial = \$dir/serial
default_md = sha256
policy = any_policy
unique_subject = no
email_in_dn = no
copy_extensions = none
[any_policy]
commonName = supplied
[req]
distinguished_name = req_dn
prompt = no
[req_dn]
CN = unused
[ca_ext]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
CNF
}

# pki_key <algorithm> <keyfile>: algorithm is "ec" (P-256) or "rsa<bits>". Written with mode 0600 (T6).
pki_key() {
    local algorithm=$1 keyfile=$2
    (
        umask 077
        case $algorithm in
        ec) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$keyfile" 2>/dev/null ;;
        rsa*) openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:${algorithm#rsa}" -out "$keyfile" 2>/dev/null ;;
        *) echo "pki_key: unknown algorithm $algorithm" >&2 && exit 1 ;;
        esac
    )
    chmod 600 "$keyfile"
}

# pki_ca <workdir> <outdir> <common name>: a self-signed ECDSA P-256 CA, ca.pem and ca.key in <outdir>.
pki_ca() {
    local work=$1 out=$2 cn=$3
    pki_key ec "$out/ca.key"
    openssl req -config "$work/ca.cnf" -new -key "$out/ca.key" -subj "/CN=$cn" -out "$work/ca.csr"
    openssl ca -batch -notext -config "$work/ca.cnf" -selfsign -keyfile "$out/ca.key" -extensions ca_ext \
        -extfile "$work/ca.cnf" -days 3650 -in "$work/ca.csr" -out "$out/ca.pem" 2>/dev/null
}

# pki_leaf <workdir> <outdir> <name> <algorithm> <subjectAltName> [<startdate> <enddate>]
# A TLS server certificate <name>.pem/<name>.key signed by <outdir>/ca.pem. Dates are YYYYMMDDHHMMSSZ;
# without them the certificate is valid from now for ten years.
pki_leaf() {
    local work=$1 out=$2 name=$3 algorithm=$4 san=$5
    local validity=(-days 3650)
    if [[ $# -ge 7 ]]; then
        validity=(-startdate "$6" -enddate "$7")
    fi
    pki_key "$algorithm" "$out/$name.key"
    cat >"$work/$name.ext" <<EXT
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = $san
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EXT
    openssl req -config "$work/ca.cnf" -new -key "$out/$name.key" -subj "/CN=$name" -out "$work/$name.csr"
    openssl ca -batch -notext -config "$work/ca.cnf" -cert "$out/ca.pem" -keyfile "$out/ca.key" \
        -extfile "$work/$name.ext" "${validity[@]}" -in "$work/$name.csr" -out "$out/$name.pem" 2>/dev/null
}

# pki_pin <certificate> <pinfile>: the C1 pin, base64(SHA-256(SubjectPublicKeyInfo DER)).
pki_pin() {
    openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform der |
        openssl dgst -sha256 -binary | openssl base64 -A >"$2"
    echo >>"$2"
}

# pki_publish <from> <to>: move finished files into place, so an interrupted run never leaves a
# half-written set behind and a second run simply replaces the first (idempotent).
pki_publish() {
    local from=$1 to=$2
    mkdir -p "$to"
    local file
    for file in "$from"/*; do
        mv -f "$file" "$to/"
    done
}
