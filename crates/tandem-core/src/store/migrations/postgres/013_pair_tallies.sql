-- Per-pair figures kept by triggers: PostgreSQL form of ../013_pair_tallies.sql, which says why
-- and what they count. The trigger functions run as the owner (SECURITY DEFINER): a participant
-- who logs a session may not write these tables, which only HR reads.

CREATE TABLE pair_topic_tally (
    pair_id  TEXT COLLATE "C" NOT NULL REFERENCES program_pair(id) ON DELETE CASCADE,
    topic_id TEXT COLLATE "C" NOT NULL,
    depth    TEXT COLLATE "C" NOT NULL,
    sessions BIGINT NOT NULL,
    PRIMARY KEY (pair_id, topic_id, depth)
);

CREATE TABLE pair_rating_tally (
    pair_id      TEXT COLLATE "C" PRIMARY KEY REFERENCES program_pair(id) ON DELETE CASCADE,
    mentee_sum   BIGINT NOT NULL DEFAULT 0,
    mentee_count BIGINT NOT NULL DEFAULT 0,
    mentor_sum   BIGINT NOT NULL DEFAULT 0,
    mentor_count BIGINT NOT NULL DEFAULT 0
);

INSERT INTO pair_topic_tally (pair_id, topic_id, depth, sessions)
SELECT s.pair_id, t.topic_id, t.depth, COUNT(*)
FROM session_topic t JOIN session s ON s.id = t.session_id AND s.status = 'held'
GROUP BY s.pair_id, t.topic_id, t.depth;

INSERT INTO pair_rating_tally (pair_id, mentee_sum, mentee_count, mentor_sum, mentor_count)
SELECT s.pair_id, COALESCE(SUM(l.mentee_rating), 0), COUNT(l.mentee_rating),
       COALESCE(SUM(l.mentor_rating), 0), COUNT(l.mentor_rating)
FROM session_log l JOIN session s ON s.id = l.session_id AND s.status = 'held'
GROUP BY s.pair_id;

-- Adds `n` (1 or -1) held sessions to a pair's topic at a depth.
CREATE FUNCTION tandem_tally_add_topic(pair text, topic text, topic_depth text, n bigint)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO pair_topic_tally (pair_id, topic_id, depth, sessions)
    VALUES (pair, topic, topic_depth, n)
    ON CONFLICT (pair_id, topic_id, depth)
    DO UPDATE SET sessions = pair_topic_tally.sessions + n;
    DELETE FROM pair_topic_tally
    WHERE pair_id = pair AND topic_id = topic AND depth = topic_depth AND sessions <= 0;
$$;

-- Adds (`sign` 1) or takes away (-1) one log's ratings to its pair's sums.
CREATE FUNCTION tandem_tally_add_rating(pair text, mentee bigint, mentor bigint, sign int)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO pair_rating_tally (pair_id, mentee_sum, mentee_count, mentor_sum, mentor_count)
    VALUES (pair, sign * COALESCE(mentee, 0), sign * (mentee IS NOT NULL)::int,
            sign * COALESCE(mentor, 0), sign * (mentor IS NOT NULL)::int)
    ON CONFLICT (pair_id) DO UPDATE SET
        mentee_sum = pair_rating_tally.mentee_sum + excluded.mentee_sum,
        mentee_count = pair_rating_tally.mentee_count + excluded.mentee_count,
        mentor_sum = pair_rating_tally.mentor_sum + excluded.mentor_sum,
        mentor_count = pair_rating_tally.mentor_count + excluded.mentor_count;
$$;

-- The pair of a held session; NULL for another status, or a session already deleted (a row
-- deleted with its session was subtracted by tandem_tally_session, before).
CREATE FUNCTION tandem_held_pair(session_key text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pair_id FROM session WHERE id = session_key AND status = 'held'
$$;

CREATE FUNCTION tandem_tally_topic() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    pair text;
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        pair := tandem_held_pair(OLD.session_id);
        IF pair IS NOT NULL THEN
            PERFORM tandem_tally_add_topic(pair, OLD.topic_id, OLD.depth, -1);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        pair := tandem_held_pair(NEW.session_id);
        IF pair IS NOT NULL THEN
            PERFORM tandem_tally_add_topic(pair, NEW.topic_id, NEW.depth, 1);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER session_topic_tally AFTER INSERT OR DELETE OR UPDATE OF topic_id, depth
ON session_topic FOR EACH ROW EXECUTE FUNCTION tandem_tally_topic();

CREATE FUNCTION tandem_tally_rating() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    pair text;
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        pair := tandem_held_pair(OLD.session_id);
        IF pair IS NOT NULL THEN
            PERFORM tandem_tally_add_rating(pair, OLD.mentee_rating, OLD.mentor_rating, -1);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        pair := tandem_held_pair(NEW.session_id);
        IF pair IS NOT NULL THEN
            PERFORM tandem_tally_add_rating(pair, NEW.mentee_rating, NEW.mentor_rating, 1);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER session_log_tally AFTER INSERT OR DELETE OR UPDATE OF mentee_rating, mentor_rating
ON session_log FOR EACH ROW EXECUTE FUNCTION tandem_tally_rating();

-- A held session deleted with its log and topics: subtracted while they can still be read.
CREATE FUNCTION tandem_tally_session() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF OLD.status = 'held' THEN
        PERFORM tandem_tally_add_rating(OLD.pair_id, l.mentee_rating, l.mentor_rating, -1)
        FROM session_log l WHERE l.session_id = OLD.id;
        PERFORM tandem_tally_add_topic(OLD.pair_id, t.topic_id, t.depth, -1)
        FROM session_topic t WHERE t.session_id = OLD.id;
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER session_tally_delete BEFORE DELETE ON session
FOR EACH ROW EXECUTE FUNCTION tandem_tally_session();

-- Read by HR only (the dashboard); written only by the triggers above.
GRANT SELECT ON pair_topic_tally, pair_rating_tally TO PUBLIC;
ALTER TABLE pair_topic_tally ENABLE ROW LEVEL SECURITY;
ALTER TABLE pair_rating_tally ENABLE ROW LEVEL SECURITY;
CREATE POLICY hr ON pair_topic_tally FOR SELECT USING ((SELECT tandem_is_hr()));
CREATE POLICY hr ON pair_rating_tally FOR SELECT USING ((SELECT tandem_is_hr()));
