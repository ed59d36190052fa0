#!/usr/bin/env bash
# How cost grows (issue 12, target 9), on embedded Derby or on PostgreSQL, with the server started
# exactly as the README runs it (bench/readme-server.sh; for PostgreSQL the same command with the
# README's three SESSIONS_DB_* variables set).
#
#   bash bench/growth.sh sessions   # 2,000 devices: a year (1 M sessions) imported and measured, then
#                                   # $YEARS more years before it for the same devices (5 M), measured again
#   bash bench/growth.sh devices    # 2,000, then 10,000, then 20,000 devices with 30 days each (41
#                                   # sessions a device: the year's density): the week's calendar at each
#                                   # size, then scans of 2,000, 10,000 and 20,000 devices of their own
#   bash bench/growth.sh report     # the tables, from what the steps measured (target/growth/*.tsv)
#   DB=postgres bash bench/growth.sh sessions   # the same on PostgreSQL: .ci/postgres, its own database
#                                               # sessions_growth, dropped and made again
#
# Each step starts its own server on 127.0.0.1:$PORT on a fresh database: run it under the shared
# lock (flock -o /tmp/sessions-heavy.lock bash bench/growth.sh ...). Settings: DURATION=10 (s of wrk
# per scenario, after WARM=10 s of warm-up each at c=2; the run of 2026-12-02 had 3 s, too little
# for a server that had only imported: see docs/PERFORMANCE.md), C8=1 (0: concurrency 1 only), YEARS=4, UNTIL=HH:MM (UTC:
# no further year is imported if, at the pace of the imports so far, it and the measurement after
# it would end later), POINTS="2000 10000 20000", CAL_SECONDS=15, PORT=8091; for a quick try of the
# script itself, smaller data: DEVICES=2000 and PER_DEVICE=500 (the sessions step), PER_DEVICE_30D=41.
# One-device reads and week views: wrk and bench/scenario.lua (p50, p99, req/s); the floor (an
# authenticated empty answer) at each point too, which tells how busy the machine was. The calendar of the
# devices step: curl, one request at a time, then 8 at once, each for at least $CAL_SECONDS s (a
# week of 20,000 devices takes seconds a request, too slow for a short wrk run). Scans:
# bench/ScanBench.java, one round (new, repeated, 10 % changed, all leave, all come back).
# Needs wrk and python3 (the report). Writes target/growth/<db>-<step>.tsv and the logs in
# target/growth/<db>-<step>/.
set -euo pipefail
cd "$(dirname "$0")/.."

STEP=${1:?"usage: bench/growth.sh sessions|devices|report"}
DB=${DB:-derby}
DURATION=${DURATION:-10}
C8=${C8:-1}
YEARS=${YEARS:-4}
UNTIL=${UNTIL:-}
POINTS=${POINTS:-"2000 10000 20000"}
CAL_SECONDS=${CAL_SECONDS:-15}
PORT=${PORT:-8091}
DEVICES=${DEVICES:-2000}
PER_DEVICE=${PER_DEVICE:-500}
PER_DEVICE_30D=${PER_DEVICE_30D:-41}
IDLE=${IDLE:-2}
SETTLE=${SETTLE:-20}
WARM=${WARM:-10}
SCENARIOS=${SCENARIOS:-"floor list-device-30d device-7d list-device calendar-7d events-all-7d events-sessions-7d totals-7d"}
ROOT=target/growth

