#!/usr/bin/env bash
# test_server_package: builds the consult-server Debian package with cpack into a temporary
# directory and checks it as the bank's operations team would receive it:
#  - its files are exactly the expected ones (binary, unit, configuration, documentation; nothing
#    from the tests, the benchmarks or the build),
#  - its control data: the maintainer scripts, the conffile, the dependencies,
#  - lintian finds no error and no warning (overrides only with a reason, in the package),
#  - systemd-analyze verifies the unit against the extracted package tree (--root: ExecStart must
#    exist there; the host's targets are not in the tree, so --recursive-errors=no), and its
#    hardening stays at an exposure of at most 2.0 (systemd-analyze security; P1, R2),
#  - the packaged server starts with the packaged configuration far enough to pass "check"
#    (configuration parsed, certificate loaded, TLS self-test T9) with the test PKI in place of the
#    bank's certificate.
# Usage: check-server-package.sh <build directory>   (CONSULT_TEST_PKI: the test PKI)
set -euo pipefail

build=${1:?usage: check-server-package.sh <build directory>}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" -D CPACK_COMPONENTS_ALL=server >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2 && fail "cpack" && exit 1; }
debs=("$work"/out/consult-server_*.deb)
[[ -f ${debs[0]} && ${#debs[@]} -eq 1 ]] || { fail "expected one consult-server_*.deb in $work/out" && exit 1; }
deb=${debs[0]}
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# --- contents: exactly these files --------------------------------------------------------------------
expected_files="./etc/consult/consult-server.ini
./usr/lib/systemd/system/consult-server.service
./usr/sbin/consult-server
./usr/share/doc/consult-server/changelog.gz
./usr/share/doc/consult-server/copyright
./usr/share/doc/consult-server/examples/consult-server.example.ini
./usr/share/man/man8/consult-server.8.gz"
dpkg-deb -c "$deb" >"$work/contents"
actual_files=$(awk '$1 !~ /^d/ {print $6}' "$work/contents" | sort)
if [[ $actual_files != "$expected_files" ]]; then
    fail "package files differ from the expected list:"
    diff <(echo "$expected_files") <(echo "$actual_files") >&2 || true
fi
if grep -Eiq 'test|fuzz|bench|corpus|\.pem|\.key' "$work/contents"; then
    fail "test, benchmark or key material in the package"
fi
grep -q -- '^-rwxr-xr-x root/root .* ./usr/sbin/consult-server$' "$work/contents" ||
    fail "/usr/sbin/consult-server is not an executable owned by root"

# --- control data ---------------------------------------------------------------------------------------
dpkg-deb -e "$deb" "$work/control"
for script in postinst prerm postrm; do
    [[ -x $work/control/$script ]] || fail "maintainer script $script missing or not executable"
done
[[ $(cat "$work/control/conffiles" 2>/dev/null) == /etc/consult/consult-server.ini ]] ||
    fail "conffiles should hold /etc/consult/consult-server.ini"
grep -q 'adduser --system' "$work/control/postinst" || fail "postinst does not create the system user"
grep -q 'install -d -o consult -g consult -m 0700 /etc/consult/keys' "$work/control/postinst" ||
    fail "postinst does not create the key directory 0700"
depends=$(dpkg-deb -f "$deb" Depends)
for package in adduser libqt6sql6-sqlite libqt6websockets6 libsodium23; do
    [[ $depends == *"$package"* ]] || fail "Depends lacks $package: $depends"
done

# --- lintian ----------------------------------------------------------------------------------------------
if ! lintian --fail-on error,warning --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1; then
    cat "$work/lintian.log" >&2
    fail "lintian"
fi
grep -v '^N:' "$work/lintian.log" || true

# --- the unit ---------------------------------------------------------------------------------------------
root=$work/root
dpkg-deb -x "$deb" "$root"
unit=$root/usr/lib/systemd/system/consult-server.service
if ! systemd-analyze verify --man=no --root="$root" --recursive-errors=no "$unit" >"$work/verify.log" 2>&1 ||
    [[ -s $work/verify.log ]]; then
    cat "$work/verify.log" >&2
    fail "systemd-analyze verify"
fi
if ! systemd-analyze security --offline=yes --root="$root" --threshold=20 "$unit" >"$work/security.log" 2>&1; then
    grep -F '✗' "$work/security.log" >&2 || cat "$work/security.log" >&2
    fail "systemd-analyze security: exposure above 2.0"
fi
grep -F 'Overall exposure level' "$work/security.log" || true

# --- the packaged server with the packaged configuration ---------------------------------------------------
pki=${CONSULT_TEST_PKI:?CONSULT_TEST_PKI must name the test PKI}
config=$work/consult-server.ini
sed -e "s|/etc/consult|$work/etc|g" -e "s|/var/lib/consult|$work/var|g" "$root/etc/consult/consult-server.ini" >"$config"
mkdir -p "$work/etc/tls"
cp "$pki/server.pem" "$work/etc/tls/fullchain.pem"
install -m 0600 "$pki/server.key" "$work/etc/tls/privkey.pem"
if ! env -u OPENSSL_CONF "$root/usr/sbin/consult-server" --config "$config" check >"$work/check.log" 2>&1; then
    cat "$work/check.log" >&2
    fail "the packaged server does not pass 'check' with the packaged configuration"
fi

if ((failures > 0)); then
    echo "test_server_package: $failures failure(s)" >&2
    exit 1
fi
echo "test_server_package: passed"
