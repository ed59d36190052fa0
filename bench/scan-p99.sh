#!/usr/bin/env bash
# One-device reads during a scan of 100,000 devices (or $1), on the server started as the README
# runs it (bench/readme-server.sh): bench/ScanP99.java prints p50/p99/max of the reads alone and
# during each scan (first sight, the same again, all leave). Fails when p99 during a scan is 100 ms
# or more.
#   bash bench/scan-p99.sh [devices]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18491}
out=target/scan-p99
token=bench-admin-token-0123456789
rm -rf "$out" && mkdir -p "$out"
. bench/readme-server.sh
start_readme_server
java bench/ScanP99.java "http://127.0.0.1:$port" "$token" "${1:-100000}" | tee "$out/result.txt"
echo "Server RSS after the scans: $(( $(ps -o rss= -p "$server") / 1024 )) MB" | tee -a "$out/result.txt"