report() {
    python3 - "$ROOT" <<'EOF'
import collections, glob, os, sys
root = sys.argv[1]
def rows(path):
    return [line.rstrip("\n").split("\t") for line in open(path)] if os.path.exists(path) else []
def fmt(x, d=1):
    return f"{x:,.{d}f}"
def size(n):
    n = int(n)
    return f"{n / 1e6:.1f} M" if n >= 1e6 else f"{n:,}"
ratios = {}
for db in ("derby", "postgres"):
    data = rows(f"{root}/{db}-sessions.tsv")
    wrk = [r for r in data if r[0] == "wrk"]
    if not wrk:
        continue
    points = sorted({int(r[1]) for r in wrk})
    a, b = points[0], points[-1]
    res = {(int(r[1]), r[2], r[3]): r for r in wrk}
    scen = list(dict.fromkeys(r[2] for r in wrk))
    print(f"\n{db}: {size(a)} -> {size(b)} sessions, wrk {res[(a, scen[0], '1')][5]} s per scenario\n")
    has8 = any(r[3] == "8" for r in wrk)
    print(f"| scenario | p50 ms c=1, {size(a)} | p50 ms c=1, {size(b)} | p50 {size(b)}/{size(a)} | req/s c=1, {size(a)} | req/s c=1, {size(b)} |"
          + (f" req/s c=8, {size(a)} | req/s c=8, {size(b)} | req/s c=8 {size(b)}/{size(a)} |" if has8 else ""))
    print("|---|---|---|---|---|---|" + ("---|---|---|" if has8 else ""))
    for s in scen:
        def get(p, c):
            r = res.get((p, s, c))
            if not r:
                return None
            n, secs, p50, p99, err = int(r[4]), float(r[5]), float(r[6]), float(r[7]), int(r[8])
            return n / secs, p50, p99, err
        x1, y1, x8, y8 = get(a, "1"), get(b, "1"), get(a, "8"), get(b, "8")
        ratio = y1[1] / x1[1] if x1 and y1 and x1[1] else float("nan")
        ratios.setdefault(s, {})[db] = (ratio, a, b)
        c8 = (f"{fmt(x8[0])} | {fmt(y8[0])} | {y8[0] / x8[0]:.2f}x" if x8 and y8 and x8[0] else "- | - | -")
        print(f"| {s} | {fmt(x1[1], 2)} | {fmt(y1[1], 2)} | {ratio:.2f}x | {fmt(x1[0])} | {fmt(y1[0])} |" + (f" {c8} |" if has8 else ""))
    errors = sum(int(r[8]) for r in wrk)
    print(f"\nErrors over all runs: {errors}.")
    for r in data:
        if r[0] == "import":
            print(f"- import of {int(r[2]):,} sessions (to {size(r[1])}): {float(r[3]):.0f} s; database {r[4]}")
        if r[0] == "rss":
            print(f"- server peak RSS (VmHWM) over the step: {r[1]} MB")
if ratios:
    dbs = [db for db in ("derby", "postgres") if any(db in v for v in ratios.values())]
    print("\nSide by side, p50 at c=1, last size / first size:\n")
    print("| scenario | " + " | ".join(f"{db} {size(next(v[db] for v in ratios.values() if db in v)[1])} -> {size(next(v[db] for v in ratios.values() if db in v)[2])}" for db in dbs) + " |")
    print("|---|" + "---|" * len(dbs))
    for s, v in ratios.items():
        print(f"| {s} | " + " | ".join(f"{v[db][0]:.2f}x" if db in v else "-" for db in dbs) + " |")
cases = ["new", "repeated", "changed", "leave", "back"]
names = {"new": "new", "repeated": "repeated", "changed": "10 % changed", "leave": "all leave", "back": "all come back"}
for db in ("derby", "postgres"):
    data = rows(f"{root}/{db}-devices.tsv")
    cal = {(int(r[1]), r[2]): r for r in data if r[0] == "calendar"}
    scan = {(int(r[1]), r[2]): r for r in data if r[0] == "scan"}
    if not cal and not scan:
        continue
    floor = {int(r[1]): r for r in data if r[0] == "wrk" and r[2] == "floor"}
    points = sorted({k[0] for k in cal} | {k[0] for k in scan})
    base = points[0]
    print(f"\n{db}: devices, 30 days each\n")
    print("| devices | floor p50 ms | bars in the week | answer | calendar p50 ms c=1 | c=1 req/s | c=8 full answers/s | c=1 p50 per device vs " + f"{base:,}" + " | c=8 time per answer per device vs " + f"{base:,}" + " | " + " | ".join(f"scan {names[c]} ms" for c in cases) + " |")
    print("|---|---|---|---|---|---|---|---|---|" + "---|" * len(cases))
    for p in points:
        c1, c8 = cal.get((p, "1")), cal.get((p, "8"))
        b1, b8 = cal.get((base, "1")), cal.get((base, "8"))
        line = [f"{p:,}", f"{float(floor[p][6]):.2f}" if p in floor else "-"]
        if c1:
            line += [c1[10] if len(c1) > 10 else "-", f"{int(c1[9]) / 1e6:.1f} MB", fmt(float(c1[5]), 0), fmt(int(c1[3]) / float(c1[4]), 2),
                     (fmt((int(c8[3]) - int(c8[7])) / float(c8[4]), 2) + (f" ({c8[7]} of {c8[3]} failed)" if int(c8[7]) else "")) if c8 else "-",
                     f"{(float(c1[5]) / p) / (float(b1[5]) / base):.2f}x",
                     f"{(float(c8[4]) / (int(c8[3]) - int(c8[7])) / p) / (float(b8[4]) / (int(b8[3]) - int(b8[7])) / base):.2f}x"
                     if c8 and b8 and int(c8[3]) > int(c8[7]) else "-"]
        else:
            line += ["-"] * 7
        for c in cases:
            r = scan.get((p, c))
            line.append(f"{int(r[3]):,}" if r else "-")
        print("| " + " | ".join(line) + " |")
    if scan:
        print(f"\nScan time per device, relative to {base:,} devices:\n")
        print("| devices | " + " | ".join(names[c] for c in cases) + " |")
        print("|---|" + "---|" * len(cases))
        for p in points:
            cells = []
            for c in cases:
                r, r0 = scan.get((p, c)), scan.get((base, c))
                cells.append(f"{(int(r[3]) / p) / (int(r0[3]) / base):.2f}x" if r and r0 and int(r0[3]) else "-")
            print(f"| {p:,} | " + " | ".join(cells) + " |")
    errors = sum(int(r[7]) for r in data if r[0] == "calendar")
    print(f"\nCalendar errors (not 200 or cut short): {errors}.")
    for r in data:
        if r[0] == "import":
            print(f"- import of {int(r[2]):,} sessions (to {int(r[1]):,} devices): {float(r[3]):.0f} s; database {r[4]}")
        if r[0] == "rss":
            print(f"- server peak RSS (VmHWM) over the step: {r[1]} MB")
EOF
}

