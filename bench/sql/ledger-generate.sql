-- A year of cases for the ledger bench (and the evaluation issue): :n cases reported over the
-- 365 days before now, in realistic states with the time of each step, their trace rows, and
-- the ledger's own columns (dispatched_at, closed_at, was_overdue) and the evaluation facts. Run against a database the
-- host has migrated and seeded (categories, departments, grid):
--   psql -v n=1000000 -f bench/sql/ledger-generate.sql
-- Numbers are 450304-<year>-Bnnnnnnn, apart from those the host gives out.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

CREATE TEMP TABLE bench_pick AS
SELECT (SELECT array_agg(c.id ORDER BY c.id) FROM category_conditions c) AS conditions,
       (SELECT array_agg(c.category_id ORDER BY c.id) FROM category_conditions c) AS categories,
       (SELECT array_agg(d.id ORDER BY d.key) FROM departments d) AS departments,
       (SELECT array_agg(d.key ORDER BY d.key) FROM departments d) AS department_keys,
       (SELECT array_agg(g.code ORDER BY g.code) FROM grid_nodes g WHERE g.level = 'Unit') AS units,
       ARRAY['井盖破损', '井盖缺失', '路灯不亮', '占道经营', '机动车乱停放', '暴露垃圾', '垃圾满溢', '道路破损',
             '积水内涝', '违章搭建', '乱贴广告', '绿地脏乱', '护栏损坏', '非机动车乱停放', '店外经营', '施工扰民',
             '树木倒伏', '消防栓损坏', '下水道堵塞', '废弃车辆'] AS problems,
       ARRAY['象山区', '南门', '平山', '二塘', '文昌桥', '中山南路', '崇善路', '翠竹路', '象鼻山公园', '瓦窑口'] AS places;

CREATE TEMP TABLE bench_gen AS
SELECT i,
       gen_random_uuid() AS id,
       now() - random() * interval '365 days' AS reported_at,
       random() AS r_state, random() AS r_flags, random() AS r_source,
       1 + floor(random() * array_length(p.conditions, 1))::int AS pick_condition,
       1 + floor(random() * array_length(p.departments, 1))::int AS pick_department,
       1 + floor(random() * array_length(p.units, 1))::int AS pick_unit,
       1 + floor(random() * array_length(p.problems, 1))::int AS pick_problem,
       1 + floor(random() * array_length(p.places, 1))::int AS pick_place,
       (5 + random() * 55) * interval '1 minute' AS accept_after,
       (5 + random() * 25) * interval '1 minute' AS file_after,
       (1 + random() * 9) * interval '1 minute' AS dispatch_after,
       (10 + random() * 110) * interval '1 minute' AS sign_after,
       (1 + random() * random() * 120) * interval '1 hour' AS handle_after,
       (1 + random() * 23) * interval '1 hour' AS check_after,
       (0.5 + random() * 11.5) * interval '1 hour' AS close_after
FROM generate_series(1, :n) AS i, bench_pick p;

-- How far each case got: older cases are mostly closed; the last weeks are still moving.
CREATE TEMP TABLE bench_case AS
SELECT g.*,
       CASE
         WHEN g.r_state < 0.02 THEN 'Voided'
         WHEN g.r_state < 0.04 THEN 'NotAccepted'
         WHEN now() - g.reported_at < interval '1 day' AND g.r_state < 0.30 THEN 'Reported'
         WHEN now() - g.reported_at < interval '3 days' AND g.r_state < 0.55 THEN 'Handling'
         WHEN now() - g.reported_at < interval '7 days' AND g.r_state < 0.35 THEN 'FedBack'
         WHEN g.r_state < 0.07 THEN 'Suspended'
         WHEN g.r_state < 0.09 THEN 'Handling'
         WHEN g.r_state < 0.40 THEN 'Closed'
         ELSE 'Archived'
       END AS state,
       CASE WHEN g.r_source < 0.70 THEN 'Patrol' WHEN g.r_source < 0.85 THEN 'Hotline' WHEN g.r_source < 0.93 THEN 'Public'
            WHEN g.r_source < 0.96 THEN 'Video' WHEN g.r_source < 0.98 THEN 'Leader' ELSE 'Media' END AS source,
       g.r_flags < 0.08 AS reworked, g.r_flags > 0.95 AS extended, g.r_flags BETWEEN 0.30 AND 0.36 AS overdue
FROM bench_gen g;

