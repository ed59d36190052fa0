#!/usr/bin/env bash
# Moving in a big history: a reference-scanner database of 1,000 devices x 1,000 sessions
# (1,000,000 sessions, 2,000,000 events) imported by POST /sessions/import/netalertx into a
# fresh server with a 256 MB heap. Prints the import's answer, its time and the server's peak RSS.
#
#   bash bench/netalertx.sh                        # the full size
#   DEVICES=100 PER_DEVICE=100 bash bench/netalertx.sh   # a quick look
#
# The schema is the fixture's own (../shared/fixtures/netalertx/app.db, read from a copy).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8088}
DEVICES=${DEVICES:-1000}
PER_DEVICE=${PER_DEVICE:-1000}
HEAP=${HEAP:-256m}
# extra JVM options for the server, e.g. JAVA_OPTS='-XX:StartFlightRecording=filename=target/import.jfr' to profile
JAVA_OPTS=${JAVA_OPTS:-}
FIXTURE=${FIXTURE:-../shared/fixtures/netalertx/app.db}
TOKEN=bench-admin-token-$(date +%s)
OUT=target/bench-netalertx
DATA=$OUT/data
BASE=http://127.0.0.1:$PORT

WAR=${WAR:-target/sessions.war}
[ -f "$WAR" ] || mvn -B -q -DskipTests package
MICRO=$(ls target/payara-micro-*.jar 2>/dev/null | head -1 || true)
if [ -z "$MICRO" ]; then
    mvn -B -q dependency:copy@payara-micro-for-tests
    MICRO=$(ls target/payara-micro-*.jar | head -1)
fi
SQLITE_JAR=${M2_REPO:-$HOME/.m2/repository}/org/xerial/sqlite-jdbc/3.54.1.0/sqlite-jdbc-3.54.1.0.jar
[ -f "$SQLITE_JAR" ] || mvn -B -q dependency:get -Dtransitive=false -Dartifact=org.xerial:sqlite-jdbc:3.54.1.0

mkdir -p "$OUT" && rm -rf "$DATA" "$OUT/rss.log"
cp "$FIXTURE" "$OUT/fixture.db" && chmod u+w "$OUT/fixture.db"
if [ ! -f "$OUT/big-$DEVICES-$PER_DEVICE.db" ]; then
    echo "Generating the database: $DEVICES devices x $PER_DEVICE sessions"
    java -cp "$SQLITE_JAR" bench/ReferenceDb.java "$OUT/fixture.db" "$OUT/big-$DEVICES-$PER_DEVICE.db" "$DEVICES" "$PER_DEVICE"
fi

echo "Starting the server (heap $HEAP)"
SESSIONS_ADMIN_TOKEN=$TOKEN SESSIONS_DATA_DIR=$DATA SESSIONS_TIMEZONE=UTC \
    java -Xmx$HEAP $JAVA_OPTS -jar "$MICRO" --deploy "$WAR" --contextroot / --port "$PORT" \
    --nohazelcast --prebootcommandfile server-config/payara-micro/pre-boot-commands.asadmin \
    > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/sessions/list?limit=1")" = 200 ]; do
    kill -0 $SERVER 2>/dev/null || { echo "The server died; see $OUT/server.log" >&2; exit 1; }
    sleep 1
done
RSS_IDLE=$(( $(awk '/VmRSS/ {print $2}' /proc/$SERVER/status) / 1024 ))

# CPU time the server's threads ran, and waited for a core (Linux schedstat, nanoseconds): on a
# shared machine the wall time alone says more about the neighbours than about the import
sched() { cat /proc/$SERVER/task/*/schedstat 2>/dev/null | awk '{r += $1; w += $2} END {printf "%.0f %.0f", r, w}'; }
read -r CPU0 WAIT0 <<< "$(sched)"
# the server's RSS every 5 s, into a file: the peak below is the kernel's own high-water mark
( while kill -0 $SERVER 2>/dev/null; do echo "$(date +%T) $(awk '/VmRSS/ {print $2}' /proc/$SERVER/status)" >> "$OUT/rss.log"; sleep 5; done ) &
SAMPLER=$!
trap 'kill $SERVER $SAMPLER 2>/dev/null || true' EXIT
echo "Importing"
start=$(date +%s.%N)
curl -sS -X POST "$BASE/sessions/import/netalertx?tz=UTC" -H "Authorization: Bearer $TOKEN" \
    -H "Content-Type: application/vnd.sqlite3" -H "Expect:" -T "$OUT/big-$DEVICES-$PER_DEVICE.db" > "$OUT/import.json"
SECONDS_TAKEN=$(echo "$(date +%s.%N) - $start" | bc)
PEAK_MB=$(( $(awk '/VmHWM/ {print $2}' /proc/$SERVER/status) / 1024 ))
read -r CPU1 WAIT1 <<< "$(sched)"
echo "  $(cat "$OUT/import.json")"
echo "Import of $((DEVICES * PER_DEVICE)) sessions, $((2 * DEVICES * PER_DEVICE)) events: ${SECONDS_TAKEN} s;" \
     "server RSS idle ${RSS_IDLE} MB, peak ${PEAK_MB} MB (heap limit $HEAP); database $(du -sh "$DATA/derby" | cut -f1)."
echo "Server CPU during the import: $(( (CPU1 - CPU0) / 1000000000 )) s on a core, $(( (WAIT1 - WAIT0) / 1000000000 )) s waiting for one;" \
     "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
grep -o "Import from the reference scanner[^]]*" "$OUT/server.log" | cut -c1-110 || true
