#!/usr/bin/env bash
# N Payara Micro instances of target/sessions.war on one PostgreSQL, with nginx in front of them,
# all on loopback:
#
#   SESSIONS_DB_URL=jdbc:postgresql://127.0.0.1:5432/sessions SESSIONS_DB_USER=sessions \
#   SESSIONS_DB_PASSWORD=... SESSIONS_ADMIN_TOKEN=... server-config/cluster/run.sh 2
#
# The balancer listens on 127.0.0.1:$CLUSTER_PORT (8080), instance i on CLUSTER_PORT + i (8081 ...),
# round-robin. Every instance gets the same environment, so the same SESSIONS_* settings. Runs in
# the foreground; Ctrl-C or SIGTERM stops everything it started. Optional settings:
#   CLUSTER_PORT        the balancer's port (8080); the instances take the next N ports
#   CLUSTER_DIR         where logs, pid files and the nginx configuration go (a new temporary directory)
#   CLUSTER_JAVA_OPTS   each instance's JVM options (-Xmx512m)
#   PAYARA_MICRO_JAR    the Micro jar (target/payara-micro-*.jar, which mvn verify copies there)
#   SESSIONS_WAR        the WAR (target/sessions.war)
# docs/DEPLOYMENT.md explains the topology and this configuration.
set -euo pipefail
cd "$(dirname "$0")/../.."

count=${1:-}
if ! [[ "$count" =~ ^[1-9][0-9]?$ ]]; then
    echo "usage: $0 N   (N instances, 1 to 99)" >&2
    exit 2
fi
for setting in SESSIONS_DB_URL SESSIONS_DB_USER SESSIONS_DB_PASSWORD SESSIONS_ADMIN_TOKEN; do
    # the database is what the instances share; one admin token for all of them also signs the
    # page's login cookie alike (unless SESSIONS_COOKIE_SECRET is given), so any instance honours it
    if [ -z "${!setting:-}" ]; then
        echo "$setting must be set: every instance needs the same one" >&2
        exit 2
    fi
done
port=${CLUSTER_PORT:-8080}
war=${SESSIONS_WAR:-target/sessions.war}
jar=${PAYARA_MICRO_JAR:-$(ls target/payara-micro-*.jar 2>/dev/null | tail -1)}
[ -f "$war" ] || { echo "no WAR at $war: mvn -B package" >&2; exit 2; }
[ -n "$jar" ] && [ -f "$jar" ] || { echo "no Payara Micro jar: mvn -B verify copies it to target/, or set PAYARA_MICRO_JAR" >&2; exit 2; }
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx-light" >&2; exit 2; }
dir=${CLUSTER_DIR:-$(mktemp -d -t sessions-cluster-XXXXXX)}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

pids=()
stop() {
    local code=$1
    trap - INT TERM EXIT
    echo "stopping the balancer and the instances (${#pids[@]} processes)"
    [ -f "$dir/nginx.pid" ] && kill -QUIT "$(cat "$dir/nginx.pid")" 2>/dev/null || true
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 30); do
        alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive = 0 ] && break
        sleep 1
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    exit "$code"
}
# Ctrl-C and SIGTERM are the normal end; any other exit (a failed start) keeps its status
trap 'stop 0' INT TERM
trap 'stop $?' EXIT

# ----- the instances: no Hazelcast, so no cluster discovery, no multicast; nothing is shared but the database
upstreams=""
for i in $(seq "$count"); do
    instance_port=$((port + i))
    mkdir -p "$dir/instance-$i"
    SESSIONS_DATA_DIR="$dir/instance-$i/data" java ${CLUSTER_JAVA_OPTS:--Xmx512m} -jar "$jar" \
        --nohazelcast --port "$instance_port" --contextroot / \
        --rootdir "$dir/instance-$i/micro" \
        --prebootcommandfile server-config/payara-micro/pre-boot-commands.asadmin \
        --deploy "$war" >"$dir/instance-$i.log" 2>&1 &
    pids+=($!)
    echo $! >"$dir/instance-$i.pid"
    echo "instance $i: http://127.0.0.1:$instance_port/ (pid $!, log $dir/instance-$i.log)"
    # a failed request (refused connection, reset) marks the instance down for 5 s; in that time
    # nginx sends everything to the others
    upstreams+="        server 127.0.0.1:$instance_port max_fails=1 fail_timeout=5s;"$'\n'
done

# ----- the balancer: nginx as this user, its own prefix, pid and logs in $dir, loopback only
mkdir -p "$dir/nginx-temp"
user_line=""
[ "$(id -u)" = 0 ] && user_line="user $(id -un) $(id -gn);"
cat >"$dir/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
daemon off;
events {
    worker_connections 1024;
}
http {
    # which instance answered: the cluster test reads it to see requests alternate
    log_format upstream '\$remote_addr [\$time_local] "\$request" \$status \$upstream_addr \$request_time';
    access_log $dir/nginx-access.log upstream;
    client_body_temp_path $dir/nginx-temp/body;
    proxy_temp_path $dir/nginx-temp/proxy;
    fastcgi_temp_path $dir/nginx-temp/fastcgi;
    uwsgi_temp_path $dir/nginx-temp/uwsgi;
    scgi_temp_path $dir/nginx-temp/scgi;

    upstream sessions {
$upstreams
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$port;
        # the WAR sets its own body limits (an import of a reference database may be 2 GiB), and
        # a body goes to the instance as it comes instead of first filling a file here
        client_max_body_size 0;
        proxy_request_buffering off;
        location / {
            proxy_pass http://sessions;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            # the page's login and logout compare their Origin with the Host they were sent to
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            # only a request no instance has seen yet goes to the next one (a refused connection,
            # a connect timeout); a POST an instance may have applied is never sent twice
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
            proxy_read_timeout 900s;
            proxy_send_timeout 900s;
        }
    }
}
CONF
nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log" &
pids+=($!)
echo "balancer: http://127.0.0.1:$port/ (nginx, configuration $dir/nginx.conf)"

# ----- ready when every instance answers; then in the foreground until stopped
started=$(date +%s)
for i in $(seq "$count"); do
    until curl -sf -o /dev/null "http://127.0.0.1:$((port + i))/login.xhtml"; do
        kill -0 "${pids[$((i - 1))]}" 2>/dev/null || { echo "instance $i died at start: see $dir/instance-$i.log" >&2; exit 1; }
        sleep 1
    done
done
echo "cluster ready: $count instance(s) behind http://127.0.0.1:$port/ after $(( $(date +%s) - started )) s"
while :; do
    sleep 1 &
    wait $! || true
done
