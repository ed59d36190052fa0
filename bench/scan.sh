#!/usr/bin/env bash
# Times POST /sessions/scan with 10,000 devices (or $1) on the built WAR: starts Payara Micro on a
# loopback port with a fresh data directory, runs bench/ScanBench.java, stops the server.
#   bench/scan.sh [devices] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."

devices=${1:-10000}
rounds=${2:-3}
port=${BENCH_PORT:-18480}
token=bench-admin-token-0123456789
micro=$(ls target/payara-micro-*.jar 2>/dev/null | head -1 || true)
if [ ! -f target/sessions.war ] || [ -z "$micro" ]; then
    # -DskipTests still copies the Micro jar (pre-integration-test)
    mvn -B -q -DskipTests verify
    micro=$(ls target/payara-micro-*.jar | head -1)
fi

data=$(mktemp -d)
log="$data/server.log"
java -Xmx1g -Dsessions.admin.token=$token -Dsessions.data.dir="$data" -Dderby.stream.error.file="$data/derby.log" \
    -jar "$micro" --deploy target/sessions.war --contextroot / --port "$port" --nohazelcast >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT

for _ in $(seq 1 120); do
    if curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/sessions/list?limit=1"; then
        break
    fi
    if ! kill -0 $server 2>/dev/null; then
        cat "$log"; exit 1
    fi
    sleep 1
done

java bench/ScanBench.java "http://127.0.0.1:$port" "$token" "$devices" "$rounds" "$server"
