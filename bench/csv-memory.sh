#!/usr/bin/env bash
# CSV export memory: a year of a 2,000-device network imported (bench/Dataset.java, seed 42), the
# server started as the README runs it (bench/readme-server.sh), then bench/CsvMemory.java streams
# the CSV of a 7-day session-events page after page until 100 MB were written, sampling the server's
# RSS. Fails when RSS grew by 50 MB or more.
#   bash bench/csv-memory.sh                       # port 18491, data in target/csv-memory/data
#   DEVICES=200 TARGET_MB=20 bash bench/csv-memory.sh   # a quicker look
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18491}
out=target/csv-memory
token=csv-admin-token-0123456789
devices=${DEVICES:-2000}
per_device=${PER_DEVICE:-500}
target_mb=${TARGET_MB:-100}
limit_mb=${LIMIT_MB:-50}
rm -rf "$out" && mkdir -p "$out"
echo "Generating the dataset: $devices devices x $per_device sessions"
java bench/Dataset.java "$devices" "$per_device" > "$out/sessions.ndjson"
. bench/readme-server.sh
trap 'exit 143' TERM INT
start_readme_server
echo "Importing"
start=$(date +%s)
curl -sf -X POST "http://127.0.0.1:$port/sessions/import" -H "Authorization: Bearer $token" \
    -H "Content-Type: application/x-ndjson" --data-binary @"$out/sessions.ndjson" > "$out/import.json"
echo "  $(cat "$out/import.json") in $(( $(date +%s) - start )) s"
java bench/CsvMemory.java "http://127.0.0.1:$port" "$token" "$server" "$target_mb" "$limit_mb" | tee "$out/result.txt"
