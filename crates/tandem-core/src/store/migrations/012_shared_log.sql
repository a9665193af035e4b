-- What of a learning log may leave the pair: the practice task, how the last one went, and the
-- summary. Managers and HR read logs through this view; the private notes and the ratings stay in
-- `session_log`, which only the pair's own screens read.
--
-- On the team database (PostgreSQL) the same view also filters rows by who is signed in, and
-- row-level security guards every table (postgres/012_row_security.sql). Here, on a file with one
-- user, it is a plain view.

CREATE VIEW session_shared AS
SELECT session_id, task_set, previous_task_outcome, summary FROM session_log;

-- Topics and self-assessed levels carry their session's pair, which triggers fill in: the team
-- database's row-level security checks a row against the set of pairs the reader may see, a
-- cheap test, where going through the session cost a search per row. A session never changes
-- pair, so the copy never goes stale.
ALTER TABLE session_topic ADD COLUMN pair_id TEXT;
ALTER TABLE self_assessment ADD COLUMN pair_id TEXT;
UPDATE session_topic SET pair_id = (SELECT pair_id FROM session WHERE id = session_topic.session_id);
UPDATE self_assessment SET pair_id = (SELECT pair_id FROM session WHERE id = self_assessment.session_id);

CREATE TRIGGER session_topic_pair AFTER INSERT ON session_topic
WHEN NEW.pair_id IS NULL
BEGIN
    UPDATE session_topic SET pair_id = (SELECT pair_id FROM session WHERE id = NEW.session_id)
    WHERE session_id = NEW.session_id AND topic_id = NEW.topic_id;
END;

CREATE TRIGGER self_assessment_pair AFTER INSERT ON self_assessment
WHEN NEW.pair_id IS NULL
BEGIN
    UPDATE self_assessment SET pair_id = (SELECT pair_id FROM session WHERE id = NEW.session_id)
    WHERE session_id = NEW.session_id AND topic_id = NEW.topic_id;
END;
