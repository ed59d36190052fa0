#!/usr/bin/env bash
# The soak: the server started as the README runs it (bench/readme-server.sh), a mixed load for 10
# minutes (reads, writes, a scan of 1,000 devices every 10 s, the calendar) by bench/Soak.java, and
# the server's RSS and heap sampled every 10 s into target/soak/samples.csv. Fails when RSS at the
# end is more than 10 % off RSS at minute 2, or a request got a 5xx or no answer.
#   bash bench/soak.sh                    # 600 s on port 18490, data in target/soak/data
#   SECONDS_TOTAL=180 bash bench/soak.sh  # a quicker look
set -euo pipefail
cd "$(dirname "$0")/.."
total=${SECONDS_TOTAL:-600}
port=${PORT:-18490}
out=target/soak
token=soak-admin-token-0123456789
rm -rf "$out" && mkdir -p "$out"
. bench/readme-server.sh
start_readme_server
java bench/Soak.java "http://127.0.0.1:$port" "$token" "$total" "$out/samples.csv" "$server" | tee "$out/result.txt"
