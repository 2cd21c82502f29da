-- After ./dispatch bench --faults: every case the load tool saw acknowledged (bench_ack,
-- loaded from its list) must be stored and dispatched exactly once. psql -v run='<description
-- pattern of the run>'. Prints: acknowledged stored dispatched lost duplicated
-- lost: acknowledged but not stored, or stored but never dispatched.
-- duplicated: dispatched more than once, or stored twice for one request (same description).
WITH ack AS (SELECT DISTINCT id FROM bench_ack),
stored AS (SELECT c.id FROM cases c JOIN ack USING (id)),
dispatches AS (
  SELECT t.case_id, count(*) AS n FROM case_traces t JOIN ack ON ack.id = t.case_id
   WHERE t.action = 'dispatch' GROUP BY t.case_id),
doubled_requests AS (
  SELECT description, count(*) - 1 AS extra FROM cases WHERE description LIKE :'run'
   GROUP BY description HAVING count(*) > 1)
SELECT (SELECT count(*) FROM ack) AS acknowledged,
       (SELECT count(*) FROM stored) AS stored,
       (SELECT count(*) FROM dispatches) AS dispatched,
       (SELECT count(*) FROM ack) - (SELECT count(*) FROM dispatches) AS lost,
       (SELECT count(*) FROM dispatches WHERE n > 1) + coalesce((SELECT sum(extra) FROM doubled_requests), 0) AS duplicated;
