-- Evaluation facts for trace rows written before facts existed (docs/domain.md §6, "Facts").
-- The same rules as FactCodes.Derive in the domain, over the stored trace: run by the Evaluation_Backfill migration
-- and by the bench generator. Cases that already have facts are left alone, so it can run twice.

-- 1. The department holding the case on each row: the latest dispatch at or before it; none after a return
--    (the return row itself names the department that returned it).
UPDATE case_traces t
SET holding_department_key = h.department_key
FROM (
    SELECT r.id,
           (SELECT CASE WHEN d.action = 'dispatch' THEN d.department_key END
            FROM case_traces d
            WHERE d.case_id = r.case_id AND d.action IN ('dispatch', 'return')
              AND (d.sequence < r.sequence OR (d.sequence = r.sequence AND d.action = 'dispatch'))
            ORDER BY d.sequence DESC
            LIMIT 1) AS department_key
    FROM case_traces r
    WHERE r.holding_department_key IS NULL
) h
WHERE h.id = t.id AND h.department_key IS NOT NULL;

-- 2. The facts each row yields, with the case's place and category.
WITH rows AS (
    SELECT t.case_id, t.sequence, t.action, t.code, t.from_state, t.on_time, t.at, t.actor_user_name, t.actor_role,
           t.holding_department_key,
           c.district_code, c.street_code, c.community_code, c.unit_grid_code, c.category_id, c.reported_by,
           CASE c.source WHEN 'Patrol' THEN 'patroller' WHEN 'Hotline' THEN 'acceptor' ELSE lower(c.source) END AS reporter_role,
           row_number() OVER (PARTITION BY t.case_id, t.code IN ('check.failed', 'callback.unsatisfied') ORDER BY t.sequence) AS rework_n,
           row_number() OVER (PARTITION BY t.case_id, t.action IN ('close', 'self-handle') ORDER BY t.sequence) AS close_n,
           count(*) FILTER (WHERE t.action IN ('close', 'self-handle')) OVER (PARTITION BY t.case_id ORDER BY t.sequence) AS closes_so_far,
           bool_or((t.action = 'feedback' AND t.on_time = false)
                   OR (t.action = 'overdue' AND t.parameters::jsonb ->> 'stage' = 'handle'))
               OVER (PARTITION BY t.case_id ORDER BY t.sequence) AS late_so_far,
           CASE WHEN t.action = 'return' THEN
               (SELECT d.actor_user_name FROM case_traces d
                WHERE d.case_id = t.case_id AND d.action = 'dispatch' AND d.sequence < t.sequence
                ORDER BY d.sequence DESC LIMIT 1) END AS last_dispatcher
    FROM case_traces t
    JOIN cases c ON c.id = t.case_id
    WHERE NOT EXISTS (SELECT 1 FROM evaluation_facts f WHERE f.case_id = t.case_id)
)
INSERT INTO evaluation_facts (id, case_id, sequence, code, at, on_time, department_key, district_code, street_code,
                              community_code, unit_grid_code, category_id, person, person_role)
SELECT gen_random_uuid(), r.case_id, r.sequence, v.code, r.at, v.on_time, r.holding_department_key, r.district_code,
       r.street_code, r.community_code, r.unit_grid_code, r.category_id, v.person, CASE WHEN v.person IS NOT NULL THEN v.role END
FROM rows r
CROSS JOIN LATERAL (VALUES
    ('reported', r.actor_user_name, r.actor_role, NULL::boolean, r.action = 'report'),
    ('accepted', r.actor_user_name, r.actor_role, NULL, r.action = 'accept'),
    ('filed', r.actor_user_name, r.actor_role, NULL, r.action = 'file'),
    ('valid', r.reported_by, r.reporter_role, NULL, r.action IN ('file', 'self-handle') OR (r.action = 'void' AND r.from_state = 'ToFile')),
    ('voided', r.actor_user_name, r.actor_role, NULL, r.action = 'void'),
    ('voidedAfterFiling', r.actor_user_name, r.actor_role, NULL, r.action = 'void' AND r.from_state IS DISTINCT FROM 'ToFile'),
    ('dispatch', r.actor_user_name, r.actor_role, r.on_time, r.action = 'dispatch'),
    ('closeDue', NULL, NULL, NULL, (r.action = 'dispatch' AND r.closes_so_far = 0) OR (r.action = 'self-handle' AND r.close_n = 1)),
    ('returned', r.last_dispatcher, CASE WHEN r.last_dispatcher = 'system' THEN 'system' ELSE 'dispatcher' END, NULL, r.action = 'return'),
    ('closeDueWithdrawn', NULL, NULL, NULL, r.action = 'return'),
    ('handled', r.actor_user_name, r.actor_role, r.on_time, r.action = 'feedback'),
    ('extended', r.actor_user_name, r.actor_role, NULL, r.action = 'approve-extension'),
    ('suspended', r.actor_user_name, r.actor_role, NULL, r.action = 'approve-suspension'),
    ('verify', r.actor_user_name, r.actor_role, r.on_time, r.action = 'verify'),
    ('check', r.actor_user_name, r.actor_role, r.on_time, r.action = 'check'),
    ('checkFailed', r.actor_user_name, r.actor_role, NULL, r.code = 'check.failed'),
    ('reworked', r.actor_user_name, r.actor_role, NULL, r.code IN ('check.failed', 'callback.unsatisfied') AND r.rework_n = 1),
    ('closed', r.actor_user_name, r.actor_role, CASE WHEN r.action = 'self-handle' THEN true ELSE NOT r.late_so_far END,
        r.action IN ('close', 'self-handle') AND r.close_n = 1),
    ('selfHandled', r.reported_by, r.reporter_role, NULL, r.action = 'self-handle'),
    ('callback', r.actor_user_name, r.actor_role, NULL, r.code IN ('callback.satisfied', 'callback.unsatisfied')),
    ('callbackSatisfied', r.actor_user_name, r.actor_role, NULL, r.code = 'callback.satisfied'),
    ('overdue', NULL, NULL, NULL, r.action = 'overdue'),
    ('escalated', NULL, NULL, NULL, r.action = 'escalate')
) AS v(code, person, role, on_time, applies)
WHERE v.applies;

-- 3. What each case has counted once, so that its next rows derive the same facts the domain would.
UPDATE cases c
SET evaluation_marks = m.marks, last_dispatcher = m.last_dispatcher
FROM (
    SELECT t.case_id,
           (CASE WHEN bool_or(t.code IN ('check.failed', 'callback.unsatisfied')) THEN 1 ELSE 0 END)
         | (CASE WHEN bool_or(t.action IN ('close', 'self-handle')) THEN 2 ELSE 0 END)
         | (CASE WHEN (array_agg(t.action ORDER BY t.sequence DESC) FILTER (WHERE t.action IN ('dispatch', 'return', 'close', 'self-handle')))[1]
                     IN ('dispatch', 'close', 'self-handle') THEN 4 ELSE 0 END)
         | (CASE WHEN bool_or((t.action = 'feedback' AND t.on_time = false)
                              OR (t.action = 'overdue' AND t.parameters::jsonb ->> 'stage' = 'handle')) THEN 8 ELSE 0 END) AS marks,
           (array_agg(t.actor_user_name ORDER BY t.sequence DESC) FILTER (WHERE t.action = 'dispatch'))[1] AS last_dispatcher
    FROM case_traces t
    WHERE t.case_id IN (SELECT id FROM cases WHERE evaluation_marks = 0)
    GROUP BY t.case_id
) m
WHERE m.case_id = c.id;
