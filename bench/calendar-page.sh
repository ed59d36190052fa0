#!/usr/bin/env bash
# The calendar page's time to draw, in Debian's headless Chromium (issue 12, target 8): the server
# started as the README runs it (bench/readme-server.sh), then bench/CalendarPage.java imports 500
# devices with a week of sessions each (three a day), opens the week view 1 + 7 times and reports
# the time from navigation start until the bars are drawn (median, max), then imports 1,500 more
# devices and does the same for 2,000. Fails when a median misses its target: 1 s for 500 devices,
# 2 s for 2,000. Nothing is downloaded: Chromium is /usr/bin/chromium, driven over its DevTools
# port with the JDK's own WebSocket.
#   flock -o /tmp/sessions-heavy.lock bash bench/calendar-page.sh
#   LOADS=5 TRACE=1 bash bench/calendar-page.sh   # fewer loads, plus a trace of one more load per N
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18493}
out=target/calendar-page
token=calendar-admin-token-0123456789
rm -rf "$out" && mkdir -p "$out"
. bench/readme-server.sh
trap 'exit 143' TERM INT
start_readme_server
java bench/CalendarPage.java "http://127.0.0.1:$port" "$token" "$out" ${TARGETS:-500:1000 2000:2000} | tee "$out/result.txt"
