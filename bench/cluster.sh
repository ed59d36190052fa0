#!/usr/bin/env bash
# The scaling figure: the same read and write scenarios against one instance and against two, on
# one PostgreSQL, with where the CPU went (bench/ClusterBench.java). Starts the cluster with
# server-config/cluster/run.sh 2 on 127.0.0.1:$PORT (balancer) and the next two ports, on a fresh
# database sessions_bench made by .ci/postgres, and writes target/bench-cluster/results.md.
#
#   bash bench/cluster.sh                      # 15 s per scenario and target, 16 client threads
#   SECONDS_EACH=5 THREADS=8 bash bench/cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${SECONDS_EACH:-15}
THREADS=${THREADS:-16}
PORT=${PORT:-8180}
OUT=target/bench-cluster

[ -f target/sessions.war ] || mvn -B -q -DskipTests package
MICRO=$(ls target/payara-micro-*.jar 2>/dev/null | head -1 || true)
if [ -z "$MICRO" ]; then
    mvn -B -q dependency:copy@payara-micro-for-tests
    MICRO=$(ls target/payara-micro-*.jar | head -1)
fi
url=$(IT_DB_NAME=sessions_bench bash .ci/postgres --fresh)
rm -rf "$OUT" && mkdir -p "$OUT"
TOKEN=bench-admin-token-$(date +%s)

SESSIONS_DB_URL=$url SESSIONS_DB_USER=${IT_DB_USER:-sessions_it} SESSIONS_DB_PASSWORD=${IT_DB_PASSWORD:-sessions_it} \
    SESSIONS_ADMIN_TOKEN=$TOKEN SESSIONS_TIMEZONE=UTC CLUSTER_PORT=$PORT CLUSTER_DIR=$OUT/cluster \
    PAYARA_MICRO_JAR=$MICRO CLUSTER_JAVA_OPTS=-Xmx512m \
    bash server-config/cluster/run.sh 2 > "$OUT/run.log" 2>&1 &
CLUSTER=$!
trap 'kill -TERM $CLUSTER 2>/dev/null; wait $CLUSTER 2>/dev/null || true' EXIT
until grep -q "cluster ready" "$OUT/run.log"; do
    kill -0 $CLUSTER 2>/dev/null || { cat "$OUT/run.log" >&2; exit 1; }
    sleep 1
done
grep "cluster ready" "$OUT/run.log"

java bench/ClusterBench.java "http://127.0.0.1:$PORT" "http://127.0.0.1:$((PORT + 1))" "http://127.0.0.1:$((PORT + 2))" \
    "$TOKEN" "$SECONDS_EACH" "$THREADS" "$OUT/cluster" | tee "$OUT/results.md"
echo "PostgreSQL: $(psql -V | head -1); $(nproc) cores; $(date -u +%F)" | tee -a "$OUT/results.md"