if [ "$STEP" = report ]; then
    report
    exit 0
fi
[ "$STEP" = sessions ] || [ "$STEP" = devices ] || { echo "usage: bench/growth.sh sessions|devices|report" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

OUT=$ROOT/$DB-$STEP
TSV=$ROOT/$DB-$STEP.tsv
rm -rf "$OUT" && mkdir -p "$OUT"
: > "$TSV"
TOKEN=growth-admin-token-$(date +%s)
BASE=http://127.0.0.1:$PORT
export TOKEN

note() { echo "$(date -u +%T) $*" | tee -a "$OUT/log.txt"; }
record() { (IFS=$'\t'; echo "$*") >> "$TSV"; }

# a fresh database: a new data directory for Derby, the database sessions_growth dropped and made again for PostgreSQL
if [ "$DB" = postgres ]; then
    url=$(IT_DB_NAME=sessions_growth bash .ci/postgres --fresh | tail -1)
    export SESSIONS_DB_URL=$url SESSIONS_DB_USER=sessions_it SESSIONS_DB_PASSWORD=sessions_it
    pg_port=$(echo "$url" | sed 's#.*:\([0-9]*\)/.*#\1#')
    db_size() { (cd / && su postgres -c "psql -p $pg_port -tAc \"SELECT pg_size_pretty(pg_database_size('sessions_growth'))\""); }
    DB_VERSION=$( (cd / && su postgres -c "psql -p $pg_port -tAc 'SHOW server_version'") )
    DB_VERSION="PostgreSQL $DB_VERSION"
elif [ "$DB" = derby ]; then
    unset SESSIONS_DB_URL SESSIONS_DB_USER SESSIONS_DB_PASSWORD
    db_size() { du -sh "$OUT/data/derby" | cut -f1; }
    DB_VERSION="embedded Derby"
else
    echo "DB is derby or postgres" >&2
    exit 2
fi

{
    echo "step: $STEP, $DB_VERSION"
    echo "started: $(date -u '+%F %T') UTC"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml bench || echo ' (with local changes)')"
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
} > "$OUT/info.txt"

