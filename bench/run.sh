#!/usr/bin/env bash
# The benchmark: a year of a 2,000-device network, imported, then every endpoint under load.
#
#   bash bench/run.sh                 # full run: 20 s per scenario at concurrency 1 and 8
#   DURATION=5 bash bench/run.sh      # a quicker look
#   SCENARIOS="floor totals-7d" IDLE=3 DURATION=5 bash bench/run.sh   # only some scenarios
#
# events-*-7d read the first page (1,000 rows) of a week, events-*-7d-deep a page deep in it,
# events-*-7d-10k a first page of 10,000 (rows per second, as issue 12 counts them).
#
# Needs wrk (apt-get install wrk). Starts its own server exactly as the README runs it
# (bench/readme-server.sh: mvn -B -DskipTests package payara-micro:start, so with the pom's JVM and
# malloc settings) on 127.0.0.1:$PORT with a fresh data directory, samples the server's RSS every
# $RSS_EVERY seconds into target/bench/rss.log (seconds, phase, MB), writes the table, the peak RSS
# (VmHWM) and the RSS curve to target/bench/results.md (and /metrics at the end to
# target/bench/metrics.txt) and, for a full run, the table at the top of docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
ONLY=${SCENARIOS:-}
PORT=${PORT:-8089}
DEVICES=${DEVICES:-2000}
PER_DEVICE=${PER_DEVICE:-500}
IDLE=${IDLE:-10}
RSS_EVERY=${RSS_EVERY:-2}
TOKEN=bench-admin-token-$(date +%s)
OUT=target/bench
DATA=$OUT/data
BASE=http://127.0.0.1:$PORT
PAYARA=payara-micro-$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -1)

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

rm -rf "$OUT" && mkdir -p "$OUT"
echo "Generating the dataset: $DEVICES devices x $PER_DEVICE sessions"
java bench/Dataset.java "$DEVICES" "$PER_DEVICE" > "$OUT/sessions.ndjson"

echo "Starting the server as the README does"
port=$PORT out=$OUT token=$TOKEN
# NMT=1: also Java's native memory tracking, a summary after the start, the import and the run in
# target/bench/nmt-*.txt (NMT itself takes a few MB: not for the figures in docs/PERFORMANCE.md)
[ -n "${NMT:-}" ] && mvn_extra=-Dexec.args=-XX:NativeMemoryTracking=summary
nmt() { [ -z "${NMT:-}" ] || jcmd "$SERVER" VM.native_memory summary > "$OUT/nmt-$1.txt" 2>&1 || true; }
. bench/readme-server.sh
start_readme_server
SERVER=$server
JVM_OPTIONS="$( (tr '\0' '\n' < "/proc/$SERVER/environ" | grep '^MALLOC_' || true) | tr '\n' ' ')java$(ps -o args= -p "$SERVER" | grep -o -- ' -X[^ ]*' | tr -d '\n')"

# RSS every $RSS_EVERY s: seconds since the server answered, the phase ($OUT/phase), MB
echo start > "$OUT/phase"
started=$(date +%s)
(
    while kill -0 "$SERVER" 2>/dev/null; do
        kb=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status" 2>/dev/null) || break
        [ -n "$kb" ] && echo "$(( $(date +%s) - started )) $(cat "$OUT/phase") $(( kb / 1024 ))" >> "$OUT/rss.log"
        sleep "$RSS_EVERY"
    done
) &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null || true; stop_readme_server' EXIT
phase() { echo "$1" > "$OUT/phase.new" && mv "$OUT/phase.new" "$OUT/phase"; }

nmt 1-started
phase import
echo "Importing"
start=$(date +%s.%N)
curl -sf -X POST "$BASE/sessions/import" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/x-ndjson" \
    --data-binary @"$OUT/sessions.ndjson" > "$OUT/import.json"
IMPORT_SECONDS=$(echo "$(date +%s.%N) - $start" | bc)
echo "  $(cat "$OUT/import.json") in $IMPORT_SECONDS s"
nmt 2-imported

export SCENARIO TOKEN DEVICES
export TODAY=$(date -u +%F) FROM7=$(date -u -d '6 days ago' +%F) FROM30=$(date -u -d '29 days ago' +%F)