-- Step times, null where the case has not got there (yet).
CREATE TEMP TABLE bench_steps AS
SELECT c.*,
       CASE WHEN c.state NOT IN ('Reported', 'NotAccepted') THEN c.reported_at + c.accept_after END AS accepted_at,
       CASE WHEN c.state NOT IN ('Reported', 'NotAccepted', 'Voided') THEN c.reported_at + c.accept_after + c.file_after END AS filed_at,
       CASE WHEN c.state NOT IN ('Reported', 'NotAccepted', 'Voided')
            THEN c.reported_at + c.accept_after + c.file_after + c.dispatch_after END AS dispatched_at,
       CASE WHEN c.state IN ('FedBack', 'Closed', 'Archived')
            THEN c.reported_at + c.accept_after + c.file_after + c.dispatch_after + c.sign_after + c.handle_after END AS fed_back_at,
       CASE WHEN c.state IN ('Closed', 'Archived')
            THEN c.reported_at + c.accept_after + c.file_after + c.dispatch_after + c.sign_after + c.handle_after + c.check_after
                 + c.close_after END AS closed_at
FROM bench_case c;

INSERT INTO cases (id, number, state, version, source, category_id, condition_id, longitude, latitude, description,
                   district_code, reported_by, reported_at, updated_at, department_id, department_key, needs_manual_dispatch,
                   unit_grid_code, community_code, street_code, outside_responsibility_grid, caller_name, caller_phone,
                   self_handled, next_deadline, light, extension_count, rework_count, return_count, escalated,
                   dispatched_at, closed_at, was_overdue, evaluation_marks, callback_wanted)
SELECT s.id,
       '450304-' || extract(year FROM s.reported_at AT TIME ZONE 'Asia/Shanghai') || '-B' || lpad(s.i::text, 7, '0'),
       s.state, 1, s.source, p.categories[s.pick_condition], p.conditions[s.pick_condition],
       110.27 + random() * 0.04, 25.23 + random() * 0.04,
       p.places[s.pick_place] || p.problems[s.pick_problem] || '，编号' || s.i || '，请尽快处置',
       '450304', CASE WHEN s.source = 'Hotline' THEN 'acceptor1' ELSE 'patroller' || (1 + s.i % 20) END,
       s.reported_at, coalesce(s.closed_at, s.fed_back_at, s.dispatched_at, s.reported_at),
       CASE WHEN s.dispatched_at IS NOT NULL THEN p.departments[s.pick_department] END,
       CASE WHEN s.dispatched_at IS NOT NULL THEN p.department_keys[s.pick_department] END,
       false, p.units[s.pick_unit], left(p.units[s.pick_unit], 12), left(p.units[s.pick_unit], 9), false,
       CASE WHEN s.source = 'Hotline' THEN '市民' || (s.i % 1000) END,
       CASE WHEN s.source = 'Hotline' THEN '138' || lpad((s.i % 100000000)::text, 8, '0') END,
       false,
       CASE WHEN s.state IN ('Handling', 'Suspended') THEN s.dispatched_at + interval '3 days' END,
       CASE WHEN s.state IN ('Handling', 'Suspended') THEN CASE WHEN s.overdue THEN 'Red' ELSE 'Green' END END,
       CASE WHEN s.extended THEN 1 ELSE 0 END, CASE WHEN s.reworked THEN 1 ELSE 0 END, 0, s.overdue,
       s.dispatched_at, s.closed_at, s.overdue, 0, s.source = 'Hotline'
FROM bench_steps s, bench_pick p;

-- The trace: one row per step reached, in order, with the department holding the case on each row. Besides the
-- straight path: 3 % go first to a wrong department that returns them (回退) and are re-dispatched by a dispatcher;
-- 5 % get an extension approved; 8 % fail a check once (返工) and are handled again; late handling rounds are
-- those marked overdue, with the sweeper's overdue row; some dispatches and checks run late; voided cases have
-- their void row; archived public and hotline cases have a callback (one in ten unsatisfied).
INSERT INTO case_traces (id, case_id, sequence, action, from_state, to_state, actor_user_name, actor_role, department_key, at,
                         on_time, code, parameters, holding_department_key)
SELECT gen_random_uuid(), t.case_id, row_number() OVER (PARTITION BY t.case_id ORDER BY t.ord), t.action, t.from_state, t.to_state,
       t.actor, t.role, t.department_key, t.at, t.on_time, t.code, t.parameters, t.holding
