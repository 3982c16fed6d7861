#!/usr/bin/env bash
# Throwaway PKI for the TLS and pinning tests (T1-T9, C1). Usage: make-test-pki.sh <outdir>
# Run by CMake at configure time; the tests find the directory through $CONSULT_TEST_PKI.
#
#   ca.pem/ca.key             test CA (ECDSA P-256, SHA-256)
#   server.pem/server.key     leaf for DNS:localhost, IP:127.0.0.1; server.pin is its C1 pin
#   other.pem/other.key       valid leaf from the same CA with a different key (pin mismatch)
#   expired.pem/expired.key   leaf whose validity ended in 2021 (chain validation must fail)
#   wrongsan.pem/wrongsan.key leaf for DNS:other.test only (hostname validation must fail)
#   rsa2048.pem/rsa2048.key   leaf with a too-weak RSA-2048 key (T6 requires >= 3072)
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 <outdir>" >&2
    exit 2
fi
out=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../scripts/lib/pki.sh
source "$here/../../scripts/lib/pki.sh"

mkdir -p "$(dirname "$out")"
work=$(mktemp -d "$(dirname "$out")/.pki-work.XXXXXX")
trap 'rm -rf "$work"' EXIT
staged="$work/out"
mkdir -p "$staged"

pki_init "$work"
pki_ca "$work" "$staged" "Consult Test CA"
local_san="DNS:localhost, IP:127.0.0.1"
pki_leaf "$work" "$staged" server ec "$local_san"
pki_leaf "$work" "$staged" other ec "$local_san"
pki_leaf "$work" "$staged" expired ec "$local_san" 20200101000000Z 20210101000000Z
pki_leaf "$work" "$staged" wrongsan ec "DNS:other.test"
pki_leaf "$work" "$staged" rsa2048 rsa2048 "$local_san"
pki_pin "$staged/server.pem" "$staged/server.pin"

pki_publish "$staged" "$out"