note "Starting the server as the README does ($DB_VERSION)"
port=$PORT out=$OUT token=$TOKEN
. bench/readme-server.sh
start_readme_server
SERVER=$server
echo "server: $( (tr '\0' '\n' < "/proc/$SERVER/environ" | grep '^MALLOC_' || true) | tr '\n' ' ')java$(ps -o args= -p "$SERVER" | grep -o -- ' -X[^ ]*' | tr -d '\n')" >> "$OUT/info.txt"
finish() {
    [ -n "${SERVER:-}" ] && [ -r "/proc/$SERVER/status" ] && record rss "$(( $(awk '/^VmHWM/ {print $2}' "/proc/$SERVER/status") / 1024 ))"
    echo "ended: $(date -u '+%F %T') UTC" >> "$OUT/info.txt"
    stop_readme_server
}
trap finish EXIT

TOTAL=0
import_file() { # file point -> imports it, records the time and the database's size
    local start code seconds lines
    start=$(date +%s.%N)
    code=$(curl -sS -o "$OUT/import.json" -w '%{http_code}' -X POST "$BASE/sessions/import" -H "Authorization: Bearer $TOKEN" \
        -H "Content-Type: application/x-ndjson" --data-binary @"$1")
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    if [ "$code" != 200 ]; then
        note "import failed: $code $(head -c 2000 "$OUT/import.json")"
        exit 1
    fi
    lines=$(grep -o '"imported":[0-9]*' "$OUT/import.json" | cut -d: -f2)
    TOTAL=$((TOTAL + lines))
    IMPORT_SECONDS=${seconds%.*}
    record import "${2:-$TOTAL}" "$lines" "$seconds" "$(db_size)"
    note "imported $lines sessions in $seconds s (now $TOTAL); database $(db_size)"
    sleep "$SETTLE"
}

dates() { export TODAY=$(date -u +%F) FROM7=$(date -u -d '6 days ago' +%F) FROM30=$(date -u -d '29 days ago' +%F); }

run_wrk() { # scenario concurrency seconds -> "requests seconds p50 p99 errors"
    SCENARIO=$1 wrk -t "$2" -c "$2" -d "${3}s" --timeout 60s -s bench/scenario.lua "$BASE" | grep '^RESULT' | cut -d' ' -f2-
}

measure_sessions() { # point
    dates
    export DEVICES
    note "measuring at $1 sessions"
    for s in $SCENARIOS; do run_wrk "$s" 2 "$WARM" > /dev/null; done
    sleep "$IDLE"
    for c in 1 $([ "$C8" = 1 ] && echo 8 || true); do
        for s in $SCENARIOS; do
            r=$(run_wrk "$s" "$c" "$DURATION")
            # shellcheck disable=SC2086
            record wrk "$1" "$s" "$c" $r
            note "  $1 c=$c $s: $r"
            sleep "$IDLE"
        done
    done
}

percentile() { # p (0..1) < seconds, one a line -> ms
    sort -n | awk -v p="$1" '{ a[NR] = $1 } END { if (NR == 0) { print 0; exit } i = int((NR - 1) * p + 0.5) + 1; printf "%.1f", a[i] * 1000 }'
}

calendar_once() {
    curl -sS -o /dev/null --max-time 600 -H "Authorization: Bearer $TOKEN" -H "Accept: application/json" \
        -w '%{http_code} %{size_download} %{time_total}\n' "$BASE/sessions/calendar?start=$FROM7&end=$TODAY" || echo "000 0 0"
}

calendar_loop() { # seconds at-least file: requests one after the other until both are reached
    local until=$(( $(date +%s) + $1 )) k=0
    while [ "$k" -lt "$2" ] || [ "$(date +%s)" -lt "$until" ]; do
        calendar_once >> "$3"
        k=$((k + 1))
    done
}