FROM (
  SELECT s.id AS case_id, x.ord, x.action, x.from_state, x.to_state, x.actor, x.role, x.department_key, x.at, x.on_time,
         coalesce(x.code, x.action) AS code, coalesce(x.parameters, '{}') AS parameters,
         CASE WHEN x.ord < 4 THEN NULL WHEN x.ord < 4.2 AND s.returned THEN s.wrong_key ELSE s.right_key END AS holding
  FROM (SELECT b.*, p.department_keys[b.pick_department] AS right_key,
               p.department_keys[1 + b.pick_department % array_length(p.department_keys, 1)] AS wrong_key,
               b.r_flags BETWEEN 0.40 AND 0.43 AND b.dispatched_at IS NOT NULL AS returned,
               CASE WHEN b.source = 'Hotline' THEN 'acceptor1' ELSE 'patroller' || (1 + b.i % 20) END AS reporter,
               'patroller' || (1 + (b.i + 7) % 20) AS checker
        FROM bench_steps b, bench_pick p) s,
  LATERAL (VALUES
    (1.0, 'report', NULL, 'Reported', s.reporter, CASE WHEN s.source = 'Hotline' THEN 'acceptor' ELSE 'patroller' END, NULL,
        s.reported_at, NULL::boolean, NULL, NULL),
    (2.0, 'accept', 'Reported', 'ToFile', 'acceptor1', 'acceptor', NULL, s.accepted_at, NULL, NULL, NULL),
    (3.0, 'file', 'ToFile', 'ToDispatch', 'shiftleader1', 'shift-leader', NULL, s.filed_at, NULL, NULL, NULL),
    (3.5, 'void', 'ToFile', 'Voided', 'shiftleader1', 'shift-leader', NULL,
        CASE WHEN s.state = 'Voided' THEN s.accepted_at + s.file_after END, NULL, NULL, NULL),
    (4.0, 'dispatch', 'ToDispatch', 'Dispatched', 'system', 'system', CASE WHEN s.returned THEN s.wrong_key ELSE s.right_key END,
        s.dispatched_at, s.dispatch_after < interval '9 minutes', 'dispatch.rule', NULL),
    (4.1, 'return', 'Dispatched', 'Returned', 'handler.' || s.wrong_key, 'handler', s.wrong_key,
        CASE WHEN s.returned THEN s.dispatched_at + s.sign_after * 0.3 END, true, NULL, NULL),
    (4.2, 'dispatch', 'Returned', 'Dispatched', 'dispatcher1', 'dispatcher', s.right_key,
        CASE WHEN s.returned THEN s.dispatched_at + s.sign_after * 0.6 END, true, NULL, NULL),
    (5.0, 'sign', 'Dispatched', 'Handling', 'handler.' || s.right_key, 'handler', s.right_key, s.dispatched_at + s.sign_after, NULL, NULL, NULL),
    (5.5, 'approve-extension', 'Handling', 'Handling', 'dispatcher1', 'dispatcher', NULL,
        CASE WHEN s.extended AND s.dispatched_at + s.sign_after + s.handle_after * 0.5 < now()
             THEN s.dispatched_at + s.sign_after + s.handle_after * 0.5 END, NULL, NULL, '{"limit":"1","unit":"working_days"}'),
    (5.8, 'overdue', 'Handling', 'Handling', 'system', 'system', NULL,
        CASE WHEN s.overdue AND s.dispatched_at + s.sign_after + s.handle_after * 0.9 < now()
             THEN s.dispatched_at + s.sign_after + s.handle_after * 0.9 END, NULL, NULL, '{"stage":"handle"}'),
    (6.0, 'feedback', 'Handling', 'FedBack', 'handler.' || s.right_key, 'handler', s.right_key, s.fed_back_at, NOT s.overdue, NULL, NULL),
    (6.1, 'check', 'Checking', 'Handling', s.checker, 'patroller', NULL,
        CASE WHEN s.reworked AND s.closed_at IS NOT NULL THEN s.fed_back_at + s.check_after * 0.3 END, true, 'check.failed', NULL),
    (6.2, 'feedback', 'Handling', 'FedBack', 'handler.' || s.right_key, 'handler', s.right_key,
        CASE WHEN s.reworked AND s.closed_at IS NOT NULL THEN s.fed_back_at + s.check_after * 0.6 END, true, NULL, NULL),
    (7.0, 'check', 'Checking', 'ToClose', s.checker, 'patroller', NULL,
        CASE WHEN s.closed_at IS NOT NULL THEN s.fed_back_at + s.check_after END, s.check_after < interval '20 hours', 'check.passed', NULL),
    (8.0, 'close', 'ToClose', 'Closed', 'shiftleader1', 'shift-leader', NULL, s.closed_at, NULL, NULL, NULL),
    (9.0, 'callback', 'Closed', 'Archived', 'acceptor1', 'acceptor', NULL,
        CASE WHEN s.state = 'Archived' AND s.source IN ('Hotline', 'Public') AND s.closed_at + interval '1 day' < now()
             THEN s.closed_at + interval '1 day' END, NULL,
        CASE WHEN floor(s.r_source * 1000)::int % 10 < 1 THEN 'callback.unsatisfied' ELSE 'callback.satisfied' END, NULL)
  ) AS x(ord, action, from_state, to_state, actor, role, department_key, at, on_time, code, parameters)
  WHERE x.at IS NOT NULL AND (x.ord <> 5 OR s.state NOT IN ('Reported', 'NotAccepted', 'Voided'))
) t;

-- The evaluation facts of these traces, by the same SQL the Evaluation_Backfill migration runs (rows that already
-- name their holding department keep it).
\ir ../../backend/src/Dispatch.Persistence/Evaluation/EvaluationBackfill.sql

ANALYZE cases;
ANALYZE case_traces;
VACUUM ANALYZE evaluation_facts;
