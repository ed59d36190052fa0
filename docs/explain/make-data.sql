-- A year of a 2,000-device network in the schema Liquibase made (run against a copy, never a real
-- database): 100 one-hour sessions per device, two events each, the last session of each device open.
-- Times are epoch milliseconds, as the application stores them; the year ends at 2025-12-31.
\set year_end 1767139200000
INSERT INTO devices (mac, first_seen_at, last_event_at, last_ip, last_observed_at)
SELECT to_char(d, 'FM"02:00:00:"00":"') || lpad(to_hex(d % 256), 2, '0') || ':' || lpad(to_hex(d / 256), 2, '0'),
       :year_end - 365 * 86400000::bigint, :year_end, '10.0.0.1', :year_end - (d % 100) * 60000
FROM generate_series(1, 2000) d;
INSERT INTO sessions (id, connected_at, disconnected_at, info, ip, mac, span_end, span_start, connection_kind, disconnection_kind)
SELECT d * 1000 + k,
       :year_end - (100 - k) * 315360000::bigint + d * 1000,
       CASE WHEN k = 100 THEN NULL ELSE :year_end - (100 - k) * 315360000::bigint + d * 1000 + 3600000 END,
       '', '10.0.0.1',
       to_char(d, 'FM"02:00:00:"00":"') || lpad(to_hex(d % 256), 2, '0') || ':' || lpad(to_hex(d / 256), 2, '0'),
       CASE WHEN k = 100 THEN 9223372036854775807 ELSE :year_end - (100 - k) * 315360000::bigint + d * 1000 + 3600000 END,
       :year_end - (100 - k) * 315360000::bigint + d * 1000,
       'CONNECTED', CASE WHEN k = 100 THEN NULL ELSE 'DISCONNECTED' END
FROM generate_series(1, 2000) d, generate_series(1, 100) k;
INSERT INTO events (id, info, ip, mac, occurred_at, kind, voided)
SELECT id * 2, '', ip, mac, span_start, 'CONNECTED', false FROM sessions
UNION ALL
SELECT id * 2 + 1, '', ip, mac, span_end, 'DISCONNECTED', (id % 50 = 0) FROM sessions WHERE disconnected_at IS NOT NULL;
ANALYZE devices, sessions, events;
