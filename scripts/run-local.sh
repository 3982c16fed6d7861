#!/usr/bin/env bash
# Sets up and starts a complete local system on a developer machine, in one command:
#   1. installs the Debian packages (scripts/install-dependencies.sh; asks sudo only if one is missing),
#   2. builds the server and, once they exist, both apps into build/ (scripts/build.sh),
#   3. creates under .local/ (once) a development PKI, and (every run) the server's INI file,
#   4. creates the demo advisor account if it is missing,
#   5. starts the server (log: .local/server.log) and, with a display, both apps,
#   6. stops the server on Ctrl-C, or when both apps have been closed.
# Running it again reuses the PKI, the database and the account.
#
# Environment: CONSULT_PORT (default 8443), CONSULT_BUILD_DIR (default build/).
set -euo pipefail

# The demo account (README.md documents it). Development only; never use it on a real server.
readonly demo_user=demo
readonly demo_display_name="Demo Beraterin"
readonly demo_password="Teekanne-Rheinufer-2024"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${CONSULT_PORT:-8443}
build_dir=${CONSULT_BUILD_DIR:-$root/build}
local_dir=$root/.local
pki_dir=$local_dir/pki
ini=$local_dir/consult-server.ini
log=$local_dir/server.log
server=$build_dir/server/consult-server
advisor_app=$build_dir/advisor-app/consult-advisor
customer_app=$build_dir/customer-app/consult-customer

if ! [[ $port =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
    echo "run-local: CONSULT_PORT must be a port number (1-65535), not '$port'" >&2
    exit 2
fi

step() { printf '\n==> %s\n' "$*"; }

step "Dependencies"
"$root/scripts/install-dependencies.sh"

step "Build (server and apps) in $build_dir"
"$root/scripts/build.sh" --target consult-server \
    --optional-target consult-advisor --optional-target consult-customer

(umask 077 && mkdir -p "$local_dir")

if [[ -s $pki_dir/server.pin && -f $pki_dir/server.pem && -f $pki_dir/server.key && -f $pki_dir/ca.pem ]]; then
    step "Development PKI: reusing $pki_dir"
else
    step "Development PKI: creating $pki_dir"
    "$root/scripts/make-dev-pki.sh" "$pki_dir"
fi
pin=$(<"$pki_dir/server.pin")

step "Server configuration: $ini"
cat >"$ini" <<INI
; Written by scripts/run-local.sh on every run: edits here are overwritten.
; Development only. Every key is explained in server/consult-server.example.ini.
[network]
listen_address = 127.0.0.1
port = $port
certificate_chain = pki/server.pem
private_key = pki/server.key

[storage]
data_directory = data

[monitoring]
; A free port, so that a second run-local.sh (CONSULT_PORT) never contends for 9180; the log says which.
port = 0

[forms]
; The two example forms shipped with the server (docs/FORMS.md).
directory = $root/server/forms/library
INI

if "$server" --config "$ini" advisor list | awk -v user="$demo_user" '$1 == user { found = 1 } END { exit !found }'; then
    step "Demo advisor '$demo_user' exists"
else
    step "Demo advisor: creating '$demo_user'"
    printf '%s\n' "$demo_password" |
        "$server" --config "$ini" advisor add "$demo_user" --display-name "$demo_display_name"
fi

server_pid=""
app_pids=()
stop_all() {
    trap - EXIT INT TERM
    local pid
    for pid in "${app_pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        echo
        echo "run-local: stopping the server (pid $server_pid)"
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "Starting the server on port $port (log: $log)"
"$server" --config "$ini" serve >"$log" 2>&1 &
server_pid=$!

ready=false
for _ in $(seq 1 300); do
    if grep -q '^consult-server ready on port' "$log"; then
        ready=true
        break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
if ! $ready; then
    echo "run-local: the server did not become ready; the end of $log:" >&2
    tail -n 20 "$log" >&2
    if grep -qi 'cannot listen' "$log"; then
        echo "run-local: is port $port taken (another run-local.sh?)? Stop that, or choose another: CONSULT_PORT=9443 $0" >&2
    fi
    exit 1
fi
grep '^consult-server ready on port' "$log"
grep -o 'monitoring on [0-9.:]*' "$log" | sed 's#monitoring on #Monitoring: http://#; s#$#/metrics (and /healthz)#' || true

app_args=(--server "wss://localhost:$port" --pin "$pin" --ca "$pki_dir/ca.pem")
have_apps=false
[[ -x $advisor_app || -x $customer_app ]] && have_apps=true
if $have_apps && [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    for app in "$advisor_app" "$customer_app"; do
        if [[ -x $app ]]; then
            "$app" "${app_args[@]}" >>"$local_dir/$(basename "$app").log" 2>&1 &
            app_pids+=($!)
        fi
    done
fi

cat <<TEXT

Local consultation system
  server          wss://localhost:$port  (pid $server_pid, log $log)
  configuration   $ini
  data            $local_dir/data
  certificates    $pki_dir (CA ca.pem, pin $pin)
  advisor log-in  user "$demo_user", password "$demo_password"
TEXT

if [[ ${#app_pids[@]} -gt 0 ]]; then
    echo "  apps            started (logs in $local_dir/*.log); closing both stops the server, so does Ctrl-C."
    while kill -0 "$server_pid" 2>/dev/null; do
        alive=false
        for pid in "${app_pids[@]}"; do
            kill -0 "$pid" 2>/dev/null && alive=true
        done
        $alive || break
        sleep 1
    done
else
    if $have_apps; then
        echo "  apps            not started: no display (\$DISPLAY is empty). On a machine with one:"
    else
        echo "  apps            not built yet. Once they are, start them with:"
    fi
    echo "                  $advisor_app ${app_args[*]}"
    echo "                  $customer_app ${app_args[*]}"
    echo
    echo "The server runs until Ctrl-C."
    status=0
    wait "$server_pid" || status=$?
    server_pid=""
    exit "$status"
fi
