-- Per-pair figures kept up to date by triggers, so that the program dashboard reads one row per
-- pair and topic instead of every topic row and every log of the program (hundreds of thousands
-- in a large one). They count the topics and ratings of held sessions only, as the dashboard
-- does. The core writes logs and topics only for held sessions, and a held session never changes
-- status; the triggers still look at the status, so a row written otherwise is not counted.
--
-- The triggers are the only writers. The copy between databases (store/transfer.rs) skips these
-- tables: the target's triggers fill them as the logs and topics arrive.

-- How many held sessions of a pair taught a topic at a depth.
CREATE TABLE pair_topic_tally (
    pair_id  TEXT NOT NULL REFERENCES program_pair(id) ON DELETE CASCADE,
    topic_id TEXT NOT NULL,
    depth    TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    PRIMARY KEY (pair_id, topic_id, depth)
) WITHOUT ROWID;

-- The sums and counts of the ratings of a pair's held sessions, per side.
CREATE TABLE pair_rating_tally (
    pair_id      TEXT PRIMARY KEY REFERENCES program_pair(id) ON DELETE CASCADE,
    mentee_sum   INTEGER NOT NULL DEFAULT 0,
    mentee_count INTEGER NOT NULL DEFAULT 0,
    mentor_sum   INTEGER NOT NULL DEFAULT 0,
    mentor_count INTEGER NOT NULL DEFAULT 0
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

CREATE TRIGGER session_topic_tally_insert AFTER INSERT ON session_topic
BEGIN
    INSERT INTO pair_topic_tally (pair_id, topic_id, depth, sessions)
    SELECT pair_id, NEW.topic_id, NEW.depth, 1
    FROM session WHERE id = NEW.session_id AND status = 'held'
    ON CONFLICT (pair_id, topic_id, depth) DO UPDATE SET sessions = sessions + 1;
END;

-- A topic deleted on its own. One deleted with its session is subtracted before, by
-- session_tally_delete, while the session can still be read; by now it is gone, and nothing
-- matches here.
CREATE TRIGGER session_topic_tally_delete AFTER DELETE ON session_topic
WHEN EXISTS (SELECT 1 FROM session WHERE id = OLD.session_id AND status = 'held')
BEGIN
    UPDATE pair_topic_tally SET sessions = sessions - 1
    WHERE pair_id = OLD.pair_id AND topic_id = OLD.topic_id AND depth = OLD.depth;
    DELETE FROM pair_topic_tally
    WHERE pair_id = OLD.pair_id AND topic_id = OLD.topic_id AND depth = OLD.depth
      AND sessions <= 0;
END;

CREATE TRIGGER session_topic_tally_update AFTER UPDATE OF topic_id, depth ON session_topic
WHEN EXISTS (SELECT 1 FROM session WHERE id = NEW.session_id AND status = 'held')
BEGIN
    UPDATE pair_topic_tally SET sessions = sessions - 1
    WHERE pair_id = OLD.pair_id AND topic_id = OLD.topic_id AND depth = OLD.depth;
    DELETE FROM pair_topic_tally
    WHERE pair_id = OLD.pair_id AND topic_id = OLD.topic_id AND depth = OLD.depth
      AND sessions <= 0;
    INSERT INTO pair_topic_tally (pair_id, topic_id, depth, sessions)
    SELECT pair_id, NEW.topic_id, NEW.depth, 1 FROM session WHERE id = NEW.session_id
    ON CONFLICT (pair_id, topic_id, depth) DO UPDATE SET sessions = sessions + 1;
END;

CREATE TRIGGER session_log_tally_insert AFTER INSERT ON session_log
BEGIN
    INSERT INTO pair_rating_tally (pair_id, mentee_sum, mentee_count, mentor_sum, mentor_count)
    SELECT pair_id, COALESCE(NEW.mentee_rating, 0), NEW.mentee_rating IS NOT NULL,
           COALESCE(NEW.mentor_rating, 0), NEW.mentor_rating IS NOT NULL
    FROM session WHERE id = NEW.session_id AND status = 'held'
    ON CONFLICT (pair_id) DO UPDATE SET
        mentee_sum = mentee_sum + excluded.mentee_sum,
        mentee_count = mentee_count + excluded.mentee_count,
        mentor_sum = mentor_sum + excluded.mentor_sum,
        mentor_count = mentor_count + excluded.mentor_count;
END;

CREATE TRIGGER session_log_tally_update AFTER UPDATE OF mentee_rating, mentor_rating ON session_log
BEGIN
    UPDATE pair_rating_tally SET
        mentee_sum = mentee_sum - COALESCE(OLD.mentee_rating, 0) + COALESCE(NEW.mentee_rating, 0),
        mentee_count = mentee_count - (OLD.mentee_rating IS NOT NULL) + (NEW.mentee_rating IS NOT NULL),
        mentor_sum = mentor_sum - COALESCE(OLD.mentor_rating, 0) + COALESCE(NEW.mentor_rating, 0),
        mentor_count = mentor_count - (OLD.mentor_rating IS NOT NULL) + (NEW.mentor_rating IS NOT NULL)
    WHERE pair_id = (SELECT pair_id FROM session WHERE id = NEW.session_id AND status = 'held');
END;

-- A log deleted on its own (one deleted with its session: as for topics above).
CREATE TRIGGER session_log_tally_delete AFTER DELETE ON session_log
BEGIN
    UPDATE pair_rating_tally SET
        mentee_sum = mentee_sum - COALESCE(OLD.mentee_rating, 0),
        mentee_count = mentee_count - (OLD.mentee_rating IS NOT NULL),
        mentor_sum = mentor_sum - COALESCE(OLD.mentor_rating, 0),
        mentor_count = mentor_count - (OLD.mentor_rating IS NOT NULL)
    WHERE pair_id = (SELECT pair_id FROM session WHERE id = OLD.session_id AND status = 'held');
END;

-- A held session deleted with its log and topics.
CREATE TRIGGER session_tally_delete BEFORE DELETE ON session
WHEN OLD.status = 'held'
BEGIN
    UPDATE pair_rating_tally SET
        mentee_sum = mentee_sum - COALESCE((SELECT mentee_rating FROM session_log WHERE session_id = OLD.id), 0),
        mentee_count = mentee_count - COALESCE((SELECT mentee_rating IS NOT NULL FROM session_log WHERE session_id = OLD.id), 0),
        mentor_sum = mentor_sum - COALESCE((SELECT mentor_rating FROM session_log WHERE session_id = OLD.id), 0),
        mentor_count = mentor_count - COALESCE((SELECT mentor_rating IS NOT NULL FROM session_log WHERE session_id = OLD.id), 0)
    WHERE pair_id = OLD.pair_id;
    UPDATE pair_topic_tally SET sessions = sessions - 1
    WHERE pair_id = OLD.pair_id
      AND (topic_id, depth) IN (SELECT topic_id, depth FROM session_topic WHERE session_id = OLD.id);
    DELETE FROM pair_topic_tally WHERE pair_id = OLD.pair_id AND sessions <= 0;
END;
