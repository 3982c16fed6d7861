#!/usr/bin/env bash
# Runs a command (the Qt audio device test) inside a private PulseAudio daemon with virtual
# devices, so the real device path -- Qt Multimedia -> PulseAudio -> back -- is tested headless,
# in CI and on a developer's desktop alike, without touching the user's own sound server:
#   consult_speaker          a null sink (48 kHz stereo), what the engine plays into
#   consult_loopback         a source remapped from the null sink's monitor: what was played
#                            comes back as a microphone (Qt hides monitor sources themselves)
#   consult_mic              a null source (48 kHz mono): a microphone that hears silence
# Usage: run-with-pulseaudio.sh <command> [args...]   (packages: pulseaudio pulseaudio-utils)
set -euo pipefail

for tool in pulseaudio pactl; do
    if ! command -v "$tool" >/dev/null; then
        echo "run-with-pulseaudio: $tool is missing; run scripts/install-dependencies.sh" >&2
        exit 1
    fi
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/consult-pulse.XXXXXX")
daemon=
cleanup() {
    if [[ -n $daemon ]]; then
        kill "$daemon" 2>/dev/null || true
        wait "$daemon" 2>/dev/null || true
    fi
    rm -rf "$dir"
}
trap cleanup EXIT

# Everything the daemon and its clients look up lives in the temporary directory: the socket,
# the cookie, the configuration. A PULSE_SERVER from the caller's session must not leak in.
mkdir -m 700 "$dir/runtime" "$dir/home"
export XDG_RUNTIME_DIR=$dir/runtime PULSE_RUNTIME_PATH=$dir/runtime HOME=$dir/home
export XDG_CONFIG_HOME=$dir/home/.config PULSE_STATE_PATH=$dir/home/state
unset PULSE_SERVER PULSE_SINK PULSE_SOURCE

cat >"$dir/default.pa" <<PA
load-module module-native-protocol-unix auth-anonymous=1
load-module module-null-sink sink_name=consult_speaker rate=48000 channels=2 sink_properties=device.description=Consult-Speaker
load-module module-remap-source source_name=consult_loopback master=consult_speaker.monitor source_properties=device.description=Consult-Loopback
load-module module-null-source source_name=consult_mic rate=48000 channels=1 description=Consult-Microphone
set-default-sink consult_speaker
set-default-source consult_mic
PA

# -n: no default configuration; the daemon runs in the foreground of this script (root is fine
# for a per-session daemon here: --system stays off).
pulseaudio --daemonize=no --exit-idle-time=-1 --disallow-exit -n -F "$dir/default.pa" \
    --use-pid-file=no --log-target=file:"$dir/pulseaudio.log" &
daemon=$!

# The daemon has no readiness signal; ask it until it answers (at most 10 s).
for _ in $(seq 100); do
    pactl info >/dev/null 2>&1 && break
    if ! kill -0 "$daemon" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
devices=$(pactl list short sinks 2>/dev/null; pactl list short sources 2>/dev/null) || true
for device in consult_speaker consult_loopback consult_mic; do
    if ! grep -q "[[:space:]]$device[[:space:]]" <<<"$devices"; then
        echo "run-with-pulseaudio: the private PulseAudio daemon did not come up with $device:" >&2
        cat "$dir/pulseaudio.log" >&2 || true
        exit 1
    fi
done

status=0
"$@" || status=$?
if [[ $status -ne 0 ]]; then
    echo "run-with-pulseaudio: sound server state after the failure:" >&2
    pactl list short sinks >&2 || true
    pactl list short sources >&2 || true
fi
exit "$status"
