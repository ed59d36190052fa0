-- The main queries as the application sends them to PostgreSQL (EclipseLink's SQL for the JPQL, the
-- native SQL of the event windows), with the values of a typical request: device 02:00:00:01:01:00,
-- and the last 7 days of the year (window queries over all devices carry their bounds as literals).
\set mac '''02:00:00:01:01:00'''
\set week_start 1766534400000
\set year_end 1767139200000
\pset pager off

\echo '== 1. one device: GET /sessions/{mac}, list?mac= (Sessions.list with a MAC), newest first'
EXPLAIN ANALYZE SELECT * FROM sessions WHERE mac = :mac AND span_start < :year_end AND span_end > :week_start
  ORDER BY span_start DESC, id DESC LIMIT 1000;
\echo '== 2. one device: overlap check of a create or import (Session.near)'
EXPLAIN ANALYZE SELECT * FROM sessions WHERE mac = :mac AND span_start <= :year_end AND span_end >= :week_start
  ORDER BY span_start;
\echo '== 3. one device: its open session (Session.openOf) and its latest (Session.latestOf)'
EXPLAIN ANALYZE SELECT * FROM sessions WHERE mac = :mac AND span_end = 9223372036854775807;
EXPLAIN ANALYZE SELECT * FROM sessions WHERE mac = :mac ORDER BY span_start DESC, id DESC LIMIT 1;
\echo '== 4. one device: the lock every write takes first (Device.ofMacs ... FOR UPDATE)'
EXPLAIN ANALYZE SELECT * FROM devices WHERE mac IN (:mac) FOR UPDATE;
\echo '== 5. one device: delete (Session.deleteOfDevice, Event.deleteOfDevice), in a rolled-back transaction'
BEGIN;
EXPLAIN ANALYZE DELETE FROM sessions WHERE mac = :mac;
EXPLAIN ANALYZE DELETE FROM events WHERE mac = :mac;
ROLLBACK;
\echo '== 6. one device: calendar neighbours (last disconnection before, first connection after)'
EXPLAIN ANALYZE SELECT MAX(disconnected_at) FROM sessions WHERE mac = :mac AND disconnected_at < :week_start;
\echo '== 7. one window, all devices: list (Sessions.list without a MAC) and its count'
EXPLAIN ANALYZE SELECT * FROM sessions WHERE span_start < 1767139200000 AND span_end > 1766534400000
  ORDER BY span_start DESC, id DESC LIMIT 1000;
EXPLAIN ANALYZE SELECT COUNT(id) FROM sessions WHERE span_start < 1767139200000 AND span_end > 1766534400000;
\echo '== 8. one window, all devices: the calendar week (Calendar), ordered by device'
EXPLAIN ANALYZE SELECT * FROM sessions WHERE span_start < 1767139200000 AND span_end > 1766534400000
  ORDER BY mac, span_start;
\echo '== 9. one window: session-events type=all page, and totals by kind (native SQL, Summaries)'
EXPLAIN ANALYZE SELECT * FROM events WHERE occurred_at >= 1766534400000 AND occurred_at <= 1767139200000
  ORDER BY occurred_at DESC, id DESC OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY;
EXPLAIN ANALYZE SELECT COUNT(*) FROM events WHERE occurred_at >= 1766534400000 AND occurred_at <= 1767139200000 AND voided = TRUE;
EXPLAIN ANALYZE SELECT COUNT(*) FROM events WHERE occurred_at >= 1766534400000 AND occurred_at <= 1767139200000 AND kind = 'NEW_DEVICE';
\echo '== 10. open sessions: the disconnections of a scan, and the stale timer (Ledger)'
EXPLAIN ANALYZE SELECT mac FROM sessions WHERE span_end = 9223372036854775807;
EXPLAIN ANALYZE SELECT s.mac FROM sessions s, devices d WHERE s.span_end = 9223372036854775807
  AND d.mac = s.mac AND d.last_observed_at < 1767139200000 - 315360000000 AND s.span_start < 1767139200000 - 315360000000 LIMIT 1000;
