-- Who may read and change what, enforced by PostgreSQL itself: someone who connects with their own
-- login through psql reads and changes no more than Tandem lets them. The same rules as the core's
-- `access` module (its table is the reference):
--
-- - HR administrators (`tandem_login.hr_admin`): everything.
-- - Everyone linked to an employee: their own record, and the records of their managers up the
--   line.
-- - A participant: their own employee record and profile rows; the records of the other person of
--   each of their approved pairs; their approved pairs, those pairs' sessions, logs (private notes
--   included), topics and self-assessments; the times of the other sessions of the people they are
--   paired with (so that a double booking can be seen); their own charter acknowledgement.
-- - A manager: the people under them at any depth, their approved pairs and sessions (and the
--   names of the other person of those pairs), and of the logs only what `session_shared` gives
--   (task, outcome, summary): never private notes, never ratings.
-- - Everyone signed in: the catalog, programs' names and dates, the settings.
-- Proposals of the matching, exclusions and logins are HR's.
--
-- Privileges go to PUBLIC (every login that may connect to this database), and row-level security
-- narrows them: Tandem creates no group role, so IT needs to grant nothing but CONNECT. The owner
-- of the tables (the login that created the database, its first HR administrator) bypasses
-- row-level security, as PostgreSQL's owners do.
--
-- A SECURITY DEFINER function is never inlined: each is called once per statement, and calls
-- `tandem_me()` once, never per row.
--
-- The helper functions run as the owner (SECURITY DEFINER), so a policy can look at pairs and
-- logins without meeting its own policy again. Policies call them as `(SELECT f())` or
-- `x IN (SELECT f())`: evaluated once per statement, not once per row. Rows keyed by session
-- (topics, levels, shared logs) carry their session's pair, filled by triggers, and are checked
-- against the set of visible pairs: a set of every visible session, or an `EXISTS` per row (a
-- policy applies at the scan, before the query's own filters narrow it), cost ten times more.
--
-- A table added by a later migration needs its GRANT and its policies here too (see
-- store/migrations.rs).

CREATE FUNCTION tandem_me() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT employee_id FROM tandem_login WHERE login = session_user
$$;

CREATE FUNCTION tandem_is_hr() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE((SELECT hr_admin FROM tandem_login WHERE login = session_user), FALSE)
$$;

-- The reporting line, every manager with everyone under them at any depth, kept in a schema of
-- the owner's that no login may read. Walking the line on every statement cost tens of
-- milliseconds per policy for a manager of thousands; the table is rebuilt instead, at the first
-- read after the line changed (a statement-level trigger marks it stale: an import of thousands
-- of rows rebuilds it once, not once per row).
CREATE SCHEMA tandem_private;
REVOKE ALL ON SCHEMA tandem_private FROM PUBLIC;
CREATE TABLE tandem_private.line (
    manager_id  TEXT COLLATE "C" NOT NULL,
    employee_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (manager_id, employee_id)
);
CREATE TABLE tandem_private.line_state (stale BOOLEAN NOT NULL);
INSERT INTO tandem_private.line_state VALUES (TRUE);

CREATE FUNCTION tandem_line_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE tandem_private.line_state SET stale = TRUE WHERE NOT stale;
    RETURN NULL;
END;
$$;

CREATE TRIGGER employee_line_changed AFTER INSERT OR DELETE OR UPDATE OF manager_id ON employee
FOR EACH STATEMENT EXECUTE FUNCTION tandem_line_changed();

-- Everyone under the signed-in person in the reporting line, at any depth.
CREATE FUNCTION tandem_people_under_me() RETURNS SETOF text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text;
BEGIN
    IF (SELECT stale FROM tandem_private.line_state) THEN
        PERFORM pg_advisory_xact_lock(7346208);
        IF (SELECT stale FROM tandem_private.line_state) THEN
            DELETE FROM tandem_private.line;
            -- UNION (not UNION ALL) drops a repeated row, so a loop in the data ends the walk.
            INSERT INTO tandem_private.line (manager_id, employee_id)
            WITH RECURSIVE up(employee_id, manager_id) AS (
                SELECT id, manager_id FROM employee WHERE manager_id IS NOT NULL
                UNION
                SELECT u.employee_id, e.manager_id
                FROM up u JOIN employee e ON e.id = u.manager_id
                WHERE e.manager_id IS NOT NULL
            )
            SELECT DISTINCT manager_id, employee_id FROM up WHERE manager_id <> employee_id;
            UPDATE tandem_private.line_state SET stale = FALSE;
        END IF;
    END IF;
    me := tandem_me();
    RETURN QUERY SELECT l.employee_id FROM tandem_private.line l WHERE l.manager_id = me;
END;
$$;

-- The signed-in person's own approved pairs.
CREATE FUNCTION tandem_my_pairs() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH me AS (SELECT tandem_me() AS id)
    SELECT p.id FROM program_pair p, me
    WHERE p.status = 'approved' AND (p.mentee_id = me.id OR p.mentor_id = me.id)
$$;

-- The other person of each of the signed-in person's approved pairs.
CREATE FUNCTION tandem_partners() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH me AS (SELECT tandem_me() AS id)
    SELECT CASE WHEN p.mentee_id = me.id THEN p.mentor_id ELSE p.mentee_id END
    FROM program_pair p, me
    WHERE p.status = 'approved' AND (p.mentee_id = me.id OR p.mentor_id = me.id)
$$;

-- Pairs the signed-in person may see: their own, and the approved pairs of people under them.
CREATE FUNCTION tandem_visible_pairs() RETURNS SETOF text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH mine AS (
        SELECT tandem_me() AS id
        UNION ALL
        SELECT tandem_people_under_me()
    )
    SELECT id FROM program_pair
    WHERE status = 'approved'
      AND (mentee_id IN (SELECT id FROM mine) OR mentor_id IN (SELECT id FROM mine))
$$;

-- People whose record the signed-in person may read: themself, their managers up the line, the
-- people under them, and everyone in a pair they may see (the mentor of one of their people, say).
CREATE FUNCTION tandem_visible_people() RETURNS SETOF text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH RECURSIVE above(id) AS (
        SELECT manager_id FROM employee WHERE id = tandem_me() AND manager_id IS NOT NULL
        UNION
        SELECT e.manager_id FROM employee e JOIN above a ON e.id = a.id
        WHERE e.manager_id IS NOT NULL
    ),
    mine AS (
        SELECT tandem_me() AS id
        UNION ALL
        SELECT tandem_people_under_me()
    ),
    pairs AS (
        SELECT mentee_id, mentor_id FROM program_pair
        WHERE status = 'approved'
          AND (mentee_id IN (SELECT id FROM mine) OR mentor_id IN (SELECT id FROM mine))
    )
    SELECT id FROM mine
    UNION SELECT id FROM above
    UNION SELECT mentee_id FROM pairs
    UNION SELECT mentor_id FROM pairs
$$;

-- Sessions of the signed-in person's own pairs.
CREATE FUNCTION tandem_my_sessions() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM session WHERE pair_id IN (SELECT tandem_my_pairs())
$$;

-- Pairs whose session times the signed-in person may see: the visible ones, and every approved
-- pair of the people they are paired with (their busy times).
CREATE FUNCTION tandem_timed_pairs() RETURNS SETOF text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT tandem_visible_pairs()
    UNION
    SELECT id FROM program_pair
    WHERE status = 'approved'
      AND (mentee_id IN (SELECT tandem_partners()) OR mentor_id IN (SELECT tandem_partners()))
$$;

-- The shareable part of the logs. On this engine it is a table the triggers below keep equal to
-- `session_log`'s shareable columns, so that row-level security can guard it row by row (a view
-- filtering by a set of visible sessions was computed in full for every statement).
DROP VIEW IF EXISTS session_shared;
CREATE TABLE session_shared (
    session_id            TEXT COLLATE "C" PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
    pair_id               TEXT COLLATE "C" NOT NULL,
    task_set              TEXT COLLATE "C" NOT NULL,
    previous_task_outcome TEXT COLLATE "C",
    summary               TEXT COLLATE "C" NOT NULL
);
INSERT INTO session_shared
SELECT l.session_id, s.pair_id, l.task_set, l.previous_task_outcome, l.summary
FROM session_log l JOIN session s ON s.id = l.session_id;

