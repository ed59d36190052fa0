# Sourced by the bench scripts: starts the server exactly as the README runs it (mvn -B -DskipTests
# package payara-micro:start, so with the pom's JVM memory options and pre-boot commands), on
# $port with its data in $out/data and the admin token $token, and waits until the API answers.
# $mvn_extra, if set, is one more argument for Maven (bench/run.sh's NMT=1 passes -Dexec.args=...,
# which the plugin adds to the pom's JVM options). Sets $server to Payara Micro's pid (the Maven JVM's child); stops both at exit.
start_readme_server() {
    SESSIONS_ADMIN_TOKEN=$token SESSIONS_DATA_DIR=$PWD/$out/data SESSIONS_TIMEZONE=UTC \
        mvn -B -DskipTests -Dsessions.port="$port" ${mvn_extra:+"$mvn_extra"} package payara-micro:start > "$out/server.log" 2>&1 &
    mvn_pid=$!
    server=
    trap 'stop_readme_server' EXIT
    for _ in $(seq 1 300); do
        server=$(ps -o pid=,args= --ppid "$mvn_pid" | awk '/payara-micro/ {print $1}' | head -1 || true)
        if [ -n "$server" ] && curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/sessions/totals"; then
            echo "Server pid $server:$(ps -o args= -p "$server" | grep -o -- ' -X[^ ]*' | tr -d '\n')"
            return 0
        fi
        kill -0 "$mvn_pid" 2>/dev/null || { tail -50 "$out/server.log"; return 1; }
        sleep 1
    done
    echo "The server did not answer within 300 s" >&2
    return 1
}

stop_readme_server() {
    [ -n "${server:-}" ] && kill "$server" 2>/dev/null
    kill "$mvn_pid" 2>/dev/null
    wait "$mvn_pid" 2>/dev/null || true
}