measure_calendar() { # devices
    dates
    export DEVICES=$1
    run_wrk floor 2 3 > /dev/null
    r=$(run_wrk floor 1 5)
    # shellcheck disable=SC2086
    record wrk "$1" floor 1 $r
    note "  floor at $1 devices: $r"
    calendar_once > "$OUT/calendar-$1-warm.txt"
    calendar_once >> "$OUT/calendar-$1-warm.txt"
    local sessions
    sessions=$(curl -sS -H "Authorization: Bearer $TOKEN" -H "Accept: application/json" "$BASE/sessions/calendar?start=$FROM7&end=$TODAY" \
        | grep -o '"resourceId"' | wc -l || true)
    sleep "$IDLE"
    for c in 1 $([ "$C8" = 1 ] && echo 8 || true); do
        local file=$OUT/calendar-$1-c$c.txt start end
        : > "$file"
        start=$(date +%s.%N)
        local loops=""
        for _ in $(seq 1 "$c"); do
            calendar_loop "$CAL_SECONDS" $([ "$c" = 1 ] && echo 3 || echo 1) "$file" &
            loops="$loops $!"
        done
        # shellcheck disable=SC2086
        wait $loops   # these only: a bare wait would also wait for the server's Maven
        end=$(date +%s.%N)
        local n secs p50 p99 errors bytes
        n=$(wc -l < "$file")
        secs=$(echo "$end - $start" | bc)
        p50=$(awk '{print $3}' "$file" | percentile 0.5)
        p99=$(awk '{print $3}' "$file" | percentile 0.99)
        bytes=$(awk '$1 == 200 {print $2}' "$file" | sort -n | tail -1)
        # not 200, or shorter than the full answer (an error after the first bytes cuts a 200 short)
        errors=$(awk -v full="${bytes:-0}" '$1 != 200 || $2 < full' "$file" | wc -l)
        record calendar "$1" "$c" "$n" "$secs" "$p50" "$p99" "$errors" "-" "${bytes:-0}" "$sessions"
        note "  calendar, $1 devices, c=$c: $n requests in $secs s, p50 $p50 ms, p99 $p99 ms, errors $errors, ${bytes:-0} bytes, $sessions bars"
        sleep "$IDLE"
    done
}

measure_scans() { # devices
    note "scans of $1 devices"
    java bench/ScanBench.java "$BASE" "$TOKEN" "$1" 1 "$SERVER" | tee "$OUT/scan-$1.txt"
    awk -v n="$1" '/^round 1: / {
            name = substr($0, 1, 34); sub(/ +$/, "", name); split(substr($0, 35), f, " ")
            key = name ~ /first sight/ ? "new" : name ~ /same again/ ? "repeated" : name ~ /changed/ ? "changed" \
                : name ~ /come back/ ? "back" : (name ~ /empty/ && !left++) ? "leave" : ""
            if (key != "") printf "scan\t%d\t%s\t%d\t%d\n", n, key, f[1], f[2]
        }' "$OUT/scan-$1.txt" >> "$TSV"
    sleep "$IDLE"
}

if [ "$STEP" = sessions ]; then
    note "Generating a year of $DEVICES devices x $PER_DEVICE sessions"
    java bench/Dataset.java "$DEVICES" "$PER_DEVICE" 42 > "$OUT/year-0.ndjson"
    import_file "$OUT/year-0.ndjson"
    rm -f "$OUT/year-0.ndjson"
    started=$(date +%s)
    measure_sessions "$TOTAL"
    MEASURE_SECONDS=$(( $(date +%s) - started ))
    deadline=${UNTIL:+$(date -u -d "today $UNTIL" +%s)}
    for k in $(seq 1 "$YEARS"); do
        # a year ending 366 k days ago: a day apart from the next one, so no session meets another
        # of the same device whatever the hour each file was made in
        if [ -n "$deadline" ] && [ $(( $(date +%s) + IMPORT_SECONDS * 13 / 10 + 30 + SETTLE + MEASURE_SECONDS )) -gt "$deadline" ]; then
            note "stopping at $TOTAL sessions: another year and its measurement would end after $UNTIL UTC"
            break
        fi
        note "Generating year $k before the first"
        java bench/Dataset.java "$DEVICES" "$PER_DEVICE" $((42 + k)) 365 $((366 * k)) > "$OUT/year-$k.ndjson"
        import_file "$OUT/year-$k.ndjson"
        rm -f "$OUT/year-$k.ndjson"
    done
    measure_sessions "$TOTAL"
else
    previous=0
    i=0
    for n in $POINTS; do
        note "Generating devices $previous to $((n - 1)): $PER_DEVICE_30D sessions each over 30 days"
        java bench/Dataset.java $((n - previous)) "$PER_DEVICE_30D" $((42 + i)) 30 0 "$previous" > "$OUT/devices.ndjson"
        import_file "$OUT/devices.ndjson" "$n"
        rm -f "$OUT/devices.ndjson"
        previous=$n
        i=$((i + 1))
        measure_calendar "$n"
    done
    # after every calendar: a scan's devices are new devices, and its empty scans close every open session
    for n in $POINTS; do measure_scans "$n"; done
fi
note "done"