CREATE FUNCTION tandem_share_log() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM session_shared WHERE session_id = OLD.session_id;
        RETURN NULL;
    END IF;
    INSERT INTO session_shared (session_id, pair_id, task_set, previous_task_outcome, summary)
    SELECT NEW.session_id, s.pair_id, NEW.task_set, NEW.previous_task_outcome, NEW.summary
    FROM session s WHERE s.id = NEW.session_id
    ON CONFLICT (session_id) DO UPDATE SET task_set = excluded.task_set,
        previous_task_outcome = excluded.previous_task_outcome, summary = excluded.summary;
    RETURN NULL;
END;
$$;

CREATE TRIGGER session_log_shared AFTER INSERT OR UPDATE OR DELETE ON session_log
FOR EACH ROW EXECUTE FUNCTION tandem_share_log();

-- Topics and self-assessed levels carry their session's pair (as in ../012_shared_log.sql), so a
-- policy tests a row against the set of visible pairs.
ALTER TABLE session_topic ADD COLUMN pair_id TEXT COLLATE "C";
ALTER TABLE self_assessment ADD COLUMN pair_id TEXT COLLATE "C";
UPDATE session_topic t SET pair_id = s.pair_id FROM session s WHERE s.id = t.session_id;
UPDATE self_assessment a SET pair_id = s.pair_id FROM session s WHERE s.id = a.session_id;

