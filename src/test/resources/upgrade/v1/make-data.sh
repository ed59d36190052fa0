#!/usr/bin/env bash
# Makes the v1 fixture's data through the API of a running v1 server.
set -u
B=${BASE:-http://127.0.0.1:18431}
AUTH="Authorization: Bearer upgrade-admin-token-0123456789"
J="Content-Type: application/json"
post() { echo "POST $1 $2"; curl -s -X POST "$B/sessions/$1" -H "$AUTH" -H "$J" --data-binary "$2"; echo; }
ev() { post events "{\"mac\":\"$1\",\"ip\":\"$2\",\"event_type\":\"$3\",\"time\":\"$4\"$5}"; }

# --- closed sessions by hand: default types, custom types, non-ASCII info, IPv6
post create '{"mac":"AA:BB:CC:00:00:01","ip":"192.168.1.10","start_time":"2025-06-02T08:00:00","end_time":"2025-06-02T17:30:00"}'
post create '{"mac":"AA:BB:CC:00:00:01","ip":"192.168.1.10","start_time":"2025-06-03T08:15:00","end_time":"2025-06-03T12:00:00","event_type_conn":"Connected","event_type_disc":"Disconnected","info":"Büro – Größe ÄÖÜ ß, 東京, ✓"}'
post create '{"mac":"AA:BB:CC:00:00:02","ip":"192.168.1.11","start_time":"2025-06-04T06:00:00","end_time":"2025-06-04T06:05:00","event_type_conn":"Wake-on-LAN","event_type_disc":"Device Down"}'
post create '{"mac":"AA:BB:CC:00:00:02","ip":"192.168.1.11","start_time":"2025-06-05T09:00:00","end_time":"2025-06-05T10:00:00","event_type_conn":"VOIDED - Connected","event_type_disc":"Disconnected","info":"hand-written voided type"}'
post create '{"mac":"AA:BB:CC:00:00:03","ip":"2001:db8::1","start_time":"2025-06-06T22:00:00","end_time":"2025-06-07T01:30:00","event_type_conn":"New Device","event_type_disc":"IP Changed","info":"IPv6 über Nacht"}'
post create '{"mac":"AA:BB:CC:00:00:03","ip":"fe80::1ff:fe23:4567:890a","start_time":"2025-06-08T10:00:00","end_time":"2025-06-08T10:00:00","event_type_conn":"Down Reconnected","event_type_disc":"Custom Leave 42"}'
# an open session made by hand (no scanner watches this device, so it never goes stale)

# --- the presence engine: explicit past times, in order per device
# new device, disconnect, connect, device down, down reconnected, ip changed
ev DE:AD:BE:EF:00:01 192.168.2.1 Connected    2025-06-10T08:00:00 ',"info":"scanner A"'
ev DE:AD:BE:EF:00:01 192.168.2.1 Disconnected 2025-06-10T12:00:00 ''
ev DE:AD:BE:EF:00:01 192.168.2.1 Connected    2025-06-10T13:00:00 ''
ev DE:AD:BE:EF:00:01 192.168.2.1 "Device Down" 2025-06-10T18:00:00 ''
ev DE:AD:BE:EF:00:01 192.168.2.1 Connected    2025-06-11T07:00:00 ''
ev DE:AD:BE:EF:00:01 192.168.2.9 Connected    2025-06-11T09:00:00 ''
ev DE:AD:BE:EF:00:01 192.168.2.9 Disconnected 2025-06-11T17:00:00 ''
# a flap within the 60 s grace: the disconnection is voided, the session goes on
ev DE:AD:BE:EF:00:02 192.168.2.2 Connected    2025-06-12T08:00:00 ''
ev DE:AD:BE:EF:00:02 192.168.2.2 Disconnected 2025-06-12T09:00:00 ''
ev DE:AD:BE:EF:00:02 192.168.2.2 Connected    2025-06-12T09:00:30 ''
ev DE:AD:BE:EF:00:02 192.168.2.2 Disconnected 2025-06-12T15:00:00 ''
# a missing connection: a never-seen device disconnects
ev DE:AD:BE:EF:00:03 192.168.2.3 Disconnected 2025-06-13T10:00:00 ',"info":"never seen arriving"'

# a missing disconnection: observed long ago, the stale timer closes it

ev DE:AD:BE:EF:00:05 192.168.2.5 Connected    2025-01-05T10:00:00 ',"info":"goes stale"'
sleep 4  # the stale timer (every 1 s) turns it into a missing disconnection

# --- scans (all-in-one observations); not listed devices with an open session are observed disconnected
post scan '{"time":"2025-07-10T10:00:00","devices":[{"mac":"c0:ff:ee:00:00:01","ip":"192.168.3.1"},{"mac":"c0-ff-ee-00-00-02","ip":"192.168.3.2"}]}'
post scan '{"time":"2025-07-10T11:00:00","devices":[{"mac":"C0:FF:EE:00:00:01","ip":"192.168.3.11"}]}'

post create '{"mac":"AA:BB:CC:00:00:04","ip":"10.0.0.4","start_time":"2025-07-01T07:00:00","info":"still here ☕"}'
# IPv6 through the engine, left open (observed after the stale cutoff, so it stays open)
ev DE:AD:BE:EF:00:04 2001:db8::42 Connected   2025-08-20T10:00:00 ''

# --- NDJSON import
printf '%s\n' \
 '{"mac":"11:22:33:44:55:01","ip":"172.16.0.1","start_time":"2025-05-01T08:00:00","end_time":"2025-05-01T17:00:00"}' \
 '{"mac":"11:22:33:44:55:01","ip":"172.16.0.1","start_time":"2025-05-02T08:00:00","end_time":"2025-05-02T16:00:00","event_type_conn":"Wake-on-LAN","event_type_disc":"Disconnected","info":"importé"}' \
 '{"mac":"11:22:33:44:55:02","ip":"2001:db8:0:1::5","start_time":"2025-05-03T08:00:00","end_time":"2025-05-03T09:00:00","event_type_conn":"New Device","event_type_disc":"Device Down"}' \
 | curl -s -X POST "$B/sessions/import" -H "$AUTH" -H "Content-Type: application/x-ndjson" --data-binary @-; echo
