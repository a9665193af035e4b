-- The sets row-level security checks rows against (012_row_security.sql), kept per login from one
-- statement to the next instead of computed again by every statement.
--
-- Why: for a manager of 2,000 people each set costs 3 to 20 ms to compute, and a statement that
-- joins employees, pairs, sessions and levels needs three or four of them: the manager view's
-- seven statements spent more than 100 ms there. Now a statement reads the login's sets from
-- `tandem_private.scope_cache`, and recomputes them only when the data they depend on changed.
--
-- What they depend on: who a login is (`tandem_login`), the reporting line (`employee.manager_id`)
-- and the pairs (`program_pair`). A statement-level trigger on each bumps
-- `tandem_private.scope_state.generation`, in the writer's transaction: other connections see the
-- new generation when the change commits, together with the data, so a set is never computed from
-- data older than its generation. The sets of a login are a function of the data alone, so one
-- copy per login serves all its connections.
--
-- Only the owner reads and writes the private schema (the policy functions run as the owner);
-- a login cannot read the cache, nor plant rows in it.

CREATE TABLE tandem_private.scope_state (generation BIGINT NOT NULL);
INSERT INTO tandem_private.scope_state VALUES (0);

CREATE UNLOGGED TABLE tandem_private.scope_cache_of (
    login      TEXT COLLATE "C" PRIMARY KEY,
    generation BIGINT NOT NULL
);

-- kind: 'u' people under the login, 'p' visible pairs, 'e' visible people, 't' timed pairs.
CREATE UNLOGGED TABLE tandem_private.scope_cache (
    login TEXT COLLATE "C" NOT NULL,
    kind  "char" NOT NULL,
    id    TEXT COLLATE "C" NOT NULL
);
CREATE INDEX scope_cache_login_kind ON tandem_private.scope_cache (login, kind);

CREATE FUNCTION tandem_scope_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE tandem_private.scope_state SET generation = generation + 1;
    RETURN NULL;
END;
$$;

-- An update of employees bumps only when someone's manager changed: a participant saving their
-- profile rewrites the row without changing the line.
CREATE FUNCTION tandem_scope_line_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed_old o JOIN changed_new n ON n.id = o.id
               WHERE n.manager_id IS DISTINCT FROM o.manager_id) THEN
        UPDATE tandem_private.scope_state SET generation = generation + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER employee_scope_insert AFTER INSERT OR DELETE ON employee
FOR EACH STATEMENT EXECUTE FUNCTION tandem_scope_changed();
CREATE TRIGGER employee_scope_update AFTER UPDATE ON employee
REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
FOR EACH STATEMENT EXECUTE FUNCTION tandem_scope_line_changed();
CREATE TRIGGER program_pair_scope AFTER INSERT OR UPDATE OR DELETE ON program_pair
FOR EACH STATEMENT EXECUTE FUNCTION tandem_scope_changed();
CREATE TRIGGER tandem_login_scope AFTER INSERT OR UPDATE OR DELETE ON tandem_login
FOR EACH STATEMENT EXECUTE FUNCTION tandem_scope_changed();

-- The sets as 012 computed them, now only to fill the cache.
CREATE FUNCTION tandem_private.compute_people_under() RETURNS SETOF text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
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
    RETURN QUERY SELECT l.employee_id FROM tandem_private.line l WHERE l.manager_id = tandem_me();
END;
$$;

-- Fills the cache of the signed-in login when its generation is not the current one.
CREATE FUNCTION tandem_private.refresh_scope() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    current_generation bigint := (SELECT generation FROM tandem_private.scope_state);
BEGIN
    IF EXISTS (SELECT 1 FROM tandem_private.scope_cache_of
               WHERE login = session_user AND generation = current_generation) THEN
        RETURN;
    END IF;
    -- One connection fills a login's cache at a time; the next finds it filled.
    PERFORM pg_advisory_xact_lock(7346209, hashtext(session_user::text));
    IF EXISTS (SELECT 1 FROM tandem_private.scope_cache_of
               WHERE login = session_user AND generation = current_generation) THEN
        RETURN;
    END IF;
    DELETE FROM tandem_private.scope_cache WHERE login = session_user;
    INSERT INTO tandem_private.scope_cache (login, kind, id)
    SELECT session_user, 'u', u FROM tandem_private.compute_people_under() u;
    INSERT INTO tandem_private.scope_cache (login, kind, id)
    WITH mine AS (
        SELECT tandem_me() AS id
        UNION ALL
        SELECT id FROM tandem_private.scope_cache WHERE login = session_user AND kind = 'u'
    )
    SELECT session_user, 'p', id FROM program_pair
    WHERE status = 'approved'
      AND (mentee_id IN (SELECT id FROM mine) OR mentor_id IN (SELECT id FROM mine));
    INSERT INTO tandem_private.scope_cache (login, kind, id)
    WITH RECURSIVE above(id) AS (
        SELECT manager_id FROM employee WHERE id = tandem_me() AND manager_id IS NOT NULL
        UNION
        SELECT e.manager_id FROM employee e JOIN above a ON e.id = a.id
        WHERE e.manager_id IS NOT NULL
    ),
    mine AS (
        SELECT tandem_me() AS id
        UNION ALL
        SELECT id FROM tandem_private.scope_cache WHERE login = session_user AND kind = 'u'
    ),
    pairs AS (
        SELECT mentee_id, mentor_id FROM program_pair
        WHERE id IN (SELECT id FROM tandem_private.scope_cache
                     WHERE login = session_user AND kind = 'p')
    ),
    people AS (
        SELECT id FROM mine
        UNION SELECT id FROM above
        UNION SELECT mentee_id FROM pairs
        UNION SELECT mentor_id FROM pairs
    )
    SELECT session_user, 'e', id FROM people WHERE id IS NOT NULL;
    INSERT INTO tandem_private.scope_cache (login, kind, id)
    SELECT session_user, 't', id FROM (
        SELECT id FROM tandem_private.scope_cache WHERE login = session_user AND kind = 'p'
        UNION
        SELECT id FROM program_pair
        WHERE status = 'approved'
          AND (mentee_id IN (SELECT tandem_partners()) OR mentor_id IN (SELECT tandem_partners()))
    ) timed;
    INSERT INTO tandem_private.scope_cache_of (login, generation)
    VALUES (session_user, current_generation)
    ON CONFLICT (login) DO UPDATE SET generation = excluded.generation;
END;
$$;

-- The policy functions of 012, now reading the cache. Replacing them keeps the policies that
-- call them.
CREATE OR REPLACE FUNCTION tandem_people_under_me() RETURNS SETOF text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tandem_private.refresh_scope();
    RETURN QUERY SELECT id FROM tandem_private.scope_cache WHERE login = session_user AND kind = 'u';
END;
$$;

CREATE OR REPLACE FUNCTION tandem_visible_pairs() RETURNS SETOF text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tandem_private.refresh_scope();
    RETURN QUERY SELECT id FROM tandem_private.scope_cache WHERE login = session_user AND kind = 'p';
END;
$$;

CREATE OR REPLACE FUNCTION tandem_visible_people() RETURNS SETOF text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tandem_private.refresh_scope();
    RETURN QUERY SELECT id FROM tandem_private.scope_cache WHERE login = session_user AND kind = 'e';
END;
$$;

CREATE OR REPLACE FUNCTION tandem_timed_pairs() RETURNS SETOF text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tandem_private.refresh_scope();
    RETURN QUERY SELECT id FROM tandem_private.scope_cache WHERE login = session_user AND kind = 't';
END;
$$;
