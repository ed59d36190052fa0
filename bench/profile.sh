#!/usr/bin/env bash
# Why a scenario is as fast as it is: runs bench/run.sh's scenarios against the server as the README
# starts it, with one JFR recording (settings=profile) per scenario and concurrency, and summarises
# each with bench/JfrLayers.java (CPU samples by layer, hottest methods, collector pauses, CPU split
# between the server and wrk).
#
#   SCENARIOS="list-device create" CONCURRENCY="1 8" DURATION=10 bash bench/profile.sh
#
# Uses the database a previous bench/run.sh left in target/bench/data (a full run's million
# sessions), or imports the dataset first. Writes target/bench/profile/<scenario>-c<c>.{jfr,md}
# and all summaries in target/bench/profile/summary.md. The recording costs a few per cent: these
# are not the figures of the benchmark's table.
set -euo pipefail
cd "$(dirname "$0")/.."

SCENARIOS=${SCENARIOS:-"floor list-device device-7d calendar-7d events-all-7d events-all-7d-10k events-sessions-7d-10k totals-7d create"}
CONCURRENCY=${CONCURRENCY:-"1 8"}
DURATION=${DURATION:-10}
DEVICES=${DEVICES:-2000}
PORT=${PORT:-8089}
out=target/bench
mkdir -p "$out/profile"
port=$PORT token=bench-profile-token-$(date +%s)
BASE=http://127.0.0.1:$PORT
imported=
if [ ! -d "$out/data/derby" ]; then
    java bench/Dataset.java "$DEVICES" 500 > "$out/sessions.ndjson"
    imported=1
fi
. bench/readme-server.sh
start_readme_server
[ -n "$imported" ] && curl -sf -X POST "$BASE/sessions/import" -H "Authorization: Bearer $token" \
    -H "Content-Type: application/x-ndjson" --data-binary @"$out/sessions.ndjson" > /dev/null

export TOKEN=$token DEVICES
export TODAY=$(date -u +%F) FROM7=$(date -u -d '6 days ago' +%F) FROM30=$(date -u -d '29 days ago' +%F)
run() { # scenario concurrency seconds
    SCENARIO=$1 wrk -t "$2" -c "$2" -d "${3}s" --timeout 30s -s bench/scenario.lua "$BASE" | grep '^RESULT' | cut -d' ' -f2-
}
for s in $SCENARIOS; do run "$s" 2 5 > /dev/null; done

: > "$out/profile/summary.md"
for c in $CONCURRENCY; do
    for s in $SCENARIOS; do
        name=$s-c$c
        jcmd "$server" JFR.start name="$name" settings=profile filename="$PWD/$out/profile/$name.jfr" > /dev/null
        read -r n secs p50 p99 errors <<< "$(run "$s" "$c" "$DURATION")"
        jcmd "$server" JFR.stop name="$name" > /dev/null
        {
            printf '### %s at c=%s: %.1f req/s, p50 %s ms, p99 %s ms, %s errors (recording on)\n\n' \
                "$s" "$c" "$(echo "$n / $secs" | bc -l)" "$p50" "$p99" "$errors"
            java bench/JfrLayers.java "$out/profile/$name.jfr"
            echo
        } | tee "$out/profile/$name.md" >> "$out/profile/summary.md"
        echo "  $name done"
        sleep 3
    done
done
cat "$out/profile/summary.md"
