#!/usr/bin/env bash
# Developer PKI: a local CA and a server certificate for localhost/127.0.0.1, plus its C1 pin.
# Usage: make-dev-pki.sh <outdir>. Start the server with server.pem/server.key and let the apps
# trust ca.pem and pin server.pin. Never use these files outside a developer machine.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 <outdir>" >&2
    exit 2
fi
out=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/pki.sh
source "$here/lib/pki.sh"

mkdir -p "$(dirname "$out")"
work=$(mktemp -d "$(dirname "$out")/.pki-work.XXXXXX")
trap 'rm -rf "$work"' EXIT
staged="$work/out"
mkdir -p "$staged"

pki_init "$work"
pki_ca "$work" "$staged" "Consult Development CA"
pki_leaf "$work" "$staged" server ec "DNS:localhost, IP:127.0.0.1"
pki_pin "$staged/server.pem" "$staged/server.pin"

pki_publish "$staged" "$out"
echo "Development PKI in $out (trust ca.pem, pin $(cat "$out/server.pin"))"
