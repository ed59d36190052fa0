#!/usr/bin/env bash
# The benchmark: a year of a 2,000-device network, imported, then every endpoint under load.
#
#   bash bench/run.sh                 # full run: 20 s per scenario at concurrency 1 and 8
#   DURATION=5 bash bench/run.sh      # a quicker look
#   SCENARIOS="floor totals-7d" IDLE=3 DURATION=5 bash bench/run.sh   # only some scenarios
#
# events-*-7d read the first page (1,000 rows) of a week, events-*-7d-deep a page deep in it.
#
# Needs wrk (apt-get install wrk). Starts its own server on 127.0.0.1:$PORT with a fresh data
# directory, writes the table to target/bench/results.md (and /metrics at the end to
# target/bench/metrics.txt) and, for a full run, docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
ONLY=${SCENARIOS:-}
PORT=${PORT:-8089}
DEVICES=${DEVICES:-2000}
PER_DEVICE=${PER_DEVICE:-500}
IDLE=${IDLE:-10}
HEAP=${HEAP:-256m}
TOKEN=bench-admin-token-$(date +%s)
OUT=target/bench
DATA=$OUT/data
BASE=http://127.0.0.1:$PORT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f target/sessions.war ] || mvn -B -q -DskipTests package
MICRO=$(ls target/payara-micro-*.jar 2>/dev/null | head -1 || true)
if [ -z "$MICRO" ]; then
    mvn -B -q dependency:copy@payara-micro-for-tests
    MICRO=$(ls target/payara-micro-*.jar | head -1)
fi

rm -rf "$OUT" && mkdir -p "$OUT"
echo "Generating the dataset: $DEVICES devices x $PER_DEVICE sessions"
java bench/Dataset.java "$DEVICES" "$PER_DEVICE" > "$OUT/sessions.ndjson"

echo "Starting the server (heap $HEAP)"
SESSIONS_ADMIN_TOKEN=$TOKEN SESSIONS_DATA_DIR=$DATA SESSIONS_TIMEZONE=UTC \
    java -Xmx$HEAP -jar "$MICRO" --deploy target/sessions.war --contextroot / --port "$PORT" \
    --nohazelcast --prebootcommandfile server-config/payara-micro/pre-boot-commands.asadmin \
    > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/sessions/totals")" = 200 ]; do
    kill -0 $SERVER 2>/dev/null || { echo "The server died; see $OUT/server.log" >&2; exit 1; }
    sleep 1
done

echo "Importing"
start=$(date +%s.%N)
curl -sf -X POST "$BASE/sessions/import" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/x-ndjson" \
    --data-binary @"$OUT/sessions.ndjson" > "$OUT/import.json"
IMPORT_SECONDS=$(echo "$(date +%s.%N) - $start" | bc)
echo "  $(cat "$OUT/import.json") in $IMPORT_SECONDS s"

export SCENARIO TOKEN DEVICES
export TODAY=$(date -u +%F) FROM7=$(date -u -d '6 days ago' +%F) FROM30=$(date -u -d '29 days ago' +%F)

run() { # scenario concurrency seconds -> "requests seconds p50 p99 errors"
    SCENARIO=$1 wrk -t "$2" -c "$2" -d "${3}s" --timeout 30s -s bench/scenario.lua "$BASE" | grep '^RESULT' | cut -d' ' -f2-
}

echo "Warming up"
for s in ${ONLY:-list-device device-7d calendar-7d events-all-7d totals-7d presence-30d occupancy-7d-1h floor}; do run $s 2 5 > /dev/null; done
sleep "$IDLE"

# SCENARIOS="floor totals-7d ..." runs only those (floor first: the last column divides by it)
SCENARIOS=${SCENARIOS:-"floor list-device list-device-30d device-7d calendar-7d events-all-7d events-all-7d-deep events-sessions-7d events-sessions-7d-deep totals-7d totals-year presence-30d occupancy-7d-1h create"}
declare -A RESULT
for c in 1 8; do
    for s in $SCENARIOS; do
        RESULT[$s,$c]=$(run "$s" "$c" "$DURATION")
        echo "  c=$c $s: ${RESULT[$s,$c]}"
        sleep "$IDLE"
    done
done

RSS_MB=$(( $(ps -o rss= -p $SERVER) / 1024 ))
# what an operator's Prometheus would have scraped at the end of the run
curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/metrics" > "$OUT/metrics.txt"
DB_SIZE=$(du -sh "$DATA/derby" | cut -f1)
{
    echo "| scenario | c | req/s | p50 ms | p99 ms | errors | p50 / floor p50 |"
    echo "|---|---|---|---|---|---|---|"
    for c in 1 8; do
        read -r _ _ floor_p50 _ _ <<< "${RESULT[floor,$c]}"
        for s in $SCENARIOS; do
            read -r n secs p50 p99 errors <<< "${RESULT[$s,$c]}"
            printf '| %s | %s | %.1f | %.2f | %.2f | %s | %.1f |\n' "$s" "$c" "$(echo "$n / $secs" | bc -l)" "$p50" "$p99" "$errors" \
                "$(echo "$p50 / $floor_p50" | bc -l)"
        done
    done
    echo
    echo "Import of $(grep -o '"imported":[0-9]*' "$OUT/import.json" | cut -d: -f2) sessions: ${IMPORT_SECONDS} s." \
         "Server RSS after the run: ${RSS_MB} MB (heap limit $HEAP). Database size: $DB_SIZE."
} > "$OUT/results.md"
cat "$OUT/results.md"

if [ "$DURATION" = 20 ] && [ "$DEVICES" = 2000 ] && [ "$PER_DEVICE" = 500 ] && [ -z "$ONLY" ]; then
    {
        echo "# Performance"
        echo
        echo "Measured with \`bash bench/run.sh\` on $(date -u +%F): $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB," \
             "$(java -version 2>&1 | head -1), $(basename "$MICRO" .jar), embedded Derby, wrk on the same machine."
        echo "Dataset: $DEVICES devices, $((DEVICES * PER_DEVICE)) sessions over 365 days (bench/Dataset.java, seed 42)."
        echo "Each scenario runs ${DURATION} s after a warm-up, with ${IDLE} s of idle time between scenarios."
        echo
        cat "$OUT/results.md"
    } > docs/PERFORMANCE.md
    echo "Wrote docs/PERFORMANCE.md"
fi
