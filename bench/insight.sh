#!/usr/bin/env bash
# Presence and occupancy on the benchmark's year of a 2,000-device network: imports the dataset
# (bench/Dataset.java), then measures with wrk, after a warm-up, at concurrency 1 and 8:
#   presence-30d     GET /sessions/{mac}/presence?period=30 days, a random device per request
#   occupancy-7d-1h  GET /sessions/occupancy over the last 7 days in 1-hour steps (168 points)
# next to the floor (an authenticated request that finds nothing) and calendar-7d for scale.
#
#   bash bench/insight.sh                 # 20 s per scenario
#   DURATION=10 bash bench/insight.sh     # quicker
#
# Run it under the shared lock on a shared machine. Writes target/bench-insight/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
PORT=${PORT:-8091}
DEVICES=${DEVICES:-2000}
PER_DEVICE=${PER_DEVICE:-500}
IDLE=${IDLE:-5}
HEAP=${HEAP:-384m}
TOKEN=bench-admin-token-$(date +%s)
OUT=target/bench-insight
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
echo "  $(cat "$OUT/import.json") in $(echo "$(date +%s.%N) - $start" | bc) s"
rm -f "$OUT/sessions.ndjson"

export SCENARIO TOKEN DEVICES
export TODAY=$(date -u +%F) FROM7=$(date -u -d '6 days ago' +%F) FROM30=$(date -u -d '29 days ago' +%F)

# one sample answer of each, kept for a look at what was measured
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/sessions/02:00:00:00:00:07/presence?period=30%20days" > "$OUT/presence.json"
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/sessions/occupancy?start=$FROM7&end=$TODAY&step=1%20hour" > "$OUT/occupancy.json"

run() { # scenario concurrency seconds -> "requests seconds p50 p99 errors"
    SCENARIO=$1 wrk -t "$2" -c "$2" -d "${3}s" --timeout 30s -s bench/scenario.lua "$BASE" | grep '^RESULT' | cut -d' ' -f2-
}

echo "Warming up"
for s in presence-30d occupancy-7d-1h calendar-7d floor; do run $s 2 5 > /dev/null; done
sleep "$IDLE"

SCENARIOS="floor presence-30d occupancy-7d-1h calendar-7d"
{
    echo "| scenario | c | req/s | p50 ms | p99 ms | errors |"
    echo "|---|---|---|---|---|---|"
} > "$OUT/results.md"
for c in 1 8; do
    for s in $SCENARIOS; do
        read -r n secs p50 p99 errors <<< "$(run "$s" "$c" "$DURATION")"
        printf '| %s | %s | %.1f | %.2f | %.2f | %s |\n' "$s" "$c" "$(echo "$n / $secs" | bc -l)" "$p50" "$p99" "$errors" \
            | tee -a "$OUT/results.md"
        sleep "$IDLE"
    done
done
echo
echo "Server RSS after the run: $(( $(ps -o rss= -p $SERVER) / 1024 )) MB (heap limit $HEAP)." | tee -a "$OUT/results.md"
