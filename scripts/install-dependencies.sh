#!/usr/bin/env bash
# Installs everything the project needs to build, run and test on Debian 12 (bookworm), from
# Debian's own packages. Idempotent: when every package is installed already it only says so and
# does not touch apt (no apt-get update), so the second run takes well under a second.
# Runs as root; as another user it re-runs itself through sudo, and only when something is missing.
set -euo pipefail

packages=(
    # Build tools
    cmake ninja-build g++ pkg-config git clang-format
    # clang 14 and its runtimes (libFuzzer, ASan, UBSan): scripts/run-fuzzers.sh, run by CI
    clang-14 libclang-rt-14-dev
    # Qt 6.4
    qt6-base-dev qt6-websockets-dev qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-pdf-dev qt6-svg-dev libqt6sql6-sqlite qt6-translations-l10n
    qt6-httpserver-dev # the server's monitoring port: /healthz and /metrics (issue 14)
    # The advisor app's supervisor overview (issue 14); Debian's Qt6Charts CMake package needs
    # Qt6OpenGL's, which qt6-charts-dev does not pull in
    qt6-charts-dev libqt6opengl6-dev
    # Libraries and the openssl CLI (PKI scripts)
    qtkeychain-qt6-dev libssl-dev protobuf-compiler libprotobuf-dev libopus-dev libvpx-dev libspeexdsp-dev
    libwebrtc-audio-processing-dev libsodium-dev libphonenumber-dev openssl
    liboath-dev libqrencode-dev # the advisors' second factor: TOTP codes and the enrolment's QR code (A5)
    zlib1g-dev # consult_documents inflates PDF object streams for the active-content scan (U4)
    # Headless test environment: X server, session bus, secret service, sound server
    xvfb xauth dbus dbus-x11 gnome-keyring pulseaudio pulseaudio-utils
    poppler-utils # pdftotext: the customer app's tests read the transcript PDF
    prometheus # promtool: test_monitoring checks the scraped /metrics text with "promtool check metrics"
    # test_server_package: the Debian package checked with lintian, its unit with systemd-analyze
    lintian systemd
)

missing=()
for package in "${packages[@]}"; do
    if [[ $(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null) != installed ]]; then
        missing+=("$package")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-dependencies: all ${#packages[@]} packages are installed."
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
        echo "install-dependencies: missing packages: ${missing[*]}" >&2
        echo "install-dependencies: run this script as root (sudo is not available)." >&2
        exit 1
    fi
    echo "install-dependencies: installing ${missing[*]} needs root; asking sudo."
    exec sudo -- "$(readlink -f "${BASH_SOURCE[0]}")" "$@"
fi

echo "install-dependencies: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${packages[@]}"
echo "install-dependencies: done."