CREATE FUNCTION tandem_session_pair() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    NEW.pair_id := (SELECT pair_id FROM session WHERE id = NEW.session_id);
    RETURN NEW;
END;
$$;

CREATE TRIGGER session_topic_pair BEFORE INSERT ON session_topic
FOR EACH ROW EXECUTE FUNCTION tandem_session_pair();
CREATE TRIGGER self_assessment_pair BEFORE INSERT ON self_assessment
FOR EACH ROW EXECUTE FUNCTION tandem_session_pair();

GRANT SELECT ON tandem_schema TO PUBLIC;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO PUBLIC;

-- One block per table: privileges to PUBLIC, row-level security on, its policies.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['employee', 'employee_language', 'employee_interest',
        'availability_slot', 'skill_level', 'employee_audience', 'platform', 'topic', 'app_setting',
        'program', 'program_participant', 'program_exclusion', 'program_pair', 'session',
        'session_log', 'session_shared', 'session_topic', 'self_assessment',
        'charter_acknowledgement', 'tandem_login']
    LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO PUBLIC', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY hr ON %I USING ((SELECT tandem_is_hr())) WITH CHECK ((SELECT tandem_is_hr()))', t);
    END LOOP;
    -- A person's profile rows: theirs to change; theirs, their partners' and their people's to read.
    FOREACH t IN ARRAY ARRAY['employee_language', 'employee_interest', 'availability_slot',
        'skill_level', 'employee_audience']
    LOOP
        EXECUTE format('CREATE POLICY own ON %I USING (employee_id = (SELECT tandem_me())) WITH CHECK (employee_id = (SELECT tandem_me()))', t);
        EXECUTE format('CREATE POLICY read ON %I FOR SELECT USING (employee_id IN (SELECT tandem_partners()) OR employee_id IN (SELECT tandem_people_under_me()))', t);
    END LOOP;
    -- Shared by everyone signed in.
    FOREACH t IN ARRAY ARRAY['platform', 'topic', 'program']
    LOOP
        EXECUTE format('CREATE POLICY read ON %I FOR SELECT USING (TRUE)', t);
    END LOOP;
