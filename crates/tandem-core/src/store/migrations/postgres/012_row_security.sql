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
-- The helper functions run as the owner (SECURITY DEFINER), so a policy can look at pairs and
-- logins without meeting its own policy again. Policies call them as `(SELECT f())` or
-- `x IN (SELECT f())`: evaluated once per statement, not once per row.
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

-- Everyone under the signed-in person in the reporting line, at any depth.
CREATE FUNCTION tandem_people_under_me() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH RECURSIVE under(id) AS (
        SELECT id FROM employee WHERE manager_id = tandem_me()
        UNION
        SELECT e.id FROM employee e JOIN under u ON e.manager_id = u.id
    )
    SELECT id FROM under
$$;

-- The signed-in person's own approved pairs.
CREATE FUNCTION tandem_my_pairs() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM program_pair
    WHERE status = 'approved' AND (mentee_id = tandem_me() OR mentor_id = tandem_me())
$$;

-- The other person of each of the signed-in person's approved pairs.
CREATE FUNCTION tandem_partners() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN mentee_id = tandem_me() THEN mentor_id ELSE mentee_id END
    FROM program_pair
    WHERE status = 'approved' AND (mentee_id = tandem_me() OR mentor_id = tandem_me())
$$;

-- Pairs the signed-in person may see: their own, and the approved pairs of people under them.
CREATE FUNCTION tandem_visible_pairs() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM program_pair
    WHERE status = 'approved'
      AND (mentee_id = tandem_me() OR mentor_id = tandem_me()
           OR mentee_id IN (SELECT tandem_people_under_me())
           OR mentor_id IN (SELECT tandem_people_under_me()))
$$;

-- People whose record the signed-in person may read: themself, their managers up the line, the
-- people under them, and everyone in a pair they may see (the mentor of one of their people, say).
CREATE FUNCTION tandem_visible_people() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH RECURSIVE above(id) AS (
        SELECT manager_id FROM employee WHERE id = tandem_me() AND manager_id IS NOT NULL
        UNION
        SELECT e.manager_id FROM employee e JOIN above a ON e.id = a.id
        WHERE e.manager_id IS NOT NULL
    )
    SELECT tandem_me()
    UNION SELECT id FROM above
    UNION SELECT tandem_people_under_me()
    UNION SELECT mentee_id FROM program_pair WHERE id IN (SELECT tandem_visible_pairs())
    UNION SELECT mentor_id FROM program_pair WHERE id IN (SELECT tandem_visible_pairs())
$$;

-- Sessions of the pairs the signed-in person may see.
CREATE FUNCTION tandem_visible_sessions() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM session WHERE pair_id IN (SELECT tandem_visible_pairs())
$$;

-- Sessions of the signed-in person's own pairs.
CREATE FUNCTION tandem_my_sessions() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM session WHERE pair_id IN (SELECT tandem_my_pairs())
$$;

-- Pairs whose session times the signed-in person may see: the visible ones, and every approved
-- pair of the people they are paired with (their busy times).
CREATE FUNCTION tandem_timed_pairs() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT tandem_visible_pairs()
    UNION
    SELECT id FROM program_pair
    WHERE status = 'approved'
      AND (mentee_id IN (SELECT tandem_partners()) OR mentor_id IN (SELECT tandem_partners()))
$$;

-- The shareable part of the logs, for the rows the signed-in person may see.
DROP VIEW IF EXISTS session_shared;
CREATE VIEW session_shared WITH (security_barrier) AS
SELECT l.session_id, l.task_set, l.previous_task_outcome, l.summary
FROM session_log l
WHERE (SELECT tandem_is_hr()) OR l.session_id IN (SELECT tandem_visible_sessions());

GRANT SELECT ON session_shared TO PUBLIC;
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
        'session_log', 'session_topic', 'self_assessment', 'charter_acknowledgement',
        'tandem_login']
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

CREATE POLICY read ON session_topic FOR SELECT USING (session_id IN (SELECT tandem_visible_sessions()));
CREATE POLICY own ON session_topic USING (session_id IN (SELECT tandem_my_sessions()))
    WITH CHECK (session_id IN (SELECT tandem_my_sessions()));

CREATE POLICY read ON self_assessment FOR SELECT USING (session_id IN (SELECT tandem_visible_sessions()));
CREATE POLICY own ON self_assessment USING (session_id IN (SELECT tandem_my_sessions()))
    WITH CHECK (session_id IN (SELECT tandem_my_sessions()));

CREATE POLICY read ON charter_acknowledgement FOR SELECT USING (
    employee_id = (SELECT tandem_me()) OR employee_id IN (SELECT tandem_partners())
    OR employee_id IN (SELECT tandem_people_under_me()));
CREATE POLICY own ON charter_acknowledgement FOR INSERT
    WITH CHECK (employee_id = (SELECT tandem_me()));

CREATE POLICY own ON tandem_login FOR SELECT USING (login = session_user);
