#!/usr/bin/env bash
# Slow and greedy clients do not starve a normal one: on the server started as the README runs it
# (bench/readme-server.sh), bench/SlowClients.java holds 500 connections that send their headers a
# byte a second and 100 that send a create body a byte a second, while a normal client asks for the
# totals every 100 ms. Fails when the normal client waits a second or more, or gets anything but 200.
#   bash bench/slow-clients.sh [header connections] [body connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18492}
out=target/slow-clients
token=bench-admin-token-0123456789
rm -rf "$out" && mkdir -p "$out"
. bench/readme-server.sh
start_readme_server
java bench/SlowClients.java "http://127.0.0.1:$port" "$token" "${1:-500}" "${2:-100}" "${3:-60}" | tee "$out/result.txt"
