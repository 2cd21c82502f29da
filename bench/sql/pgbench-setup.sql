-- Prepares a scratch copy of the bench database for case.pgbench (run by ./dispatch bench
-- with psql -v tpl=<id of a case the pipeline dispatched>). The template rows make the
-- baseline write rows of exactly the sizes the product writes, whatever columns the
-- migrations have added since this file was written.
\set ON_ERROR_STOP on
CREATE TABLE bench_tpl_case AS SELECT to_jsonb(c) AS j FROM cases c WHERE c.id = :'tpl';
-- One step per transaction of the template case: 1 report, 2 intake (accept and file), 3 dispatch.
CREATE TABLE bench_tpl_trace AS
  SELECT dense_rank() OVER (ORDER BY t.at) AS step, to_jsonb(t) AS j
    FROM case_traces t WHERE t.case_id = :'tpl';
CREATE TABLE bench_tpl_outbox AS
  SELECT dense_rank() OVER (ORDER BY o.created_at) AS step, o.message_type, o.body
    FROM outbox_messages o WHERE o.body LIKE '%' || :'tpl' || '%';
CREATE SEQUENCE bench_case_numbers;
SELECT (SELECT count(*) FROM bench_tpl_trace) AS traces, (SELECT count(*) FROM bench_tpl_outbox) AS outbox_rows,
       (SELECT max(step) FROM bench_tpl_trace) AS trace_steps, (SELECT max(step) FROM bench_tpl_outbox) AS outbox_steps;