run() { # scenario concurrency seconds -> "requests seconds p50 p99 errors"
    SCENARIO=$1 wrk -t "$2" -c "$2" -d "${3}s" --timeout 30s -s bench/scenario.lua "$BASE" | grep '^RESULT' | cut -d' ' -f2-
}

phase warm-up
echo "Warming up"
for s in ${ONLY:-list-device device-7d calendar-7d events-all-7d totals-7d presence-30d occupancy-7d-1h floor}; do run $s 2 5 > /dev/null; done
sleep "$IDLE"

# SCENARIOS="floor totals-7d ..." runs only those (floor first: the last column divides by it)
SCENARIOS=${SCENARIOS:-"floor list-device list-device-30d device-7d calendar-7d events-all-7d events-all-7d-deep events-sessions-7d events-sessions-7d-deep events-all-7d-10k events-sessions-7d-10k totals-7d totals-year presence-30d occupancy-7d-1h create"}
declare -A RESULT
for c in 1 8; do
    for s in $SCENARIOS; do
        phase "c$c:$s"
        RESULT[$s,$c]=$(run "$s" "$c" "$DURATION")
        echo "  c=$c $s: ${RESULT[$s,$c]}"
        sleep "$IDLE"
    done
done

phase end
nmt 3-end
RSS_MB=$(( $(awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status") / 1024 ))
PEAK_MB=$(( $(awk '/^VmHWM/ {print $2}' "/proc/$SERVER/status") / 1024 ))
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
         "Database size: $DB_SIZE."
    echo
    echo "Server RSS (the README's run command: $JVM_OPTIONS): peak ${PEAK_MB} MB (VmHWM), ${RSS_MB} MB after the run."
    echo
    echo "| phase | from s | to s | RSS at start MB | max MB | at end MB |"
    echo "|---|---|---|---|---|---|"
    awk '$2 != p { if (p != "") printf "| %s | %d | %d | %d | %d | %d |\n", p, from, last, first, max, mb; p = $2; from = $1; first = $3; max = 0 }
         { last = $1; mb = $3; if ($3 > max) max = $3 }
         END { printf "| %s | %d | %d | %d | %d | %d |\n", p, from, last, first, max, mb }' "$OUT/rss.log"
    echo
    echo "RSS curve (at each phase's start and every 30 s: seconds since the server answered, phase, MB; every ${RSS_EVERY} s in target/bench/rss.log):"
    echo
    echo '```'
    awk '$1 >= next_t || $2 != p { printf "%5d s  %-26s %4d MB\n", $1, $2, $3; next_t = $1 + 30; p = $2 }' "$OUT/rss.log"
    echo '```'
} > "$OUT/results.md"
cat "$OUT/results.md"

# a full run replaces the table at the top of docs/PERFORMANCE.md and keeps the sections below its marker
MARKER='<!-- bench/run.sh rewrites everything above this line on a full run; what follows is kept. -->'
if [ "$DURATION" = 20 ] && [ "$DEVICES" = 2000 ] && [ "$PER_DEVICE" = 500 ] && [ -z "$ONLY" ] \
        && grep -qxF "$MARKER" docs/PERFORMANCE.md; then
    kept=$(sed -n "\|^$MARKER\$|,\$p" docs/PERFORMANCE.md)
    {
        echo "# Performance"
        echo
        echo "Measured with \`bash bench/run.sh\` on $(date -u +%F): $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB," \
             "$(java -version 2>&1 | head -1), $PAYARA, embedded Derby, wrk on the same machine."
        echo "Dataset: $DEVICES devices, $((DEVICES * PER_DEVICE)) sessions over 365 days (bench/Dataset.java, seed 42)."
        echo "Each scenario runs ${DURATION} s after a warm-up, with ${IDLE} s of idle time between scenarios."
        echo
        cat "$OUT/results.md"
        echo
        echo "$kept"
    } > "$OUT/PERFORMANCE.md"
    mv "$OUT/PERFORMANCE.md" docs/PERFORMANCE.md
    echo "Wrote the table at the top of docs/PERFORMANCE.md"
fi