END;
$$;

-- The interface's settings are the database's, for everyone.
CREATE POLICY everyone ON app_setting USING (TRUE) WITH CHECK (TRUE);

CREATE POLICY read ON employee FOR SELECT USING (id IN (SELECT tandem_visible_people()));
CREATE POLICY own ON employee FOR UPDATE
    USING (id = (SELECT tandem_me())) WITH CHECK (id = (SELECT tandem_me()));

-- A participant changes only their own profile's fields; the rest is HR's.
CREATE FUNCTION tandem_keep_hr_fields() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT tandem_is_hr() AND (
        NEW.external_id IS DISTINCT FROM OLD.external_id
        OR NEW.first_name IS DISTINCT FROM OLD.first_name
        OR NEW.last_name IS DISTINCT FROM OLD.last_name
        OR NEW.email IS DISTINCT FROM OLD.email
        OR NEW.department IS DISTINCT FROM OLD.department
        OR NEW.title IS DISTINCT FROM OLD.title
        OR NEW.grade IS DISTINCT FROM OLD.grade
        OR NEW.manager_id IS DISTINCT FROM OLD.manager_id
        OR NEW.site IS DISTINCT FROM OLD.site
        OR NEW.hire_date IS DISTINCT FROM OLD.hire_date
        OR NEW.program_role IS DISTINCT FROM OLD.program_role
        OR NEW.adoption_profile IS DISTINCT FROM OLD.adoption_profile
        OR NEW.active IS DISTINCT FROM OLD.active
    ) THEN
        RAISE EXCEPTION 'only HR changes these fields of an employee'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER employee_keep_hr_fields BEFORE UPDATE ON employee
FOR EACH ROW EXECUTE FUNCTION tandem_keep_hr_fields();

CREATE POLICY read ON program_participant FOR SELECT USING (
    employee_id = (SELECT tandem_me()) OR employee_id IN (SELECT tandem_partners())
    OR employee_id IN (SELECT tandem_people_under_me()));

CREATE POLICY read ON program_pair FOR SELECT USING (id IN (SELECT tandem_visible_pairs()));

CREATE POLICY read ON session FOR SELECT USING (pair_id IN (SELECT tandem_timed_pairs()));
CREATE POLICY own ON session USING (pair_id IN (SELECT tandem_my_pairs()))
    WITH CHECK (pair_id IN (SELECT tandem_my_pairs()));

CREATE POLICY own ON session_log USING (session_id IN (SELECT tandem_my_sessions()))
    WITH CHECK (session_id IN (SELECT tandem_my_sessions()));

-- A session's topics and levels follow its pair (the session row itself shows the busy times of
-- partners' other pairs too, which these must not).
CREATE POLICY read ON session_topic FOR SELECT USING (pair_id IN (SELECT tandem_visible_pairs()));
CREATE POLICY own ON session_topic USING (pair_id IN (SELECT tandem_my_pairs()))
    WITH CHECK (pair_id IN (SELECT tandem_my_pairs()));

CREATE POLICY read ON session_shared FOR SELECT USING (pair_id IN (SELECT tandem_visible_pairs()));

CREATE POLICY read ON self_assessment FOR SELECT USING (pair_id IN (SELECT tandem_visible_pairs()));
CREATE POLICY own ON self_assessment USING (pair_id IN (SELECT tandem_my_pairs()))
    WITH CHECK (pair_id IN (SELECT tandem_my_pairs()));

CREATE POLICY read ON charter_acknowledgement FOR SELECT USING (
    employee_id = (SELECT tandem_me()) OR employee_id IN (SELECT tandem_partners())
    OR employee_id IN (SELECT tandem_people_under_me()));
CREATE POLICY own ON charter_acknowledgement FOR INSERT
    WITH CHECK (employee_id = (SELECT tandem_me()));

CREATE POLICY own ON tandem_login FOR SELECT USING (login = session_user);
